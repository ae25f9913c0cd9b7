import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './shipped';

const created: string[] = [];

/** A temporary copy of the shipped project with `edits` (path -> function of the old text) applied. */
export function projectCopy(edits: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-infra-'));
  created.push(dir);
  for (const entry of ['config', 'schemas', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml']) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  for (const [path, edit] of Object.entries(edits)) {
    const before = readFileSync(join(dir, path), 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${path} changed nothing: the fixture no longer matches the shipped file`);
    writeFileSync(join(dir, path), after);
  }
  return dir;
}

export function removeProjectCopies(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
