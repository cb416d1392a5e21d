# dockerfile = "" and context = "" are buildx's defaults; cache entries as strings and as objects
variable "CACHE" { default = "registry.example.com/cache" }

target "default" {
  dockerfile = ""
  context    = ""
  cache-from = [
    "${CACHE}:main",
    "type=local,src=/tmp/cache",
    { type = "registry", ref = "${CACHE}:branch" },
    { type = "gha", scope = "build,main" },
  ]
  cache-to = [
    { type = "registry", ref = "${CACHE}:main", mode = "max", ignore-error = true },
    "type=inline",
  ]
}
