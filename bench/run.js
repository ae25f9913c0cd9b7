#!/usr/bin/env node
'use strict';
// `npm run bench`: builds the CLI (package.json does), then measures every goal of BENCHMARKS.md as a paired
// ratio and rewrites its sections with the date, the machine and the Node versions. About 5 minutes on 2 cores.
// Options:
//   --runs N        rounds of the start-up and plan rows (default 21 and 7)
//   --runs-1000 N   rounds at 1000 environments (default 7); --runs-5000 N at 5000 (default 3)
//   --only a,b      some of: startup, plan, validate, smoke, drift
//   --node PATH     also measure start-up and plan with another Node binary (its code cache is trained first,
//                   as `npm ci` under that Node would)
//   --bin PATH      measure another build's bin/terra-iac.js (e.g. an older checkout); implies --no-write
//   --no-write      print only
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { freshInstalls } = require('./install');
const { BIN, goalTable, machine, nodeVersion, writeBenchmarkSection } = require('./lib');
const { benchPlan } = require('./plan');
const { benchStartup } = require('./startup');
const { benchDrift } = require('./drift');
const { benchSmoke } = require('./smoke');
const { benchValidate } = require('./validate');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}
const number = (name, fallback) => Math.max(1, Number(option(name, String(fallback))));

const bin = resolve(option('bin', BIN));
const write = !process.argv.includes('--no-write') && bin === BIN;
const only = option('only', 'startup,plan,validate,smoke,drift').split(',');
const nodes = [process.execPath, ...(option('node') ? [resolve(option('node'))] : [])];

for (const node of nodes.slice(1)) {
  const trainer = join(dirname(dirname(bin)), 'scripts', 'train-code-cache.js');
  if (existsSync(trainer)) spawnSync(node, [trainer], { stdio: ['ignore', 'ignore', 'inherit'] });
}
// Taken before anything runs the CLI: the install exactly as the build left it (cold-start rows).
const installs = freshInstalls(bin);

const started = new Date();
const stamp = () => `${started.toISOString().slice(0, 10)} (${started.toISOString().slice(11, 16)} UTC)`;
const footer = (versions) => `_Run on ${stamp()}; ${versions.map((n) => `Node ${nodeVersion(n)}`).join(', ')}; ${machine()}._`;

const sections = [];
let allMet = true;
function section(id, title, intro, rows, notes = [], versions = [process.execPath]) {
  allMet &&= rows.every((r) => r.met !== false);
  const markdown = [`## ${title}`, '', intro, '', goalTable(rows), ...(notes.length ? ['', ...notes] : []), '', footer(versions)].join('\n');
  sections.push([id, markdown]);
  process.stdout.write(`${markdown}\n\n`);
}

try {
  if (only.includes('startup')) {
    for (const node of nodes) {
      process.stderr.write(`bench: start-up, Node ${nodeVersion(node)}...\n`);
      const rows = benchStartup({ node, bin, installs, runs: number('runs', 21) });
      const id = node === process.execPath ? 'startup' : `startup-node${nodeVersion(node).split('.')[0].slice(1)}`;
      section(
        id,
        `Start-up, Node ${nodeVersion(node)}`,
        'Whole processes with only PATH and HOME in the environment. Each round runs every command once, in an order ' +
          'that rotates; the ratio is the median over rounds of A / B within the round. Warm: the install as it is, run ' +
          "after run. Cold: a fresh copy of bin/ and dist/ as the build left them for every run, so nothing an earlier run " +
          "wrote (a cache next to the bundle, Node's compile cache, which is keyed by path) helps: a fresh clone's first run " +
          'after `npm ci`.',
        rows,
        [],
        [node],
      );
    }
  }
  if (only.includes('plan')) {
    for (const node of nodes) {
      process.stderr.write(`bench: plan, Node ${nodeVersion(node)}...\n`);
      const rows = benchPlan({ node, bin, runs: number('runs', 7) });
      const id = node === process.execPath ? 'plan' : `plan-node${nodeVersion(node).split('.')[0].slice(1)}`;
      section(
        id,
        `plan, Node ${nodeVersion(node)}`,
        'One process that validates the environment, runs the real Pulumi program under the mocks and prints the plan, ' +
          'as a pull request check runs it (no PULUMI_CONFIG_PASSPHRASE, so no PBKDF2), paired with `node -e 0`.',
        rows,
        [],
        [node],
      );
    }
  }
  if (only.includes('validate')) {
    const runs1000 = number('runs-1000', 7);
    const runs5000 = number('runs-5000', 3);
    process.stderr.write(`bench: validate at scale (${runs1000} rounds at 1000 environments, ${runs5000} at 5000)...\n`);
    const { rows, notes } = benchValidate({ bin, runs1000, runs5000 });
    section(
      'validate',
      'validate at scale',
      'Generated projects (bench/generate-project.js: environments derived from the shipped ones, each with its stack ' +
        'file) against ajv-cli on the same files with our generated schemas/ (one call per schema, their times summed) ' +
        'and against a bare js-yaml parse of the same files (bench/yaml-floor.js: read + parse, nothing else). Commands ' +
        `alternate within each round; ${runs1000} rounds at 1000 environments and ${runs5000} at 5000 (where one ` +
        'round takes about a minute on 2 cores). The 5000-environment goals are those of 1000 (the same work per file).',
      rows,
      notes,
    );
  }
  if (only.includes('smoke')) {
    process.stderr.write('bench: smoke...\n');
    const { markdown, allMet: met } = benchSmoke({ runs: 10 });
    allMet &&= met;
    const text = `${markdown}\n\n${footer([process.execPath])}`;
    sections.push(['smoke', text]);
    process.stdout.write(`${text}\n\n`);
  }
  if (only.includes('drift')) {
    process.stderr.write('bench: drift...\n');
    const { markdown, allMet: met } = benchDrift({ runs: 10 });
    allMet &&= met;
    const text = `${markdown}\n\n${footer([process.execPath])}`;
    sections.push(['drift', text]);
    process.stdout.write(`${text}\n\n`);
  }
} finally {
  installs.cleanup();
}

if (write) for (const [id, markdown] of sections) writeBenchmarkSection(id, markdown);
process.stdout.write(allMet ? 'Every goal met.\n' : 'Some goals are not met (see above); the figures are written anyway.\n');
