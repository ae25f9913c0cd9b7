#!/usr/bin/env node
// Bundles the CLI into dist/cli.js, then trains its V8 code cache (scripts/train-code-cache.js). Heavy
// dependencies stay external and load only in the commands that need them.
const { build } = require('esbuild');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { assertNoLocaleUse, zodEnglishOnly } = require('./zod-english-only');

/**
 * Libraries bundled into files of their own under dist/vendor/, which the CLI requires on first use: every
 * byte of dist/cli.js is read and decoded on every start (about 7 ms a MiB here), and `validate` of files in
 * the plain style needs neither zod (the schemas are compiled ajv code) nor yaml (load/fast-yaml.ts).
 */
const VENDORED = ['zod', 'yaml'];

/** Imports of a vendored library become `require('./vendor/<name>.js')`, resolved next to dist/cli.js. */
const vendored = {
  name: 'vendored',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDORED.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

/**
 * What both kinds of bundle share. Whitespace is minified (a third of the text), names and syntax are not:
 * Pulumi's closure serializer re-parses the source of functions a dynamic provider captures, and it cannot
 * parse esbuild's minified class bodies (lib/, not this bundle, is what `pulumi up` runs; see build-program.js).
 */
const COMMON = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', logLevel: 'warning', minifyWhitespace: true, write: false };

/**
 * esbuild escapes non-ASCII in strings, regexes and identifiers but keeps comments as written. Escaped there
 * too, the bundle is pure ASCII, which bin/load-bundle.js decodes as latin1 (exact for ASCII, and far cheaper
 * than UTF-8). `\u{...}` means the same character in a string, template or identifier should esbuild leave one.
 */
function writeAscii(file) {
  const ascii = file.text.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error(`${file.path} is not ASCII`);
  // A fresh clone has no dist/ yet, and esbuild creates it only when it writes the files itself.
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, ascii);
}

async function main() {
  // Code caches of earlier bundles would never be read again (their name carries the bundle's stamp).
  for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
    if (/^cli\.js\..*\.(cache|tmp)$/.test(entry)) rmSync(join('dist', entry), { force: true });
  }
  assertNoLocaleUse('src');
  const { outputFiles } = await build({
    ...COMMON,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    external: ['@pulumi/*', 'terra-api', 'playwright-core'],
    plugins: [vendored],
  });
  writeAscii(outputFiles[0]);
  for (const name of VENDORED) {
    const vendor = await build({
      ...COMMON,
      stdin: { contents: `export * from '${name}';`, resolveDir: process.cwd(), loader: 'js' },
      outfile: `dist/vendor/${name}.js`,
      plugins: [zodEnglishOnly],
    });
    writeAscii(vendor.outputFiles[0]);
  }

  const training = spawnSync(process.execPath, [join(__dirname, 'train-code-cache.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (training.status !== 0) process.stderr.write('build: no code cache was written; the CLI works, only starts slower\n');
}

main().catch((error) => {
  process.stderr.write(`build: ${error.message}\n`);
  process.exitCode = 1;
});
