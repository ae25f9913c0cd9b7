'use strict';
// Smoke test concurrency: 20 declared providers against the local Terra server with 200 ms added latency
// per request. Target: the whole run takes at most 1.3x its slowest check run alone. The measuring runs in
// its own process (bench/smoke-measure.ts, which starts the local server in-process), so this stays sync.
// Plugs into bench/run.js as `smoke: () => benchSmoke({ runs })`; alone: `node bench/smoke.js [runs]`.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { REPO, benchEnv, machine, median, ms, ratio, writeBenchmarkSection } = require('./lib');

const TARGET_RATIO = 1.3;

function measure(rounds) {
  const result = spawnSync(process.execPath, [join(REPO, 'scripts', 'run-ts.js'), join('bench', 'smoke-measure.ts'), String(rounds)], {
    cwd: REPO,
    env: benchEnv(),
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) throw new Error(`bench/smoke-measure.ts failed:\n${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Returns `{ markdown, allMet, figures }` like every benchmark of bench/run.js. */
function benchSmoke({ runs = 10 } = {}) {
  const data = measure(runs);
  const soloMedians = Object.fromEntries(Object.entries(data.solo).map(([id, samples]) => [id, median(samples)]));
  const [slowestId, slowestSolo] = Object.entries(soloMedians).sort((a, b) => b[1] - a[1])[0];
  const whole = median(data.full);
  const figures = { whole, slowestId, slowestSolo, ratio: whole / slowestSolo, slowestInRun: median(data.slowestInRun), runs: data.rounds };
  const allMet = figures.ratio <= TARGET_RATIO;
  const rows = Object.entries(soloMedians).map(([id, value]) => `| \`${id}\` alone | ${ms(value)} |`);
  const markdown = [
    '## smoke',
    '',
    `The smoke checks in one process against the local Terra server: ${data.providers} declared providers, ${data.latencyMs} ms added`,
    'to every request (webhook receiver included). Medians of ' + `${data.rounds} rounds; each round times every check alone, then the whole run.`,
    '',
    '| measurement | median |',
    '|---|---|',
    ...rows,
    `| whole run (8 checks, concurrent) | ${ms(whole)} |`,
    `| slowest check inside the whole run | ${ms(figures.slowestInRun)} |`,
    '',
    `Whole run / slowest check alone (\`${slowestId}\`): **${ratio(figures.ratio)}** (target at most ${ratio(TARGET_RATIO)}: ${allMet ? 'met' : 'NOT met'}).`,
  ].join('\n');
  return { markdown, allMet, figures };
}

module.exports = { benchSmoke };

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 10);
  const { markdown, allMet, figures } = benchSmoke({ runs });
  const now = new Date().toISOString();
  if (!process.argv.includes('--no-write')) {
    writeBenchmarkSection('smoke', `${markdown}\n\n_Run on ${now.slice(0, 10)} (${now.slice(11, 16)} UTC), ${machine()}._`);
  }
  console.log(
    `smoke: whole run ${ms(figures.whole)}, slowest check alone ${ms(figures.slowestSolo)} (${figures.slowestId}), ratio ${ratio(figures.ratio)} (target <= ${ratio(TARGET_RATIO)}: ${allMet ? 'met' : 'NOT met'})`,
  );
  process.exitCode = allMet ? 0 : 1;
}
