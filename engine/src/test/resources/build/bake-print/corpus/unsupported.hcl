# what the built-in reader cannot do: buildx reads it, the built-in reader names it
variable "ITEMS" { default = ["a", "b"] }

target "default" {
  args = {
    DIRECTIVE = "%{ for item in ITEMS }${item};%{ endfor }"
  }
}
