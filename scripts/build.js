#!/usr/bin/env node
// Bundles the CLI into dist/cli.js. Heavy dependencies stay external and load only in the commands that need them.
const { buildSync } = require('esbuild');

buildSync({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['@pulumi/*', 'terra-api', 'playwright-core'],
});
