// Times the npm peers on every file of a corpus: per file, the median of RUNS calls after the whole corpus
// has been run WARMUP times (a warm V8, as ours gets a warm JVM). Prints one JSON line per tool and file.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { validate } = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');

const [corpus, warmup, runs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const noConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'dockerfilelint-')); // no .dockerfilelintrc: defaults
const tools = {
  'dockerfile-utils': (content) => validate(content),
  'dockerfilelint': (content) => dockerfilelint.run(noConfig, content),
};

function* walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

const files = [...walk(corpus)].map((file) => ({ file, content: fs.readFileSync(file, 'utf8') }));
for (const [tool, check] of Object.entries(tools)) {
  for (let round = 0; round < warmup; round++) {
    for (const { content } of files) {
      try { check(content); } catch (e) { /* counted below */ }
    }
  }
  for (const { file, content } of files) {
    const times = [];
    let failure = null;
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      try { check(content); } catch (e) { failure = String(e.message || e).split('\n')[0]; }
      times.push(Number(process.hrtime.bigint() - start));
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ tool, file: path.relative(corpus, file), medianNanos: times[Math.floor(runs / 2)], failure }));
  }
}
fs.rmSync(noConfig, { recursive: true });
