import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';

const REPO = join(__dirname, '..', '..');

describe('the shipped project under every rule', () => {
  const project = loadProject({ root: REPO });

  it('has no errors', () => {
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has no warnings: the demo validates clean', () => {
    expect(project.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(project.summary).toMatchObject({ errors: 0, warnings: 0, infos: 11, files: 7 });
  });

  it('says once, as info, that VIRTUAGYM\'s code is UNCONFIRMED though Terra\'s docs use it', () => {
    const unconfirmed = project.diagnostics.filter((d) => d.message.includes('UNCONFIRMED'));
    expect(unconfirmed.map((d) => `${d.severity} ${d.ruleId} ${d.file} ${d.path.join('.')}`)).toEqual(['info provider-unknown config/production.yaml providers.VIRTUAGYM']);
    expect(unconfirmed[0]!.message).toContain('terra-iac smoke --env production');
  });

  it('notes mobile-SDK and partnership providers and the unconfirmed code as info only', () => {
    const infos = new Set(project.diagnostics.filter((d) => d.severity === 'info').map((d) => d.ruleId));
    expect([...infos].sort()).toEqual(['provider-dedicated-keys', 'provider-mobile-sdk', 'provider-unknown']);
  });
});
