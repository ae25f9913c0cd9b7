'use strict';
// Start-up: `terra-iac validate` of the shipped project (7 files) against `node -e 0`, warm (the install as it
// is, run after run) and cold (a fresh install for every run: a fresh clone's first run after `npm ci`), and
// `--help` (loading the CLI, no work) for scale, and without the build's code cache (no cache at all; Node's own
// compile cache on 22.1+) to show what each buys. Each row is a paired ratio of rounds alternating the commands.
const { BIN, REPO, benchEnv, nodeVersion, pairedRatio, ratioRow, timeRounds } = require('./lib');

const GOALS = { warm: 2.0, cold: 2.5 };

/**
 * Returns the goal rows for one Node binary. `installs` (bench/install.js) makes the fresh installs of the
 * cold row; it must have been taken before anything ran the CLI.
 */
function benchStartup({ node = process.execPath, bin = BIN, installs, runs = 21 }) {
  const uncached = installs.withoutCodeCache();
  const compileCache = Number(nodeVersion(node).slice(1).split('.')[0]) >= 22;
  const results = timeRounds(
    {
      floor: { command: [node, '-e', '0'] },
      warm: { command: [node, bin, 'validate'], cwd: REPO },
      cold: { command: () => [node, installs.fresh(), 'validate'], cwd: REPO },
      help: { command: [node, bin, '--help'], cwd: REPO },
      none: { command: [node, uncached, 'validate'], cwd: REPO, env: benchEnv({ NODE_DISABLE_COMPILE_CACHE: '1' }) },
      ...(compileCache ? { nodeCache: { command: [node, uncached, 'validate'], cwd: REPO } } : {}),
    },
    { runs },
  );
  return [
    ratioRow('A `validate` of the shipped project (7 files), warm; B `node -e 0`', pairedRatio(results, 'warm', 'floor'), GOALS.warm),
    ratioRow("A the same, cold (a fresh clone's first run); B `node -e 0`", pairedRatio(results, 'cold', 'floor'), GOALS.cold),
    ratioRow('A `--help` (loading the CLI, no work); B `node -e 0`', pairedRatio(results, 'help', 'floor')),
    ratioRow('A `validate` without the build\'s code cache and with NODE_DISABLE_COMPILE_CACHE=1 (no cache at all); B `node -e 0`', pairedRatio(results, 'none', 'floor')),
    ...(compileCache
      ? [ratioRow("A `validate` without the build's code cache, on Node's own compile cache (warm); B `node -e 0`", pairedRatio(results, 'nodeCache', 'floor'))]
      : []),
  ];
}

module.exports = { benchStartup };
