#!/usr/bin/env node
'use strict';
// Writes the V8 code cache bin/terra-iac.js loads dist/cli.js with: compiles the bundle exactly as the CLI does
// (bin/load-bundle.js), runs `--help` and `validate` of the shipped project in-process with output discarded,
// so every function those compile is in the cache, then writes it (to a temporary name, then renamed, so a
// reader never sees half a cache). Run by scripts/build.js in a fresh process, with the Node that will run it.
const fs = require('node:fs');
const { BUNDLE, tuneHeap, openBundle, readBundle, cacheFileFor, compileBundle, runBundle } = require('../bin/load-bundle');

/** The runs whose compiled functions the cache keeps: the commands a PR check and a person start with. */
const TRAINING = [['--help'], ['validate']];

async function train() {
  tuneHeap();
  const opened = openBundle();
  const script = compileBundle(BUNDLE, readBundle(opened));
  const cli = runBundle(script, BUNDLE);
  const io = { stdout() {}, stderr() {}, env: {}, cwd: require('node:path').join(__dirname, '..'), isTTY: false };
  for (const argv of TRAINING) await cli.main(argv, io);
  const cacheFile = cacheFileFor(BUNDLE, opened.stamp);
  const temp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, script.createCachedData());
  fs.renameSync(temp, cacheFile);
  return cacheFile;
}

train().then(
  (file) => process.stdout.write(`${file}\n`),
  (error) => {
    process.stderr.write(`train-code-cache: ${error.message}\n`);
    process.exitCode = 1;
  },
);
