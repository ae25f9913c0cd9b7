import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic';
import { loadProject } from '../../src/project';

const REPO = join(__dirname, '..', '..');
const FILES = ['config/testing.yaml', 'config/staging.yaml', 'config/production.yaml', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml'];
const SHIPPED = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(REPO, f), 'utf8')]));

/** One schema error planted in a file, the way a typo would: an unknown key on the first line. */
const typo = (text: string) => `descripton: a typo of description\n${text}`;
const typoStack = (text: string) => `secretsprovder: passphrase\n${text}`;

const key = (d: Diagnostic) => `${d.file} ${d.ruleId} ${d.line}:${d.column} ${d.message}`;

function findings(files: Record<string, string>): Diagnostic[] {
  return loadProject({ root: '/virtual', virtualFiles: files }).diagnostics;
}

/**
 * A file that fails its schema is an unknown peer: every rule that compares files must treat it as such.
 * It may hide a finding on another file (that rule cannot know), but never add one.
 */
describe('an invalid peer never adds a finding to another file', () => {
  const baseline = new Set(findings(SHIPPED).map(key));

  it.each(FILES)('with a schema error in %s', (broken) => {
    const edit = broken.startsWith('Pulumi.') && broken !== 'Pulumi.yaml' ? typoStack : typo;
    const diagnostics = findings({ ...SHIPPED, [broken]: edit(SHIPPED[broken]!) });
    const added = diagnostics.filter((d) => d.file !== broken).map(key).filter((k) => !baseline.has(k));
    expect(added).toEqual([]);
    expect(diagnostics.some((d) => d.file === broken && d.ruleId === 'schema-unknown-key')).toBe(true);
  });

  it('the file with the typo still gets every problem the schema stage sees, not only the first', () => {
    const staging = typo(SHIPPED['config/staging.yaml']!)
      .replace('queueName: acme-health-terra-staging', 'queueName: 42')
      .replace('appVerification: in-review', 'appVerification: maybe');
    const own = findings({ ...SHIPPED, 'config/staging.yaml': staging }).filter((d) => d.file === 'config/staging.yaml' && d.ruleId.startsWith('schema-'));
    expect(own.map((d) => [d.ruleId, d.line])).toEqual([
      ['schema-unknown-key', 1],
      ['schema-type', 20],
      ['schema-value', 43],
    ]);
  });
});
