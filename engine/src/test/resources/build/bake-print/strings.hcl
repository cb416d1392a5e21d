# heredocs, numbers beyond 64 bits and a number variable the environment sets with Go's digit separators
variable "NAME" {
  default = "app"
}
variable "COUNT" {
  default = 5
}

target "default" {
  tags = [<<EOT
registry.example.com/${NAME}:plain \n $${NOT_INTERPOLATED}
  indented
EOT
    , <<-INDENTED
      registry.example.com/${NAME}:flush

        deeper ${COUNT}
    INDENTED
  ]
  args = {
    EMPTY = <<NOTHING
NOTHING
    HUGE     = 1e400
    LONG     = 12345678901234567890
    TENTH    = 0.1
    COUNT    = COUNT
  }
}
