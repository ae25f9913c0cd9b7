#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
let source;
let stamp;
try {
  source = fs.readFileSync(bundle, 'utf8');
  const stat = fs.statSync(bundle);
  stamp = `${stat.size}-${Math.floor(stat.mtimeMs)}`;
} catch {
  process.stderr.write('terra-iac: dist/cli.js is missing; run `npm ci` (or `npm run build`) in the terra-iac folder first.\n');
  process.exit(2);
}
loadWithCodeCache(bundle, source, stamp).run();

/**
 * Loads the bundle with a V8 code cache kept next to it (dist/cli.js.<node>.<size-mtime>.cache). Start-up is
 * most of a PR check's time, and compiling the bundle's functions is most of start-up: the cache, written
 * after the first run (so it holds every function that run compiled), lets later runs skip that work.
 * A missing, stale or rejected cache only costs that one compile; an unwritable dist/ is ignored. The name
 * carries the bundle's size and mtime because V8 itself only checks the source length, so a rebuilt bundle
 * of the same length must never meet the old cache.
 */
function loadWithCodeCache(filename, text, stamp) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const cacheFile = `${filename}.${process.version}.${stamp}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(text), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        // A read-only install still works, only without the cache.
      }
    });
  }
  const module = { exports: {}, filename, id: filename, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  return module.exports;
}
