# validation blocks: every condition must hold, else the error message
variable "PORT" {
  type    = number
  default = 8080
  validation {
    condition     = PORT > 1024
    error_message = "PORT must be above 1024."
  }
  validation {
    condition     = PORT < 65536
    error_message = "PORT must be below 65536."
  }
}
variable "CHANNEL" {
  default = "stable"
  validation {
    condition     = contains(["stable", "edge"], CHANNEL)
    error_message = "CHANNEL must be stable or edge, not ${CHANNEL}."
  }
}
variable "MIRROR" {
  default = ""
  validation {
    condition     = MIRROR == "" || can(regex("^https://", MIRROR))
    error_message = "MIRROR must be an https URL."
  }
}

target "default" {
  args = { PORT = PORT, CHANNEL = CHANNEL, MIRROR = MIRROR }
}
