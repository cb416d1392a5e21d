# buildx's built-in variables: their values depend on the machine, so only the installed buildx is asked
variable "BAKE_LOCAL_PLATFORM" {
  default = "ignored: a built-in wins"
}
target "default" {
  platforms = [BAKE_LOCAL_PLATFORM]
  args = {
    CONTEXT = BAKE_CMD_CONTEXT
  }
}
