import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from '../../src/docs/config-reference';
import { replaceRegions } from '../../src/docs/readme-regions';
import { renderRulesReference } from '../../src/docs/rules-reference';
import { PROVIDER_CODES } from '../../src/catalog/providers';

const README = join(__dirname, '..', '..', 'README.md');

describe('README generated regions', () => {
  it('match a fresh render (run `node scripts/run-ts.js scripts/docs.ts` to update)', () => {
    const readme = readFileSync(README, 'utf8');
    const fresh = replaceRegions(readme, [
      { name: 'rules', content: renderRulesReference() },
      { name: 'config-reference', content: renderConfigReference() },
    ]);
    expect(readme).toBe(fresh);
  });

  it('replaces only the text between the markers', () => {
    const before = 'intro\n<!-- BEGIN rules -->\nold\n<!-- END rules -->\noutro by someone else\n';
    expect(replaceRegions(before, [{ name: 'rules', content: 'new' }])).toBe('intro\n<!-- BEGIN rules -->\nnew\n<!-- END rules -->\noutro by someone else\n');
  });

  it('refuses a README without the markers instead of dropping the text', () => {
    expect(() => replaceRegions('no markers here', [{ name: 'rules', content: 'x' }])).toThrow(/BEGIN rules/);
  });
});

describe('config reference', () => {
  const reference = renderConfigReference();

  it('lists every field of the environment schema, secret references by name', () => {
    for (const field of ['`terra.apiKey` | secret reference | yes', '`aws.secretNamePrefix` | a string | yes', '`providers.GOOGLE.dedicatedKeys.scopes`', '`destinations[].queueName`', '`limits.plannedUsers` | a whole number (≥ 0) | yes']) {
      expect(reference).toContain(field);
    }
  });

  it('names every catalog provider code', () => {
    for (const code of PROVIDER_CODES) expect(reference).toMatch(new RegExp(`\`(providers\\.)?${code}\``));
  });

  it('lists this project\'s stack keys', () => {
    for (const key of ['config.terra-iac:environment', 'config.terra-iac:smokeTest', 'config.terra-iac:smokeTimeoutMs', 'encryptionsalt']) {
      expect(reference).toContain(`\`${key}\``);
    }
  });
});
