# The worker's seed catalog, one item a line: EAN-13 code (check digit computed), name, category, price.
# Run as `awk -v COUNT=N -f generate.awk`; the fixed seed makes the output, and so the image layer, the same
# from build to build.
BEGIN {
  if (COUNT !~ /^[0-9]+$/) {
    print "generate.awk: set COUNT to the number of items, e.g. awk -v COUNT=1000 -f generate.awk" > "/dev/stderr"
    exit 2
  }
  srand(20261126)
  split("tools garden kitchen toys books music office sports", categories, " ")
  for (item = 1; item <= COUNT; item++) {
    code = sprintf("400%09d", item)
    sum = 0
    for (digit = 1; digit <= 12; digit++) {
      sum += substr(code, digit, 1) * (digit % 2 ? 1 : 3)
    }
    printf "%s%d\titem %d\t%s\t%d.%02d\n", code, (10 - sum % 10) % 10, item,
      categories[int(rand() * 8) + 1], int(rand() * 500), int(rand() * 100)
  }
}
