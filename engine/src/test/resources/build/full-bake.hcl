# every attribute the reader understands, inherits and interpolation
variable "REGISTRY" {
  default = "reg.example.com/team"
}
variable "TAG" { default = "dev" }
variable "VERSION" {
  default = "${TAG}-1"   // a default that refers to another variable
}
PLATFORM = "linux/amd64"

/* a group of groups */
group "default" {
  targets = ["all"]
}
group "all" {
  targets = ["api", "worker", "api"]
}

target "_common" {
  context    = "services"
  dockerfile = "build/Dockerfile"
  args = {
    VERSION = VERSION
    COMMON  = "yes"
  }
  labels = {
    "org.opencontainers.image.vendor" = "Example"
  }
  platforms  = [PLATFORM]
  cache-from = ["type=registry,ref=${REGISTRY}/cache:common"]
  cache-to   = ["type=inline"]
}

target "api" {
  inherits = ["_common"]
  target   = "api"
  args = {
    PORT = 8080
    DEBUG = false
  }
  tags       = ["${REGISTRY}/api:${TAG}", "${REGISTRY}/api:latest"]
  cache-from = ["type=registry,ref=${REGISTRY}/cache:api"]
  cache-to   = ["type=registry,ref=${REGISTRY}/cache:api,mode=max"]
  contexts = {
    shared = "../shared"
  }
}

target "worker" {
  inherits = ["_common"]
  target   = "worker"
  dockerfile = "build/Worker.Dockerfile"
  tags     = ["${REGISTRY}/worker:${TAG}", "literal $${NOT_A_VARIABLE} \"quoted\""]
}
