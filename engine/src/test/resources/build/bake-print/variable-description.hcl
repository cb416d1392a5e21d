# a variable may describe itself
variable "TAG" {
  default     = "1"
  description = "the tag"
}
target "default" {
  tags = ["image:${TAG}"]
}
