'use strict';
// Drift concurrency: an environment of 40 declared providers against the local admin server with 100 ms
// added to every answer. Goal: the whole drift takes at most 1.5x the longest dependent chain of its calls
// (getMe, listSources, then a source's credentials), each round pairing the two. The measuring runs in its
// own process (bench/drift-measure.ts starts the server in-process). Alone: `node bench/drift.js [rounds]`.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { REPO, benchEnv, median, ms, ratio } = require('./lib');

const GOAL = 1.5;

function measure(rounds) {
  const result = spawnSync(process.execPath, [join(REPO, 'scripts', 'run-ts.js'), join('bench', 'drift-measure.ts'), String(rounds)], {
    cwd: REPO,
    env: benchEnv(),
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) throw new Error(`bench/drift-measure.ts failed:\n${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Returns `{ markdown, allMet, figures }` like bench/smoke.js. */
function benchDrift({ runs = 10 } = {}) {
  const data = measure(runs);
  const ratios = data.driftMs.map((d, i) => d / data.chainMs[i]);
  const figures = { drift: median(data.driftMs), chain: median(data.chainMs), ratio: median(ratios) };
  const allMet = figures.ratio <= GOAL;
  const markdown = [
    '## drift',
    '',
    `\`drift\` in one process against the local admin server: ${data.providers} declared providers, all enabled in Terra, ` +
      `${data.latencyMs} ms added to every answer; ${data.requestsPerDrift} GET requests per drift (the /me preflight, the ` +
      `two lists, credentials and scopes of every source). Each of ${data.rounds} rounds times a whole drift (project load, ` +
      'preflight, live read, diff) and the longest dependent chain of its calls made one after another (getMe, listSources, ' +
      'one getSourceCredentials), alternating which goes first; the ratio is the median of the per-round ratios.',
    '',
    '| measurement | median |',
    '|---|---|',
    `| whole drift | ${ms(figures.drift)} |`,
    `| longest dependent chain (3 calls) | ${ms(figures.chain)} |`,
    '',
    `Drift / chain: **${ratio(figures.ratio)}** (goal at most ${ratio(GOAL)}: ${allMet ? 'met' : 'NOT met'}).`,
  ].join('\n');
  return { markdown, allMet, figures };
}

module.exports = { benchDrift };

if (require.main === module) {
  const { markdown } = benchDrift({ runs: Number(process.argv[2] ?? 10) });
  console.log(markdown);
}
