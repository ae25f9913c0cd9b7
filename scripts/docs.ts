import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigReference } from '../src/docs/config-reference';
import { replaceRegions } from '../src/docs/readme-regions';
import { renderRulesReference } from '../src/docs/rules-reference';

/**
 * Rewrites the generated regions of README.md (the rule list and the config reference) and nothing else.
 * Usage, from the project root: node scripts/run-ts.js scripts/docs.ts
 */
const readmePath = join(process.cwd(), 'README.md');
if (!existsSync(readmePath)) {
  console.error(`no README.md in ${process.cwd()}: run this from the project root`);
  process.exit(2);
}
const before = readFileSync(readmePath, 'utf8');
const after = replaceRegions(before, [
  { name: 'rules', content: renderRulesReference() },
  { name: 'config-reference', content: renderConfigReference() },
]);
if (after === before) {
  console.log('README.md is up to date');
} else {
  writeFileSync(readmePath, after);
  console.log('README.md: rules and config reference regenerated');
}
