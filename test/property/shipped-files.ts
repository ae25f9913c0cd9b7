import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');

/** The shipped project as loadProject's virtualFiles: config/*.yaml, Pulumi.yaml and Pulumi.<env>.yaml. */
export function shippedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(REPO, 'config')).filter((n) => n.endsWith('.yaml'))) {
    files[`config/${name}`] = readFileSync(join(REPO, 'config', name), 'utf8');
  }
  for (const name of readdirSync(REPO).filter((n) => /^Pulumi(\.[^.]+)?\.yaml$/.test(n))) {
    files[name] = readFileSync(join(REPO, name), 'utf8');
  }
  return files;
}
