import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/report/build-report';
import { AUDIT_FORMATS, AUDIT_RENDERERS } from '../../src/report/render';
import type { Rule } from '../../src/validate/rule-contract';
import { loadProject } from '../../src/project';
import { BASIC_FIXTURE, FIXTURES, REPO_ROOT, fixedProvenance, flagPolarNotes } from './helpers';

/**
 * Golden files of every format, refreshed with `npx vitest run test/report -u` (then review the diff).
 * The shipped config runs without the project's rules: their findings belong to the rules' own tests and
 * change as rules are added, while this golden pins the report's layout. The basic fixture's findings come
 * from the schema stage and one test rule, so they are stable too. The CLI tests cover the real rules; the
 * shipped golden's file hashes are fixed (provenance.test.ts checks real hashing).
 */
const CASES: { name: string; root: string; rules: readonly Rule[]; realHashes: boolean }[] = [
  { name: 'shipped', root: REPO_ROOT, rules: [], realHashes: false },
  { name: 'basic', root: BASIC_FIXTURE, rules: [flagPolarNotes], realHashes: true },
];

for (const c of CASES) {
  describe(`audit golden: ${c.name}`, () => {
    const project = loadProject({ root: c.root, rules: c.rules });
    const report = buildAuditReport(project, { toolVersion: '0.0.0-golden', provenance: fixedProvenance(project, c.realHashes) });
    for (const format of AUDIT_FORMATS) {
      it(`renders ${format} as the golden file`, async () => {
        await expect(AUDIT_RENDERERS[format](report)).toMatchFileSnapshot(join(FIXTURES, 'golden', `${c.name}.${format}`));
      });
    }
  });
}
