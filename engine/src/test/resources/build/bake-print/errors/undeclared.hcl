# a variable the file does not declare is an error even when the environment sets it
target "default" {
  tags = ["${UNDECLARED}"]
}
