'use strict';
// `validate` at scale: generated projects of 1000 and 5000 environments (2001 and 10001 files) against
// ajv-cli on the same files with our generated schemas (the peer) and a bare js-yaml parse of them (the floor:
// read + parse, nothing else), 5000 against 1000 (linear growth), and peak memory per file. Every ratio is
// paired: the commands alternate within each round of one run.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { generateProject } = require('./generate-project');
const { BIN, REPO, benchEnv, median, pairedRatio, peakRssKiB, ratioRow, timeRounds } = require('./lib');

const AJV = join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const FLOOR = join(__dirname, 'yaml-floor.js');
const GOALS = { vsAjv: 0.67, vsFloor: 3, growth: 5.5, kibPerFile: 15 };

/**
 * ajv-cli on the files `validate` reads, one call per schema (it takes one), with the schemas `validate` itself
 * compiles (src/generated/; schemas/ adds editor keywords strict ajv refuses, and checks the rules make).
 */
function ajvCommands(node) {
  const ajv = (schema, data) => [node, AJV, 'validate', '--spec=draft2020', '--allow-union-types', '-s', join(REPO, 'src', 'generated', schema), '-d', data];
  return [ajv('environment.schema.json', 'config/*.yaml'), ajv('pulumi-stack.schema.json', 'Pulumi.*.yaml'), ajv('pulumi-project.schema.json', 'Pulumi.yaml')];
}

