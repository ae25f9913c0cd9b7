import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewFiles } from '../../src/cli/commands/import-write';
import { TerraIacError } from '../../src/core/errors';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-import-write-'));
  dirs.push(dir);
  return dir;
};
const file = (dir: string, name: string, text: string) => ({ absPath: join(dir, name), shownAs: name, text });
const thrown = (fn: () => void): TerraIacError => {
  try {
    fn();
  } catch (error) {
    return error as TerraIacError;
  }
  throw new Error('expected an error');
};

describe('writeNewFiles: both files or none', () => {
  it('writes both, creating config/, and leaves no temporary file', () => {
    const dir = folder();
    writeNewFiles([file(dir, 'config/a.yaml', 'a: 1\n'), file(dir, 'Pulumi.a.yaml', 'config: {}\n')], false);
    expect(readFileSync(join(dir, 'config/a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readFileSync(join(dir, 'Pulumi.a.yaml'), 'utf8')).toBe('config: {}\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('puts back the first file when the second cannot be placed (a file appeared there meanwhile)', () => {
    const dir = folder();
    // The same target twice: the second link meets the file the first just placed, as it would a file
    // someone created after the check.
    const error = thrown(() => writeNewFiles([file(dir, 'x.yaml', 'first\n'), file(dir, 'x.yaml', 'second\n')], false));
    expect(error.exitKind).toBe('usage');
    expect(error.message).toContain('already exist');
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder in the way even with force, and writes nothing', () => {
    const dir = folder();
    writeFileSync(join(dir, 'Pulumi.a.yaml'), 'old\n');
    mkdirSync(join(dir, 'config'));
    const error = thrown(() => writeNewFiles([file(dir, 'Pulumi.a.yaml', 'new\n'), file(dir, 'config', 'x')], true));
    expect(error.message).toBe('config exists and is not a regular file; nothing was written');
    expect(readFileSync(join(dir, 'Pulumi.a.yaml'), 'utf8')).toBe('old\n');
  });

  it('with force, a failure staging the second file leaves the first as it was', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.yaml'), 'old\n');
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder\n');
    const error = thrown(() => writeNewFiles([file(dir, 'a.yaml', 'new\n'), file(dir, 'blocker/b.yaml', 'b\n')], true));
    expect(error.exitKind).toBe('io');
    expect(error.message).toContain('nothing was written');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'blocker']);
  });
});
