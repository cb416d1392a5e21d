# bake's standard library
variable "VERSION" { default = "v1.2.3-rc.1" }
variable "NAMES" { default = ["web", "worker", "web", ""] }

target "strings" {
  args = {
    UPPER      = upper("abc")
    LOWER      = lower("ABC")
    TITLE      = title("hello bake world")
    TRIMSPACE  = trimspace("  padded  ")
    TRIM       = trim("--x--", "-")
    TRIMPREFIX = trimprefix(VERSION, "v")
    TRIMSUFFIX = trimsuffix("file.tar.gz", ".gz")
    CHOMP      = chomp("line\n\n")
    STRLEN     = strlen("héllo")
    SUBSTR     = substr(VERSION, 1, 5)
    SUBSTR_END = substr("abcdef", -3, -1)
    SPLIT      = jsonencode(split(".", "a.b.c"))
    JOIN       = join("-", ["a", "b"], ["c"])
    REPLACE    = replace("a-b-c", "-", "_")
    REGEX_REPL = replace(VERSION, "/-rc\\.[0-9]+$/", "")
    REGEX_REPLACE = regex_replace("a1b22c", "[0-9]+", "#")
    REGEX_REPLACE_GROUPS = regex_replace("abc", "(b)", "[$1|$1x|$x|$5|$01|$$1|$ 1|\\1]")
    REGEX_REPLACE_NAMED = regex_replace("abc", "(?P<n>b)|(z)", "[$n|$2]")
    REGEX_REPLACE_EMPTY = regex_replace("abc", "b*", "-")
    REGEX      = regex("v([0-9]+)\\.([0-9]+)", VERSION)[1]
    REGEX_NAMED = regex("(?P<major>[0-9]+)\\.(?P<minor>[0-9]+)", VERSION)["minor"]
    REGEXALL   = jsonencode(regexall("[0-9]", VERSION))
    FORMAT     = format("%s-%d-%05d-%.2f-%v-%q", "x", 42, 7, 3.14159, true, "q")
    INDENT     = indent(2, "a\nb")
    SANITIZE   = sanitize("a.b/c-d")
    REVERSE    = reverse("abc")
    BASENAME   = basename("/usr/local/bin/tool")
    DIRNAME    = dirname("/usr/local/bin/tool")
  }
}

target "collections" {
  args = {
    CONCAT      = jsonencode(concat(["a"], ["b", "c"]))
    CONTAINS    = contains(NAMES, "worker")
    DISTINCT    = jsonencode(distinct(NAMES))
    COMPACT     = jsonencode(compact(NAMES))
    ELEMENT     = element(["a", "b", "c"], 4)
    INDEX       = index(["a", "b", "c"], 2)
    INDEXOF     = indexof(["a", "b", "c"], "b")
    FLATTEN     = jsonencode(flatten([["a", ["b"]], "c"]))
    KEYS        = jsonencode(keys({ z = 1, a = 2 }))
    VALUES      = jsonencode(values({ z = 1, a = 2 }))
    LENGTH      = length(NAMES)
    LOOKUP      = lookup({ a = "x" }, "b", "fallback")
    MERGE       = jsonencode(merge({ a = 1, b = 2 }, { b = 3 }))
    RANGE       = jsonencode(range(1, 10, 3))
    RANGE_DOWN  = jsonencode(range(3))
    REVERSELIST = jsonencode(reverselist([1, 2, 3]))
    SLICE       = jsonencode(slice(["a", "b", "c", "d"], 1, 3))
    SORT        = jsonencode(sort(["b", "c", "a"]))
    ZIPMAP      = jsonencode(zipmap(["a", "b"], [1, 2]))
    COALESCE    = coalesce("", "first", "second")
    COALESCELIST = jsonencode(coalescelist([], ["x"]))
    CHUNKLIST   = jsonencode(chunklist(["a", "b", "c"], 2))
    HASINDEX    = hasindex(["a"], 1)
    SETUNION    = jsonencode(setunion(["b", "a"], ["c", "a"]))
  }
}

target "numbers" {
  args = {
    CEIL     = ceil(1.2)
    FLOOR    = floor(1.8)
    INT      = int(-3.7)
    SIGNUM   = signum(-9)
    ABSOLUTE = absolute(-4)
    MAX      = max(3, 9, 4)
    MIN      = min(3, 9, 4)
    POW      = pow(2, 10)
    PARSEINT = parseint("ff", 16)
    ADD      = add(1, 2)
    SUBTRACT = subtract(5, 7)
    MULTIPLY = multiply(6, 7)
    DIVIDE   = divide(10, 4)
    MODULO   = modulo(10, 4)
    NEGATE   = negate(5)
  }
}

target "encodings" {
  args = {
    JSONENCODE   = jsonencode({ b = [1, true, null], a = "<&>" })
    JSONDECODE   = jsondecode("{\"k\": [1, 2]}").k[1]
    BASE64ENCODE = base64encode("bake")
    BASE64DECODE = base64decode("YmFrZQ==")
    URLENCODE    = urlencode("a b&c/d")
    MD5          = md5("bake")
    SHA1         = sha1("bake")
    SHA256       = sha256("bake")
    SHA512       = sha512("bake")
    EQUAL        = equal(1, 1)
    NOTEQUAL     = notequal("a", "b")
    NOT          = not(true)
    AND          = and(true, false)
    OR           = or(true, false)
    GREATER      = greaterthan(2, 1)
    TRY          = try(jsondecode("not json"), "fallback")
    CAN          = can(index([], 1))
  }
}

group "default" {
  targets = ["strings", "collections", "numbers", "encodings"]
}
