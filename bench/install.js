'use strict';
// Fresh installs for the cold-start rows: bin/ and dist/ exactly as the build left them (snapshotted before
// any timed run), copied into a new directory for every run, so nothing a run leaves behind (a cache it writes,
// Node's compile cache, which is keyed by path) can help the next. That is a fresh clone's first run after
// `npm ci`: the build's own output is there, nothing else.
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

/** Copies a file keeping its mtime to the whole millisecond (bin/load-bundle.js names caches after it). */
function copyKeepingMtime(from, to) {
  copyFileSync(from, to);
  // The half keeps float seconds from rounding just below the millisecond.
  const seconds = (Math.floor(statSync(from).mtimeMs) + 0.5) / 1000;
  utimesSync(to, seconds, seconds);
}

/** Files, and subfolders the CLI loads (dist/vendor/); dist/scripts/ is build tooling. */
function copyDir(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const stat = statSync(join(from, name));
    if (stat.isFile()) copyKeepingMtime(join(from, name), join(to, name));
    else if (stat.isDirectory() && name === 'vendor') copyDir(join(from, name), join(to, name));
  }
}

/**
 * Snapshots the install of `bin` (its bin/ and dist/) now, and returns `{ fresh(), cleanup() }`: `fresh()` makes
 * a new copy of the snapshot (removing the previous one) and returns its bin/terra-iac.js.
 */
function freshInstalls(bin) {
  const root = dirname(dirname(bin));
  const work = mkdtempSync(join(tmpdir(), 'terra-iac-bench-install-'));
  const pristine = join(work, 'pristine');
  copyDir(join(root, 'bin'), join(pristine, 'bin'));
  copyDir(join(root, 'dist'), join(pristine, 'dist'));
  let count = 0;
  let current;
  return {
    fresh() {
      if (current) rmSync(current, { recursive: true, force: true });
      current = join(work, `run-${count++}`);
      copyDir(join(pristine, 'bin'), join(current, 'bin'));
      copyDir(join(pristine, 'dist'), join(current, 'dist'));
      return join(current, 'bin', 'terra-iac.js');
    },
    /** A copy of the install without the build's code cache (made once), for the rows that show what it buys. */
    withoutCodeCache() {
      const dir = join(work, 'no-code-cache');
      if (!existsSync(dir)) {
        copyDir(join(pristine, 'bin'), join(dir, 'bin'));
        copyDir(join(pristine, 'dist'), join(dir, 'dist'));
        for (const name of readdirSync(join(dir, 'dist'))) if (name.endsWith('.cache')) rmSync(join(dir, 'dist', name));
      }
      return join(dir, 'bin', 'terra-iac.js');
    },
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

module.exports = { freshInstalls };
