# a variable has only a default
variable "TAG" {
  default     = "1"
  description = "the tag"
}
target "default" {
  tags = ["image:${TAG}"]
}
