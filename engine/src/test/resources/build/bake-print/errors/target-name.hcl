# target names are letters, digits, "_" and "-"
target "web.app" {
}
