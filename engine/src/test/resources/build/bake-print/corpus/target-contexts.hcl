# target: contexts pull the linked targets in; missing and looping links are refused
target "base" {
  dockerfile = "base.Dockerfile"
}

target "tools" {
  contexts = { base = "target:base" }
}

target "app" {
  contexts = {
    tools  = "target:tools"
    assets = "./assets"
    alpine = "docker-image://alpine:3"
  }
}

target "missing" {
  contexts = { base = "target:nowhere" }
}

target "self" {
  contexts = { me = "target:self" }
}

target "loop-a" {
  contexts = { b = "target:loop-b" }
}

target "loop-b" {
  contexts = { a = "target:loop-a" }
}

group "default" {
  targets = ["app"]
}
