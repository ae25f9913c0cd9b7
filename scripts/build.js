#!/usr/bin/env node
// Bundles the CLI into dist/cli.js. Heavy dependencies stay external and load only in the commands that need them.
const { buildSync } = require('esbuild');
const { existsSync, readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

// Code caches of earlier bundles (see bin/terra-iac.js) would never be read again.
for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
  if (/^cli\.js\..*\.cache$/.test(entry)) rmSync(join('dist', entry), { force: true });
}

buildSync({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // No minification: Pulumi's closure serializer re-parses the source of functions the smoke-test dynamic
  // provider captures, and it cannot parse esbuild's minified class bodies (`plan` would fail to register it).
  legalComments: 'none',
  logLevel: 'warning',
  external: ['@pulumi/*', 'terra-api', 'playwright-core'],
});
