# function blocks: parameters, a variadic parameter, functions calling functions and the standard library
variable "REGISTRY" { default = "registry.example.com" }

function "image" {
  params = [name, tag]
  result = "${REGISTRY}/${name}:${tag}"
}

function "tags" {
  params         = [name]
  variadic_params= versions
  result         = [for version in versions : image(name, version)]
}

function "major" {
  params = [version]
  result = split(".", version)[0]
}

function "double" {
  params = [n]
  result = n * 2
}

target "default" {
  tags = tags("app", "1.2.3", major("1.2.3"), "latest")
  args = {
    DOUBLE = double(double(3))
    SPREAD = jsonencode(tags("x", ["a", "b"]...))
  }
}
