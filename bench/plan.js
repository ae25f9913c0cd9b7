'use strict';
// `terra-iac plan --env production` against `node -e 0`: one process that validates the environment, runs the
// real Pulumi program under the mocks and prints the plan, as a pull request check runs it (no
// PULUMI_CONFIG_PASSPHRASE, so no PBKDF2). A paired ratio of rounds alternating both commands.
const { spawnSync } = require('node:child_process');
const { BIN, REPO, benchEnv, pairedRatio, ratioRow, timeRounds } = require('./lib');

const GOAL = 15;

/** How many resources the plan lists (its last line says so), from one untimed run. */
function resourceCount(node, bin) {
  const result = spawnSync(node, [bin, 'plan', '--env', 'production'], { cwd: REPO, env: benchEnv(), encoding: 'utf8' });
  const match = /^(\d+) resources:/m.exec(result.stdout);
  if (result.status !== 0 || !match) throw new Error(`plan --env production failed:\n${result.stderr.slice(0, 2000)}`);
  return Number(match[1]);
}

/** Returns the goal rows for one Node binary. */
function benchPlan({ node = process.execPath, bin = BIN, runs = 7 }) {
  const resources = resourceCount(node, bin);
  const results = timeRounds({ floor: { command: [node, '-e', '0'] }, plan: { command: [node, bin, 'plan', '--env', 'production'], cwd: REPO } }, { runs });
  return [ratioRow(`A \`plan --env production\` (${resources} resources); B \`node -e 0\``, pairedRatio(results, 'plan', 'floor'), GOAL)];
}

module.exports = { benchPlan };
