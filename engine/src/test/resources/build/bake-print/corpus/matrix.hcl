# matrix targets: one target per combination, named by name, grouped under the block's name
variable "REGISTRY" { default = "registry.example.com" }

target "service" {
  name = "service-${item}"
  matrix = {
    item = ["web", "worker"]
  }
  dockerfile = "${item}.Dockerfile"
  tags       = ["${REGISTRY}/${item}:latest"]
}

target "build" {
  name = "build-${tgt}-${replace(version, ".", "-")}"
  matrix = {
    tgt     = ["release", "debug"]
    version = ["1.0", "2.0"]
  }
  target = tgt
  args   = { VERSION = version }
}

target "objects" {
  name = "objects-${os.name}"
  matrix = {
    os = [
      { name = "alpine", base = "alpine:3" },
      { name = "debian", base = "debian:12" },
    ]
  }
  args = { BASE = os.base }
}

group "default" {
  targets = ["service", "build", "objects"]
}
