# typed variables: defaults converted to their type, the environment read as the type says
variable "NAME" {
  type    = string
  default = "app"
}
variable "PORT" {
  type    = number
  default = "8080" # a string default converted to a number
}
variable "VERBOSE" {
  type    = bool
  default = false
}
variable "PLATFORMS" {
  type    = list(string)
  default = ["linux/amd64"]
}
variable "PORTS" {
  type    = list(number)
  default = [80, 443]
}
variable "FEATURES" {
  type    = set(string)
  default = ["zeta", "alpha", "zeta"]
}
variable "LABELS" {
  type    = map(string)
  default = { team = "core", tier = 1 }
}
variable "PAIR" {
  type    = tuple([string, number])
  default = ["x", 1]
}
variable "SETTINGS" {
  type        = object({ level = number, mode = string })
  default     = { level = 2, mode = "fast" }
  description = "an object: the environment cannot set it"
}
variable "ANYTHING" {
  type    = any
  default = ["a", 1]
}
variable "UNTYPED_LIST" {
  default = ["u"]
}

target "default" {
  tags      = ["${NAME}:${PORT}"]
  platforms = PLATFORMS
  args = {
    PORT      = PORT + 1
    VERBOSE     = VERBOSE ? "on" : "off"
    PORTS     = join(",", PORTS)
    FEATURES  = join(",", FEATURES)
    PAIR      = jsonencode(PAIR)
    SETTINGS  = jsonencode(SETTINGS)
    LEVEL     = SETTINGS.level * 10
    ANYTHING  = jsonencode(ANYTHING)
    UNTYPED   = jsonencode(UNTYPED_LIST)
  }
  labels = LABELS
}
