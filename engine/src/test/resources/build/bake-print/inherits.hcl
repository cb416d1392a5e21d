# inherits chains, several parents, a diamond, cycles, nulls, empty values, duplicates and repeated blocks
group "default" {
  targets = ["app", "diamond", "cycle-a"]
}
group "chain" {
  targets = ["middle"]
}
group "nested" {
  targets = ["chain", "diamond", "app"]
}
group "chain" { # a repeated group replaces the earlier one
  targets = ["app", "app", "middle"]
}

target "base" {
  context    = "base-context"
  dockerfile = "base.Dockerfile"
  target     = "base-stage"
  args = {
    FROM_BASE       = "base"
    OVERRIDDEN      = "base"
    DROPPED_BY_NULL = "kept"
  }
  labels = {
    "org.example.base"       = "yes"
    "org.example.overridden" = "base"
  }
  platforms  = ["linux/amd64", "linux/arm64"]
  cache-from = ["type=registry,ref=r.example.com/cache:base", ""]
  cache-to   = ["type=registry,ref=r.example.com/cache:base,mode=max"]
  contexts = {
    shared  = "../shared"
    removed = "../removed"
  }
  tags = ["r.example.com/base:1", "r.example.com/base:1"]
}

target "middle" {
  inherits = ["base"]
  args = {
    OVERRIDDEN      = "middle"
    DROPPED_BY_NULL = null
  }
  labels = {
    "org.example.overridden" = null
  }
  cache-from = ["type=registry,ref=r.example.com/cache:middle", "type=registry,ref=r.example.com/cache:base"]
  contexts = {
    removed = ""
  }
  target = null
  tags   = null
}

target "app" {
  inherits  = ["middle"]
  target    = "app-stage"
  platforms = ["linux/amd64", "linux/amd64", ""]
  cache-to  = []
  tags      = ["r.example.com/app:1", "", "r.example.com/app:latest", "r.example.com/app:1"]
}

target "app" { # a repeated target block merges into the first
  args = {
    SECOND_BLOCK = "yes"
  }
  cache-from = ["type=local,src=/tmp/cache"]
}

target "left" {
  inherits   = ["base"]
  args       = { SIDE = "left" }
  cache-from = ["type=registry,ref=r.example.com/cache:left"]
}

target "right" {
  inherits   = ["base"]
  args       = { SIDE = "right" }
  dockerfile = "right.Dockerfile"
}

target "diamond" {
  inherits = ["left", "right"]
  labels   = { "org.example.diamond" = "yes" }
}

target "cycle-a" {
  inherits = ["cycle-b"]
  tags     = ["r.example.com/a:1"]
}

target "cycle-b" {
  inherits = ["cycle-a"]
  args     = { B = "b" }
}

target "self" {
  inherits = ["self", "base"]
}

target "missing-parent" { # an error only when it is built
  inherits = ["nowhere"]
}
