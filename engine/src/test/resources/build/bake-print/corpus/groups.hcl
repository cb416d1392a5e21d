# groups: a member with the group's own name is the target of that name; nested groups; patterns select targets
group "default" {
  targets = ["api"]
}

group "api" {
  targets = ["api", "api-docs"]
}

target "api" {
  tags = ["api"]
}

target "api-docs" {
  tags = ["api-docs"]
}

group "all" {
  targets = ["api", "web", "nested"]
}

group "nested" {
  targets = ["worker", "api"]
}

target "web" {}
target "worker" {}
target "worker-beta" {}
