'use strict';
// esbuild plugin: the bundle keeps only zod's English messages. `import { z } from 'zod'` pulls in the whole
// `z.locales` namespace (about 50 languages, a quarter of dist/cli.js), which esbuild cannot tree-shake through
// the namespace object, while zod itself only ever uses English (classic/schemas.js imports locales/en.js
// directly) and this project never calls `z.config(z.locales.xx())`. Every byte of the bundle is read on every
// start, so its `locales` namespaces become just `{ en }`. If zod moves its files, nothing matches and the
// bundle keeps every locale. `assertNoLocaleUse` fails the build should src/ ever use another locale.
const { readFileSync, readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** Throws when a source file under `dir` mentions zod's locales, which the bundle no longer has. */
function assertNoLocaleUse(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.ts$/.test(entry.name)) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (/\blocales\b/.test(readFileSync(file, 'utf8'))) {
      throw new Error(`${file} uses zod's locales, which scripts/zod-english-only.js leaves out of the bundle: drop the plugin or the use`);
    }
  }
}

module.exports = { zodEnglishOnly, assertNoLocaleUse };
