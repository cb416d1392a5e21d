# buildx checks the cache entries, context and dockerfile of the targets it builds, and only of those
target "good" {
  cache-from = ["type=registry,\"ref=r.example.com/cache:a,b\"", "r.example.com/a,r.example.com/b", "TYPE=local,src=/c", ","]
  cache-to   = ["type=inline"]
}
target "field-without-value" {
  cache-from = ["type=registry,ref"]
}
target "without-type" {
  cache-to = ["ref=r.example.com/cache:x,mode=max"]
}
target "bare-quote" {
  cache-to = ["type=local,dest=\"/c\""]
}
target "stdin-context" {
  context = "-"
}
target "stdin-dockerfile" {
  dockerfile = "-"
}
