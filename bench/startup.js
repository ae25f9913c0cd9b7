'use strict';
// Start-up: `terra-iac validate` of the shipped project (7 files) against `node -e 0`, warm (the install as it
// is, run after run) and cold (a fresh install for every run: a fresh clone's first run after `npm ci`), and
// `--help` (loading the CLI, no work) for scale. Each row is a paired ratio of rounds alternating the commands.
const { BIN, REPO, pairedRatio, ratioRow, timeRounds } = require('./lib');

const GOALS = { warm: 2.0, cold: 2.5 };

/**
 * Returns the goal rows for one Node binary. `installs` (bench/install.js) makes the fresh installs of the
 * cold row; it must have been taken before anything ran the CLI.
 */
function benchStartup({ node = process.execPath, bin = BIN, installs, runs = 21 }) {
  const results = timeRounds(
    {
      floor: { command: [node, '-e', '0'] },
      warm: { command: [node, bin, 'validate'], cwd: REPO },
      cold: { command: () => [node, installs.fresh(), 'validate'], cwd: REPO },
      help: { command: [node, bin, '--help'], cwd: REPO },
    },
    { runs },
  );
  return [
    ratioRow('A `validate` of the shipped project (7 files), warm; B `node -e 0`', pairedRatio(results, 'warm', 'floor'), GOALS.warm),
    ratioRow("A the same, cold (a fresh clone's first run); B `node -e 0`", pairedRatio(results, 'cold', 'floor'), GOALS.cold),
    ratioRow('A `--help` (loading the CLI, no work); B `node -e 0`', pairedRatio(results, 'help', 'floor')),
  ];
}

module.exports = { benchStartup };