function run(command, cwd) {
  const [file, ...args] = command;
  return spawnSync(file, args, { cwd, env: benchEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/**
 * ajv-cli really reads and judges the YAML (it parses `.yaml` with js-yaml): it reports every file of `dir`
 * valid, and a copy of an environment with a wrong type invalid.
 */
function checkAjv(node, dir, files) {
  let valid = 0;
  for (const command of ajvCommands(node)) {
    const result = run(command, dir);
    if (result.status !== 0) throw new Error(`ajv-cli rejected the project in ${dir}:\n${result.stdout}${result.stderr}`.slice(0, 2000));
    valid += (result.stdout + result.stderr).split('\n').filter((line) => / valid$/.test(line)).length;
  }
  if (valid !== files) throw new Error(`ajv-cli reported ${valid} valid files of ${files}`);
  const scratch = mkdtempSync(join(tmpdir(), 'terra-iac-bench-ajv-'));
  try {
    const bad = readFileSync(join(REPO, 'config', 'testing.yaml'), 'utf8').replace(/plannedUsers: \d+/, 'plannedUsers: twenty');
    writeFileSync(join(scratch, 'bad.yaml'), bad);
    const command = ajvCommands(node)[0].slice(0, -1).concat(join(scratch, 'bad.yaml'));
    const result = run(command, dir);
    if (result.status === 0 || !/ invalid/.test(result.stdout + result.stderr)) throw new Error('ajv-cli accepted an invalid YAML file: it is not reading YAML');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `validate --format json` once, untimed: the generated project must be free of errors and fully read. */
function checkValid(node, bin, dir, files) {
  const result = run([node, bin, 'validate', '--format', 'json'], dir);
  const report = JSON.parse(result.stdout);
  if (result.status !== 0 || report.summary.errors !== 0 || report.summary.files !== files) {
    throw new Error(`validate of the generated project: exit ${result.status}, ${report.summary.errors} errors, ${report.summary.files} of ${files} files`);
  }
  return report.summary;
}

/** The js-yaml floor parses every file. */
function checkFloor(node, dir, files) {
  const result = run([node, FLOOR, dir], dir);
  if (result.status !== 0 || Number(result.stdout) !== files) throw new Error(`yaml-floor parsed ${result.stdout.trim()} of ${files} files: ${result.stderr}`);
}

/**
 * Returns `{ rows, notes }`. `runs1000` rounds at 1000 environments, `runs5000` at 5000 (each of those takes
 * tens of seconds on 2 cores).
 */
function benchValidate({ node = process.execPath, bin = BIN, runs1000 = 7, runs5000 = 3 }) {
  const work = mkdtempSync(join(tmpdir(), 'terra-iac-bench-'));
  try {
    const p1000 = join(work, 'p1000');
    const p5000 = join(work, 'p5000');
    const files1000 = generateProject(p1000, 1000);
    const files5000 = generateProject(p5000, 5000);
    const summaries = { 1000: checkValid(node, bin, p1000, files1000), 5000: checkValid(node, bin, p5000, files5000) };
    checkAjv(node, p1000, files1000);
    checkAjv(node, p5000, files5000);
    checkFloor(node, p1000, files1000);
    checkFloor(node, p5000, files5000);

    const validate = (dir) => ({ command: [node, bin, 'validate'], cwd: dir });
    const at1000 = timeRounds(
      { validate: validate(p1000), ajv: { command: ajvCommands(node), cwd: p1000 }, floor: { command: [node, FLOOR, p1000], cwd: p1000 } },
      { runs: runs1000 },
    );
    // The checks above were the warm-up: a 5000-environment run takes tens of seconds.
    const at5000 = timeRounds(
      {
        validate1000: validate(p1000),
        validate: validate(p5000),
        ajv: { command: ajvCommands(node), cwd: p5000 },
        floor: { command: [node, FLOOR, p5000], cwd: p5000 },
      },
      { runs: runs5000, warmup: 0 },
    );

    const peak = (command, cwd, times = 1) => median(Array.from({ length: times }, () => peakRssKiB(command, { cwd })));
    const baseline = peak([node, '-e', '0'], REPO, 3);
    const rss1000 = peak([node, bin, 'validate'], p1000);
    const rss5000 = peak([node, bin, 'validate'], p5000);
    const perFile5000 = (rss5000 - baseline) / files5000;
    const marginal = (rss5000 - rss1000) / (files5000 - files1000);

    const rows = [
      ratioRow(`A \`validate\`, 1000 environments (${files1000} files); B ajv-cli on the same files (3 calls)`, pairedRatio(at1000, 'validate', 'ajv'), GOALS.vsAjv),
      ratioRow('A `validate`, 1000 environments; B js-yaml parse of the same files (the floor)', pairedRatio(at1000, 'validate', 'floor'), GOALS.vsFloor),
      ratioRow(`A \`validate\`, 5000 environments (${files5000} files); B ajv-cli on the same files (3 calls)`, pairedRatio(at5000, 'validate', 'ajv'), GOALS.vsAjv),
      ratioRow('A `validate`, 5000 environments; B js-yaml parse of the same files (the floor)', pairedRatio(at5000, 'validate', 'floor'), GOALS.vsFloor),
      ratioRow('A `validate`, 5000 environments; B `validate`, 1000 environments (linear is 5.0x)', pairedRatio(at5000, 'validate', 'validate1000'), GOALS.growth),
      {
        name: 'peak RSS per file at 5000 environments: (A − B) / files; A `validate`, B `node -e 0`',
        a: `${(rss5000 / 1024).toFixed(0)} MiB`,
        b: `${(baseline / 1024).toFixed(0)} MiB`,
        figure: `${perFile5000.toFixed(1)} KiB`,
        cpu: '–',
        goal: `≤ ${GOALS.kibPerFile} KiB`,
        met: perFile5000 <= GOALS.kibPerFile,
        value: perFile5000,
      },
    ];
    const notes = [
      `Generated projects are valid: 1000 → ${summaries[1000].errors} errors, ${summaries[1000].warnings} warnings; 5000 → ${summaries[5000].errors} errors, ${summaries[5000].warnings} warnings; ajv-cli reports every file valid and rejects a wrong type.`,
      `Peak RSS (one run each): \`node -e 0\` ${(baseline / 1024).toFixed(0)} MiB, 1000 environments ${(rss1000 / 1024).toFixed(0)} MiB, 5000 environments ${(rss5000 / 1024).toFixed(0)} MiB; the growth from 1000 to 5000 is ${marginal.toFixed(1)} KiB per added file.`,
    ];
    return { rows, notes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { benchValidate, ajvCommands };
