# operators, conditionals and for expressions
variable "ENV" { default = "prod" }
variable "REPLICAS" { default = 3 }
variable "SERVICES" { default = ["web", "worker", "docs"] }

target "default" {
  args = {
    ADD        = 1 + 2 * 3
    GROUPED    = (1 + 2) * 3
    SUB        = 10 - 4 - 3
    DIV        = 7 / 2
    MOD        = 7 % 3
    NEG        = -REPLICAS
    STRING_SUM = "2" + 3
    EQ         = ENV == "prod"
    NE         = ENV != "prod"
    NUM_EQ     = 1 == 1.0
    TYPE_EQ    = "1" == 1
    LT         = REPLICAS < 5
    GE         = REPLICAS >= 3
    AND        = ENV == "prod" && REPLICAS > 1
    OR         = ENV == "dev" || REPLICAS > 10
    NOT        = !(ENV == "prod")
    COND       = ENV == "prod" ? "optimised" : "debug"
    NESTED     = REPLICAS > 5 ? "many" : REPLICAS > 1 ? "some" : "one"
    MULTILINE  = (
      REPLICAS
      + 1
    )
    LIST_FOR   = jsonencode([for s in SERVICES : upper(s) if s != "docs"])
    INDEX_FOR  = jsonencode([for i, s in SERVICES : "${i}:${s}"])
    MAP_FOR    = jsonencode({ for s in SERVICES : s => strlen(s) })
    GROUP_FOR  = jsonencode({ for s in SERVICES : strlen(s) => s... })
    OBJECT_FOR = jsonencode([for k, v in { b = 2, a = 1 } : "${k}=${v}"])
    INDEXED    = SERVICES[1]
    ATTRIBUTE  = { nested = { value = "deep" } }.nested.value
    COMPUTED   = jsonencode({ (ENV) = 1, "${ENV}-x" = 2 })
  }
  tags = ENV == "prod" ? ["app:stable", "app:${REPLICAS}"] : ["app:dev"]
}
