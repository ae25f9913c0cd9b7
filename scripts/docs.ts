import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DOCS } from '../src/docs/generated-docs';

/**
 * Writes the generated pages of docs/ (the rules and the config reference) and nothing else.
 * Usage, from the project root: node scripts/run-ts.js scripts/docs.ts
 */
const root = process.cwd();
if (!existsSync(join(root, 'docs'))) {
  console.error(`no docs/ folder in ${root}: run this from the project root`);
  process.exit(2);
}
for (const { path, render } of GENERATED_DOCS) {
  const file = join(root, path);
  const fresh = render();
  if (existsSync(file) && readFileSync(file, 'utf8') === fresh) {
    console.log(`${path} is up to date`);
  } else {
    writeFileSync(file, fresh);
    console.log(`${path} regenerated`);
  }
}
