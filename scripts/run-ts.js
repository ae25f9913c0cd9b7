#!/usr/bin/env node
// Runs a TypeScript script by bundling it with esbuild first (no ts-node/tsx needed at build time).
const { buildSync } = require('esbuild');
const { join } = require('node:path');
const { mkdirSync } = require('node:fs');

const [entry, ...args] = process.argv.slice(2);
const out = join(__dirname, '..', 'dist', 'scripts', `${entry.replace(/[\\/]/g, '_')}.js`);
mkdirSync(join(__dirname, '..', 'dist', 'scripts'), { recursive: true });
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'error', packages: 'external' });
process.argv = [process.argv[0], out, ...args];
require(out);
