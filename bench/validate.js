'use strict';
// The `validate` benchmark (issue 2, "Speed"): the built CLI as a whole process against `node -e 0` and
// ajv-cli on the shipped project, then on 1000 and 2000 generated environments.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { generateProject } = require('./generate-project');
const { BIN, REPO, benchEnv, compareCommands, median, ms, ratio } = require('./lib');

const NODE = process.execPath;
const AJV = join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const FLOOR = [NODE, '-e', '0'];

/** ajv-cli on the same files with the generated schemas: one call per schema, as ajv-cli takes one. */
function ajvCommands(cwd) {
  const ajv = (schema, data) => [NODE, AJV, 'validate', '--spec=draft2020', '--allow-union-types', '-s', schema, '-d', data];
  return {
    'ajv-cli config/*.yaml': { command: ajv('schemas/environment.schema.json', 'config/*.yaml'), cwd },
    'ajv-cli Pulumi.*.yaml': { command: ajv('schemas/pulumi-stack.schema.json', 'Pulumi.*.yaml'), cwd },
    'ajv-cli Pulumi.yaml': { command: ajv('schemas/pulumi-project.schema.json', 'Pulumi.yaml'), cwd },
  };
}

function run(command, cwd) {
  const [file, ...args] = command;
  return spawnSync(file, args, { cwd, env: benchEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/**
 * Proves ajv-cli really reads and judges the YAML (it parses `.yaml` with js-yaml): every shipped file
 * is reported valid, and a copy with a wrong type is reported invalid.
 */
function checkAjvReadsYaml() {
  for (const [label, { command, cwd }] of Object.entries(ajvCommands(REPO))) {
    const result = run(command, cwd);
    if (result.status !== 0 || !/ valid\b/.test(result.stdout)) throw new Error(`${label} did not validate the shipped files:\n${result.stdout}${result.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-bench-ajv-'));
  try {
    const bad = readFileSync(join(REPO, 'config', 'testing.yaml'), 'utf8').replace(/plannedUsers: \d+/, 'plannedUsers: twenty');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const command = ajvCommands(REPO)['ajv-cli config/*.yaml'].command.slice(0, -1).concat(join(dir, 'bad.yaml'));
    const result = run(command, REPO);
    if (result.status === 0 || !/ invalid/.test(result.stdout + result.stderr)) throw new Error('ajv-cli accepted an invalid YAML file: it is not reading YAML');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `validate --format json` once, untimed: the generated project must be free of errors. */
function checkValid(cwd) {
  const result = run([NODE, BIN, 'validate', '--format', 'json'], cwd);
  const report = JSON.parse(result.stdout);
  if (result.status !== 0 || report.summary.errors !== 0) {
    const first = report.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`generated project is not valid (${report.summary.errors} errors), first: ${JSON.stringify(first)}`);
  }
  return report.summary;
}

/** Per-round sums of several series timed round-robin (the ajv calls a whole check needs). */
function summed(results, labels) {
  const rounds = results[labels[0]].samples.length;
  const totals = [];
  for (let i = 0; i < rounds; i++) totals.push(labels.reduce((sum, label) => sum + results[label].samples[i], 0));
  return median(totals);
}

function benchShipped(runs) {
  checkAjvReadsYaml();
  const summary = checkValid(REPO);
  const ajv = ajvCommands(REPO);
  const results = compareCommands({ floor: { command: FLOOR }, validate: { command: [NODE, BIN, 'validate'], cwd: REPO }, ...ajv }, { runs });
  const floor = results.floor.median;
  const validate = results.validate.median;
  const ajvConfig = results['ajv-cli config/*.yaml'].median;
  const ajvAll = summed(results, Object.keys(ajv));
  return { summary, results, floor, validate, ajvConfig, ajvAll };
}

function benchGenerated(sizes, runs) {
  const out = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `terra-iac-bench-${size}-`));
    try {
      const files = generateProject(dir, size);
      const summary = checkValid(dir);
      const results = compareCommands({ floor: { command: FLOOR }, validate: { command: [NODE, BIN, 'validate'], cwd: dir } }, { runs });
      out.push({ size, files, summary, floor: results.floor.median, validate: results.validate.median, spread: results.validate });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

function row(label, files, r, floor) {
  const cpu = r.cpuMedian === undefined ? '–' : ms(r.cpuMedian);
  return `| ${label} | ${files} | ${ms(r.median)} | ${ms(r.min)}–${ms(r.max)} | ${cpu} | ${ratio(r.median / floor)} |`;
}

function mark(met) {
  return met ? 'met' : '**not met**';
}

/** Runs the benchmark and returns its markdown section and whether every target was met. */
function benchValidate({ runs = 10, sizes = [1000, 2000] } = {}) {
  const shipped = benchShipped(Math.max(runs, 10));
  const generated = benchGenerated(sizes, Math.max(runs, 10));
  const targets = [
    [`shipped project within 2.5x the node floor`, `${ratio(shipped.validate / shipped.floor)}`, shipped.validate / shipped.floor <= 2.5],
    [`shipped project faster than ajv-cli (config/*.yaml alone)`, `${ms(shipped.validate)} vs ${ms(shipped.ajvConfig)}`, shipped.validate < shipped.ajvConfig],
    [`shipped project faster than ajv-cli (all ${shipped.summary.files} files, 3 calls)`, `${ms(shipped.validate)} vs ${ms(shipped.ajvAll)}`, shipped.validate < shipped.ajvAll],
  ];
  const byCount = Object.fromEntries(generated.map((g) => [g.size, g]));
  if (byCount[1000]) targets.push(['1000 environments under 2 s', ms(byCount[1000].validate), byCount[1000].validate < 2000]);
  if (byCount[1000] && byCount[2000]) {
    const growth = byCount[2000].validate / byCount[1000].validate;
    targets.push(['2000 environments within 2.2x of 1000', ratio(growth), growth <= 2.2]);
  }
  const lines = [
    '## validate',
    '',
    `Medians of ${Math.max(runs, 10)} whole-process runs each (after one warm-up), timed round-robin with their`,
    'baseline in the same run. CPU is user + system time of the process (Linux), which other load on the machine',
    'disturbs less than wall time; the targets are judged on wall time.',
    '',
    '| case | files | median (wall) | min–max | median CPU | vs `node -e 0` |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('`node -e 0` (floor)', '–', shipped.results.floor, shipped.floor),
    row('`terra-iac validate`, shipped project', shipped.summary.files, shipped.results.validate, shipped.floor),
    ...Object.keys(ajvCommands(REPO)).map((label) => row(`\`${label}\` (generated schema)`, '–', shipped.results[label], shipped.floor)),
    `| ajv-cli, all three calls | ${shipped.summary.files} | ${ms(shipped.ajvAll)} | – | – | ${ratio(shipped.ajvAll / shipped.floor)} |`,
    ...generated.map((g) => row(`\`terra-iac validate\`, ${g.size} generated environments + stacks (floor ${ms(g.floor)})`, g.files, g.spread, g.floor)),
    '',
    `Generated projects are valid: ${generated.map((g) => `${g.size} → ${g.summary.errors} errors, ${g.summary.warnings} warnings, ${g.summary.infos} infos`).join('; ')}.`,
    '',
    '| target | figure | |',
    '| --- | ---: | --- |',
    ...targets.map(([name, figure, met]) => `| ${name} | ${figure} | ${mark(met)} |`),
  ];
  return { markdown: lines.join('\n'), allMet: targets.every(([, , met]) => met) };
}

module.exports = { benchValidate, ajvCommands };
