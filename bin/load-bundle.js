'use strict';
// How bin/terra-iac.js loads dist/cli.js, shared with the build's code-cache training (scripts/train-code-cache.js)
// so the cache is made from exactly the script the CLI compiles. No dependencies: this runs before anything else.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.js');

/**
 * V8 pretenures an allocation site once most of what it allocated survives: it then allocates there in the
 * old generation directly. The parser's maps and lists survive (they are the files' data), so their sites are
 * pretenured, and the garbage they allocate next piles up in the old generation until a full collection:
 * 5000 environments peaked at about 232 MiB with it, 187 without, at the same speed. Set before the bundle
 * is compiled, by the CLI and by the cache training alike: V8 accepts a code cache only under the flags that
 * made it (https://v8.dev/blog/code-caching-for-devs).
 */
function tuneHeap() {
  require('node:v8').setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * Opens the bundle and stamps this very file (size and mtime, from the descriptor it will be read through, so a
 * rebuild in between cannot pair old text with a new stamp). Close it with `readBundle` or `fs.closeSync(fd)`.
 */
function openBundle(file = BUNDLE) {
  const fd = fs.openSync(file, 'r');
  const stat = fs.fstatSync(fd);
  return { fd, size: stat.size, stamp: `${stat.size}-${Math.floor(stat.mtimeMs)}` };
}

/**
 * The text of an opened bundle (and closes it). The build writes it in ASCII only (scripts/build.js), so latin1
 * decodes it exactly, in one copy, where UTF-8 decoding costs Node 20 about 20 ms of a 40 ms start.
 */
function readBundle(opened) {
  try {
    const bytes = Buffer.allocUnsafe(opened.size);
    let read = 0;
    while (read < opened.size) {
      const n = fs.readSync(opened.fd, bytes, read, opened.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.toString('latin1', 0, read);
  } finally {
    fs.closeSync(opened.fd);
  }
}

/**
 * The V8 code cache for this bundle under this Node: dist/cli.js.<node version>-<arch>.<size-mtime>.cache. V8
 * rejects a cache from another V8 build or other flags itself, but checks only the source's length: the stamp
 * keeps a rebuilt bundle (even one of the same length) from ever meeting an old cache.
 */
function cacheFileFor(file, stamp) {
  return `${file}.${process.version}-${process.arch}.${stamp}.cache`;
}

/** Compiles the bundle as a CommonJS module, with `cachedData` when given (check `script.cachedDataRejected`). */
function compileBundle(file, text, cachedData) {
  return new vm.Script(Module.wrap(text), { filename: file, cachedData });
}

/** Runs the compiled bundle like `require` would and returns its exports (`run`, `main`). */
function runBundle(script, file) {
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

module.exports = { BUNDLE, tuneHeap, openBundle, readBundle, cacheFileFor, compileBundle, runBundle, readCache };
