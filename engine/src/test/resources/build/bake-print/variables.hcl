# variables: defaults of every type, environment overrides, global values, interpolation and literal strings
variable "REGISTRY" {
  default = "registry.example.com"
}
variable "TAG" {} # no default: the environment's value, else ""
variable "PUSH" { default = false } // the environment's value is read as a bool
variable "REPLICAS" { default = 2 } // ... as a number
variable "RATIO" { default = 1.50 }
variable "BIG" { default = 1e3 }
variable "NOTHING" { default = null } /* the environment's value is read as a string */
variable "IMAGE" { default = "${REGISTRY}/app" }
variable "COUNT" { default = "${REPLICAS}" }
variable "DOUBLE" { default = "first" }
variable "DOUBLE" { default = "second" }
RELEASE = "global-${TAG}" # a global value: the environment does not override it
VERSION = "1.0"
variable "VERSION" { default = "9.9" }
variable "BAKE_CMD_CONTEXT" { default = "a built-in wins" }

target "default" {
  args = {
    PUSH         = PUSH
    PUSH_TEXT    = "push=${PUSH}"
    REPLICAS     = "${REPLICAS}"
    COUNT        = COUNT
    RATIO        = RATIO
    BIG          = BIG
    NOTHING      = NOTHING
    RELEASE      = RELEASE
    VERSION      = VERSION
    DOUBLE       = DOUBLE
    CMD_CONTEXT  = BAKE_CMD_CONTEXT
    NUMBER       = 8080
    NEGATIVE     = -1
    FRACTION     = 0.250
    BOOL         = true
    ESCAPES      = "tab\tquote\"backslash\\e-acute\u00e9"
    LITERAL      = "$${NOT_INTERPOLATED} %%{not_a_directive}"
    "quoted.key" = "q"
  }
  labels = {
    "org.opencontainers.image.version" = "${VERSION}"
    "org.opencontainers.image.source"  = "https://example.com/${IMAGE}"
  }
  tags       = ["${IMAGE}:${TAG}", IMAGE, "${IMAGE}:${REPLICAS}"]
  context    = "ctx-${REPLICAS}"
  dockerfile = "${TAG}.Dockerfile"
  target     = "stage"
  platforms  = ["linux/amd64"]
  cache-from = ["type=registry,ref=${REGISTRY}/cache:${TAG}"]
  cache-to   = ["type=registry,ref=${REGISTRY}/cache:${TAG},mode=max,ignore-error=true"]
  contexts   = { extra = "docker-image://${IMAGE}:base" }
}
