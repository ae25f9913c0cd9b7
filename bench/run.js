#!/usr/bin/env node
'use strict';
// `npm run bench`: builds the CLI (package.json does), runs the benchmarks and writes their figures into
// BENCHMARKS.md with the date. Options: --runs N (at least 10), --sizes 1000,2000 (validate),
// --only validate,plan,smoke, --no-write. A benchmark is one entry of BENCHMARKS below, using ./lib.
const { benchPlan } = require('./plan');
const { benchSmoke } = require('./smoke');
const { benchValidate } = require('./validate');
const { machine, writeBenchmarkSection } = require('./lib');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

const runs = Math.max(10, Number(option('runs', '10')));
const sizes = option('sizes', '1000,2000').split(',').map(Number).filter((n) => n > 0);
const write = !process.argv.includes('--no-write');

/** id -> function returning `{ markdown, allMet }`. */
const BENCHMARKS = {
  validate: () => benchValidate({ runs, sizes }),
  plan: () => benchPlan({ runs }),
  smoke: () => benchSmoke({ runs }),
};
const only = option('only', Object.keys(BENCHMARKS).join(',')).split(',');
const unknown = only.filter((id) => !(id in BENCHMARKS));
if (unknown.length) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
  process.exit(2);
}

let allMet = true;
for (const [id, bench] of Object.entries(BENCHMARKS).filter(([id]) => only.includes(id))) {
  const started = new Date();
  const host = machine();
  process.stderr.write(`bench: ${id} (${runs} runs each)...\n`);
  const { markdown, allMet: met } = bench();
  allMet &&= met;
  const section = `${markdown}\n\n_Run on ${started.toISOString().slice(0, 10)} (${started.toISOString().slice(11, 16)} UTC), ${host}._`;
  process.stdout.write(`${section}\n\n`);
  if (write) writeBenchmarkSection(id, section);
}
process.stdout.write(allMet ? 'Every target met.\n' : 'Some targets were not met (see above); the figures are written anyway.\n');
