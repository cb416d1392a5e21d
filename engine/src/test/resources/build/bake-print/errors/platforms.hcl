# buildx checks the platforms of the targets it builds, and only of those
target "good" {
  platforms = ["linux/amd64", "arm64", "LINUX", "linux/arm/v7", "linux/amd64,linux/arm64", "local", "macos/x86_64"]
}
target "unknown" {
  platforms = ["linux/amd64", "plan10"]
}
target "malformed" {
  platforms = ["linux/amd64/v2/extra"]
}
