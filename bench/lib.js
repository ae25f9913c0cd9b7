'use strict';
// Shared benchmark helpers: whole-process timings, medians, and BENCHMARKS.md sections.
// `plan` and `smoke` benchmarks reuse these (require('./lib')) and add their own section.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const REPO = join(__dirname, '..');
const BIN = join(REPO, 'bin', 'terra-iac.js');
const BENCHMARKS_FILE = join(REPO, 'BENCHMARKS.md');

/**
 * The environment every timed process gets: PATH and HOME only, so a developer's
 * PULUMI_CONFIG_PASSPHRASE (which turns on slow PBKDF2 decryption checks) or NODE_OPTIONS
 * never skews a figure.
 */
function benchEnv(extra = {}) {
  return { PATH: process.env.PATH || '/usr/bin:/bin', HOME: process.env.HOME || REPO, ...extra };
}

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc/self/stat
 * (cutime, cstime; Linux only, else undefined). Less disturbed by other load on the machine than wall
 * time, at the kernel's clock-tick resolution (usually 10 ms).
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from the state field (3) after the command name.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

/**
 * Wall time of one whole process in milliseconds (and its CPU time where the OS tells), throwing when it
 * exits with an unexpected code.
 */
function measureProcess(command, { cwd = REPO, env = benchEnv(), expectCodes = [0] } = {}) {
  const [file, ...args] = command;
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(file, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (result.error) throw result.error;
  if (!expectCodes.includes(result.status)) {
    throw new Error(`${command.join(' ')} exited ${result.status}:\n${(result.stderr || result.stdout).slice(0, 2000)}`);
  }
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** Wall time of one whole process, in milliseconds. */
function timeProcess(command, options) {
  return measureProcess(command, options).wall;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, spread and the samples of a series of measurements (wall, and CPU when known). */
function stats(measurements) {
  const samples = measurements.map((m) => m.wall);
  const cpu = measurements.every((m) => m.cpu !== undefined) ? median(measurements.map((m) => m.cpu)) : undefined;
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), cpuMedian: cpu, runs: samples.length, samples };
}

/** Runs one command `runs` times (after `warmup` untimed runs) and returns the median and spread. */
function medianOfRuns(command, { runs = 10, warmup = 1, ...options } = {}) {
  for (let i = 0; i < warmup; i++) measureProcess(command, options);
  const measurements = [];
  for (let i = 0; i < runs; i++) measurements.push(measureProcess(command, options));
  return stats(measurements);
}

/**
 * Times several commands round-robin (A B C A B C ...) so drift in machine load hits them alike: the
 * ratios between them are what the targets are about. `cases` maps a label to `{ command, ...options }`.
 */
function compareCommands(cases, { runs = 10, warmup = 1 } = {}) {
  const labels = Object.keys(cases);
  for (let i = 0; i < warmup; i++) for (const label of labels) measureProcess(cases[label].command, cases[label]);
  const measurements = Object.fromEntries(labels.map((label) => [label, []]));
  for (let i = 0; i < runs; i++) {
    for (const label of labels) measurements[label].push(measureProcess(cases[label].command, cases[label]));
  }
  return Object.fromEntries(labels.map((label) => [label, stats(measurements[label])]));
}

function ms(value) {
  return `${value.toFixed(0)} ms`;
}

function ratio(value) {
  return `${value.toFixed(2)}x`;
}

/** One line of the machine the figures come from, for the report. */
function machine() {
  const os = require('node:os');
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'cpu'}, load average ${os.loadavg()[0].toFixed(2)}`;
}

/**
 * Replaces (or appends) the section between `<!-- bench:<id> -->` and `<!-- /bench:<id> -->` in
 * BENCHMARKS.md, leaving every other benchmark's section as it is.
 */
function writeBenchmarkSection(id, markdown) {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(BENCHMARKS_FILE)
    ? readFileSync(BENCHMARKS_FILE, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench` (bench/run.js); each section is replaced when its benchmark runs again.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from !== -1 && to > from) text = `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_FILE, text);
}

module.exports = { REPO, BIN, BENCHMARKS_FILE, benchEnv, measureProcess, timeProcess, median, medianOfRuns, compareCommands, ms, ratio, machine, writeBenchmarkSection };
