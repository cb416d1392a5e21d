# Bake definition of the sample app; docker-bake.json says the same in JSON.
#   docker buildx bake                  # default: web and worker
#   docker buildx bake all              # all four services
#   BASE_IMAGE=127.0.0.1:5000/base/busybox:latest REGISTRY=127.0.0.1:5000 TAG=1.0.0 docker buildx bake essential

variable "BASE_IMAGE" {
  default = "localhost:5000/base/busybox:latest"
}

variable "REGISTRY" {
  default = "localhost:5000"
}

variable "TAG" {
  default = "latest"
}

group "default" {
  targets = ["web", "worker"]
}

group "essential" {
  targets = ["web", "worker"]
}

group "all" {
  targets = ["web", "worker", "docs", "migrations"]
}

target "web" {
  context    = "."
  dockerfile = "Dockerfile"
  target     = "web"
  args = {
    BASE_IMAGE = "${BASE_IMAGE}"
  }
  tags = ["${REGISTRY}/sample-app/web:${TAG}"]
}

target "worker" {
  context    = "."
  dockerfile = "Dockerfile"
  target     = "worker"
  args = {
    BASE_IMAGE = "${BASE_IMAGE}"
  }
  tags = ["${REGISTRY}/sample-app/worker:${TAG}"]
}

target "docs" {
  context    = "."
  dockerfile = "Dockerfile"
  target     = "docs"
  args = {
    BASE_IMAGE = "${BASE_IMAGE}"
  }
  tags = ["${REGISTRY}/sample-app/docs:${TAG}"]
}

target "migrations" {
  context    = "."
  dockerfile = "Dockerfile"
  target     = "migrations"
  args = {
    BASE_IMAGE = "${BASE_IMAGE}"
  }
  tags = ["${REGISTRY}/sample-app/migrations:${TAG}"]
}
