// Reads the JSON lines of Ours.java and peers.js and prints the Markdown table for docs/BENCHMARKS.md.
'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const byTool = new Map();
for (const row of lines) {
  if (!byTool.has(row.tool)) byTool.set(row.tool, []);
  byTool.get(row.tool).push(row);
}
const median = (values) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.floor(sorted.length / 2)]; };
const ours = median(byTool.get('optimized-deploy').map((row) => row.medianNanos));
console.log('| tool | files | failures | median per file (µs) | sum of per-file medians (ms) | median per file vs ours |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [tool, rows] of byTool) {
  const perFile = median(rows.map((row) => row.medianNanos));
  const total = rows.reduce((sum, row) => sum + row.medianNanos, 0);
  const failures = rows.filter((row) => row.failure !== null);
  console.log(`| ${tool} | ${rows.length} | ${failures.length} | ${(perFile / 1e3).toFixed(1)} | ${(total / 1e6).toFixed(1)} | ${(perFile / ours).toFixed(1)}x |`);
}
for (const row of byTool.get('optimized-deploy').filter((row) => row.failure !== null)) {
  console.log(`\noptimized-deploy failed on ${row.file}: ${row.failure}`);
}
