import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/core/version';
import { assertBuilt, runCli, STACK_FRAME } from './helpers';

let work: string;
beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'terra-iac-init-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder, relative, sorted. */
function tree(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(dir, `${sub}${e.name}/`) : [`${sub}${e.name}`]))
    .sort();
}

describe('terra-iac init', () => {
  it('creates the folder and writes the repository, depending on ^ this version by default', () => {
    const result = runCli(['init', 'Acme Infra'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const dir = join(work, 'Acme Infra');
    expect(tree(dir)).toEqual([
      '.github/workflows/validate.yml',
      '.gitignore',
      'Pulumi.production.yaml',
      'Pulumi.staging.yaml',
      'Pulumi.testing.yaml',
      'Pulumi.yaml',
      'README.md',
      'config/production.yaml',
      'config/staging.yaml',
      'config/testing.yaml',
      'index.js',
      'package.json',
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: 'acme-infra', dependencies: { 'terra-iac': `^${VERSION}` } });
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).toContain("require('terra-iac/pulumi').terraIacStack(__dirname)");
    expect(result.stdout).toContain('Created a terra-iac repository in Acme Infra');
    expect(result.stdout).toContain('npx terra-iac validate');
  });

  it('refuses an existing file or a dangling link among its targets, and writes nothing (exit 2)', () => {
    const dir = join(work, 'partial');
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config', 'staging.yaml'), 'mine\n');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'index.js'));
    const result = runCli(['init', dir], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("init would overwrite partial/config/staging.yaml, partial/index.js");
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(tree(dir)).toEqual(['config/staging.yaml', 'index.js']);
    expect(readFileSync(join(dir, 'config', 'staging.yaml'), 'utf8')).toBe('mine\n');
  });

  it('refuses a bad --name, a bad --package-spec, a file as DIR and two folders (exit 2)', () => {
    writeFileSync(join(work, 'a-file'), '');
    const cases: Array<[string[], string]> = [
      [['init', join(work, 'n1'), '--name', 'Not Valid'], '--name "Not Valid" is not a valid npm package name'],
      [['init', join(work, 'n2'), '--package-spec', 'a b'], '--package-spec "a b" is not a dependency spec'],
      [['init', join(work, 'a-file')], 'exists and is not a folder'],
      [['init', 'x', 'y'], 'unexpected argument "y"'],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, { cwd: work });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(join(work, 'n1'))).toBe(false);
    expect(existsSync(join(work, 'n2'))).toBe(false);
  });
});
