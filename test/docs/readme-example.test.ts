import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';

const REPO = join(__dirname, '..', '..');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The first ```yaml block after a heading: what a reader copies. */
function yamlExampleAfter(heading: string): string {
  const section = README.slice(README.indexOf(heading));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`no yaml example after ${heading}`);
  return match[1]!;
}

describe('the README example environment', () => {
  it('is a valid config/staging.yaml next to the shipped staging stack (schema and every rule)', () => {
    const example = yamlExampleAfter('## Writing an environment');
    const stack = readFileSync(join(REPO, 'Pulumi.staging.yaml'), 'utf8');
    const project = loadProject({ root: '/virtual', virtualFiles: { 'config/staging.yaml': example, 'Pulumi.staging.yaml': stack } });
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(project.environments[0]?.model?.terra.devId).toBe('acme-health-staging-R4tW9c');
  });
});
