#!/usr/bin/env node
// Bundles the CLI into dist/cli.js, then trains its V8 code cache (scripts/train-code-cache.js). Heavy
// dependencies stay external and load only in the commands that need them.
const { build } = require('esbuild');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { assertNoLocaleUse, zodEnglishOnly } = require('./zod-english-only');

async function main() {
  // Code caches of earlier bundles would never be read again (their name carries the bundle's stamp).
  for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
    if (/^cli\.js\..*\.(cache|tmp)$/.test(entry)) rmSync(join('dist', entry), { force: true });
  }
  assertNoLocaleUse('src');
  const { outputFiles } = await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // No minification: Pulumi's closure serializer re-parses the source of functions a dynamic provider
    // captures, and it cannot parse esbuild's minified class bodies.
    legalComments: 'none',
    logLevel: 'warning',
    external: ['@pulumi/*', 'terra-api', 'playwright-core'],
    plugins: [zodEnglishOnly],
    write: false,
  });
  const [bundle] = outputFiles;
  // esbuild escapes non-ASCII in strings, regexes and identifiers but keeps comments as written. Escaped there
  // too, the bundle is pure ASCII, which bin/load-bundle.js decodes as latin1 (exact for ASCII, and far cheaper
  // than UTF-8). `\u{...}` means the same character in a string, template or identifier should esbuild leave one.
  const ascii = bundle.text.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error('dist/cli.js is not ASCII');
  // A fresh clone has no dist/ yet, and esbuild creates it only when it writes the files itself.
  mkdirSync(dirname(bundle.path), { recursive: true });
  writeFileSync(bundle.path, ascii);

  const training = spawnSync(process.execPath, [join(__dirname, 'train-code-cache.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (training.status !== 0) process.stderr.write('build: no code cache was written; the CLI works, only starts slower\n');
}

main().catch((error) => {
  process.stderr.write(`build: ${error.message}\n`);
  process.exitCode = 1;
});
