# target.NAME.ATTRIBUTE: what the named target's own blocks set
variable "TAG" { default = "1.0" }

target "base" {
  dockerfile = "base.Dockerfile"
  tags       = ["base:${TAG}", "base:latest"]
  args       = { BASE_ARG = "b" }
  platforms  = ["linux/amd64", "linux/arm64"]
}

target "app" {
  inherits   = ["base"]
  args       = { APP_ARG = "a" }
}

target "uses" {
  dockerfile = target.base.dockerfile
  tags       = ["uses:${TAG}", target.base.tags[0], "first-platform-${target.base.platforms[0]}"]
  args = {
    FROM_BASE = target.base.args.BASE_ARG
    FROM_APP  = target.app.args["APP_ARG"]
    COUNT     = length(target.base.tags)
    APP_TAGS  = target.app.tags == null ? "none of its own" : "own"
  }
  platforms = [target.base.platforms[1]]
}

target "chained" {
  tags = [for tag in target.uses.tags : "${tag}-chained"]
}

group "default" {
  targets = ["uses", "chained"]
}
