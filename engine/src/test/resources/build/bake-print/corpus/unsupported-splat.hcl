# a splat expression: buildx reads it, the built-in reader names it
variable "SERVICES" { default = [{ name = "web" }, { name = "worker" }] }

target "default" {
  tags = SERVICES[*].name
}
