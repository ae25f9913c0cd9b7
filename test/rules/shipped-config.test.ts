import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';

const REPO = join(__dirname, '..', '..');

describe('the shipped project under every rule', () => {
  const project = loadProject({ root: REPO });

  it('has no errors', () => {
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns only about honest UNCONFIRMED facts (VIRTUAGYM\'s code)', () => {
    const warnings = project.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => `${d.ruleId} ${d.file} ${d.path.join('.')}`)).toEqual([
      'provider-unknown config/production.yaml providers.VIRTUAGYM',
      'provider-unknown config/staging.yaml providers.VIRTUAGYM',
    ]);
  });

  it('notes mobile-SDK and partnership providers as info only', () => {
    const infos = new Set(project.diagnostics.filter((d) => d.severity === 'info').map((d) => d.ruleId));
    expect([...infos].sort()).toEqual(['provider-dedicated-keys', 'provider-mobile-sdk']);
  });
});
