# a null value cannot be part of a string
variable "NOTHING" {
  default = null
}
target "default" {
  tags = ["image:${NOTHING}"]
}
