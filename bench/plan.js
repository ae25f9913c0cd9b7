'use strict';
// `terra-iac plan --env production`: the whole process, from start to the printed plan, as a pull request
// check runs it (no PULUMI_CONFIG_PASSPHRASE, so no PBKDF2). Most of the time is loading @pulumi/aws.
// Plugs into bench/run.js as `plan: () => benchPlan({ runs })`; alone: `node bench/plan.js [runs]` after
// `npm run build`, which writes its BENCHMARKS.md section itself.
const { BIN, benchEnv, machine, medianOfRuns, ms, writeBenchmarkSection } = require('./lib');

/** Returns `{ markdown, allMet }` like every benchmark of bench/run.js. No target is set for plan yet. */
function benchPlan({ runs = 10, warmup = 1 } = {}) {
  const result = medianOfRuns([process.execPath, BIN, 'plan', '--env', 'production'], { runs, warmup, env: benchEnv() });
  const markdown = [
    '## plan',
    '',
    'Wall time of `terra-iac plan --env production`: one process that validates the environment, runs the real',
    'Pulumi program under the mocks and prints the plan (28 resources). No passphrase, so no PBKDF2.',
    '',
    '| command | median | min | max | runs |',
    '|---|---|---|---|---|',
    `| \`terra-iac plan --env production\` | ${ms(result.median)} | ${ms(result.min)} | ${ms(result.max)} | ${result.runs} |`,
  ].join('\n');
  return { markdown, allMet: true, result };
}

module.exports = { benchPlan };

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 10);
  const { markdown, result } = benchPlan({ runs });
  const now = new Date().toISOString();
  writeBenchmarkSection('plan', `${markdown}\n\n_Run on ${now.slice(0, 10)} (${now.slice(11, 16)} UTC), ${machine()}._`);
  console.log(`plan --env production: median ${ms(result.median)} (${ms(result.min)}-${ms(result.max)}, ${result.runs} runs)`);
}
