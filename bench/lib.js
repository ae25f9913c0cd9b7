'use strict';
// Shared benchmark helpers: whole-process timings taken as paired ratios, peak memory, the machine, and
// BENCHMARKS.md sections. Every figure a goal is judged on is a ratio of two commands timed alternately in
// the same run (so drift in the machine's load hits both), never of figures from different runs.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const REPO = join(__dirname, '..');
const BIN = join(REPO, 'bin', 'terra-iac.js');
const BENCHMARKS_FILE = join(REPO, 'BENCHMARKS.md');
const PEAK_RSS = join(__dirname, 'peak-rss.js');

/**
 * The environment every timed process gets: PATH and HOME only. A developer's PULUMI_CONFIG_PASSPHRASE would
 * switch on PBKDF2 checks, NODE_OPTIONS anything, and NODE_EXTRA_CA_CERTS alone adds about 40 ms to every Node
 * start on some machines: none of that is what is measured.
 */
function benchEnv(extra = {}) {
  return { PATH: process.env.PATH || '/usr/bin:/bin', HOME: process.env.HOME || os.tmpdir(), ...extra };
}

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc/self/stat (cutime,
 * cstime; Linux only, else undefined), at the kernel's clock-tick resolution (usually 10 ms).
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
 * Wall (and CPU) time of one whole process in milliseconds; throws when it exits with an unexpected code, so
 * a figure is never of a command that failed.
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times several cases in rounds: each round runs every case once, in an order that rotates from round to round
 * (A B C, B C A, ...), so neither drift in the machine's load nor going first or second favours a case.
 * `cases` maps a label to `{ command, cwd?, env? }`: a `command` is one command, a list of them (timed as their
 * sum) or a function returning either, called untimed before every run (e.g. to make a fresh install). Each
 * case runs `warmup` times untimed first. Returns, per label, its samples (round i at index i) and medians.
 */
function timeRounds(cases, { runs, warmup = 1 }) {
  const labels = Object.keys(cases);
  const once = (label) => {
    const c = cases[label];
    const command = typeof c.command === 'function' ? c.command() : c.command;
    // A list of commands (ajv-cli takes one schema per call) is timed as their sum, one after the other.
    const parts = (Array.isArray(command[0]) ? command : [command]).map((part) => measureProcess(part, c));
    const cpu = parts.every((m) => m.cpu !== undefined) ? parts.reduce((sum, m) => sum + m.cpu, 0) : undefined;
    return { wall: parts.reduce((sum, m) => sum + m.wall, 0), cpu };
  };
  for (let i = 0; i < warmup; i++) labels.forEach(once);
  const samples = Object.fromEntries(labels.map((label) => [label, []]));
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < labels.length; k++) {
      const label = labels[(round + k) % labels.length];
      samples[label][round] = once(label);
    }
  }
  return Object.fromEntries(
    labels.map((label) => {
      const wall = samples[label].map((m) => m.wall);
      const cpu = samples[label].every((m) => m.cpu !== undefined) ? samples[label].map((m) => m.cpu) : undefined;
      return [label, { wall, cpu, median: median(wall), cpuMedian: cpu && median(cpu), runs: wall.length }];
    }),
  );
}

/**
 * The paired ratio of case `a` to case `b` of one `timeRounds` result: the median over rounds of a/b within the
 * round (wall time), and the same of CPU time where the OS tells.
 */
function pairedRatio(results, a, b) {
  const A = results[a];
  const B = results[b];
  const wall = median(A.wall.map((t, i) => t / B.wall[i]));
  const cpu = A.cpu && B.cpu ? median(A.cpu.map((t, i) => t / Math.max(B.cpu[i], 1))) : undefined;
  return { wall, cpu, a: A, b: B };
}

/**
 * Peak resident memory (KiB) of one run of `command` (node plus its arguments): the process is started with
 * bench/peak-rss.js preloaded, which reports `process.resourceUsage().maxRSS` on stderr as it exits. Untimed.
 */
function peakRssKiB(command, { cwd = REPO, env = benchEnv() } = {}) {
  const [node, ...args] = command;
  const result = spawnSync(node, ['--require', PEAK_RSS, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const match = /\[peak-rss\] (\d+)/.exec(result.stderr || '');
  if (result.status !== 0 || !match) throw new Error(`${command.join(' ')} (peak RSS) exited ${result.status}:\n${(result.stderr || '').slice(0, 2000)}`);
  return Number(match[1]);
}

function ms(value) {
  return `${value.toFixed(0)} ms`;
}

function ratio(value) {
  return `${value.toFixed(2)}x`;
}

/** `met` or `**not met**`, for the goal column. */
function mark(met) {
  return met ? 'met' : '**not met**';
}

/**
 * A row of a goal table from a paired ratio: `name` (what A and B are), the medians, the paired ratio (wall, and
 * CPU where known) and whether it meets `goal` (a maximum ratio; none for rows shown for scale).
 */
function ratioRow(name, paired, goal, runs) {
  return {
    name: `${name} (${runs ?? paired.a.runs} rounds)`,
    a: ms(paired.a.median),
    b: ms(paired.b.median),
    figure: ratio(paired.wall),
    cpu: paired.cpu === undefined ? '–' : ratio(paired.cpu),
    goal: goal === undefined ? '–' : `≤ ${ratio(goal)}`,
    met: goal === undefined ? undefined : paired.wall <= goal,
    value: paired.wall,
  };
}

/** The markdown table of goal rows (see ratioRow). */
function goalTable(rows) {
  return [
    '| row | A | B | A / B (paired, wall) | A / B (CPU) | goal | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.a} | ${r.b} | **${r.figure}** | ${r.cpu} | ${r.goal} | ${r.met === undefined ? '' : mark(r.met)} |`),
  ].join('\n');
}

/** The Node version a binary reports (`node --version`). */
function nodeVersion(node) {
  return node === process.execPath ? process.version : spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** One line about the machine the figures come from: cores, CPU model, OS, load. */
function machine() {
  const cpus = os.cpus();
  const model = cpus[0] ? cpus[0].model.trim() : 'unknown CPU';
  return `${cpus.length} cores (${model}), ${os.platform()} ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
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

module.exports = {
  REPO,
  BIN,
  BENCHMARKS_FILE,
  benchEnv,
  measureProcess,
  median,
  timeRounds,
  pairedRatio,
  peakRssKiB,
  ms,
  ratio,
  mark,
  ratioRow,
  goalTable,
  nodeVersion,
  machine,
  writeBenchmarkSection,
};
