#!/usr/bin/env node
'use strict';
// Start-up is most of a PR check's time, and compiling the bundle is most of start-up. The build leaves a V8
// code cache of the bundle next to it, made by running the CLI once (scripts/train-code-cache.js), so every
// run, the first after `npm ci` included, skips compiling what `validate` and `--help` run; nothing is written
// here, so a read-only install is as fast. Without a cache for this Node (another version than the one that
// built), Node 22.1+ falls back to its own compile cache in the OS temp dir.
const Module = require('node:module');
const { BUNDLE, tuneHeap, openBundle, readBundle, cacheFileFor, compileBundle, runBundle, readCache } = require('./load-bundle');

tuneHeap();

// Node 22.1+: also caches what commands load from node_modules (Pulumi, the Terra SDK), keyed by content, in
// the OS temp dir; NODE_DISABLE_COMPILE_CACHE=1 turns it off (https://nodejs.org/api/module.html#module-compile-cache).
const compileCache = typeof Module.enableCompileCache === 'function';
if (compileCache) Module.enableCompileCache();

let opened;
try {
  opened = openBundle();
} catch {
  process.stderr.write('terra-iac: dist/cli.js is missing; run `npm ci` (or `npm run build`) in the terra-iac folder first.\n');
  process.exit(2);
}
const cachedData = readCache(cacheFileFor(BUNDLE, opened.stamp));
if (cachedData === undefined && compileCache) {
  require('node:fs').closeSync(opened.fd);
  require(BUNDLE).run();
} else {
  // A cache V8 rejects (corrupt, other flags) only costs this run the compile.
  runBundle(compileBundle(BUNDLE, readBundle(opened), cachedData), BUNDLE).run();
}
