import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TerraIacError } from '../../src/core/errors';
import { ProgramTimeoutError, SecretLeakError, StackConfigError } from '../../src/infra/plan/plan-errors';
import { SmokeTestFailedError } from '../../src/infra/smoke-test-provider';
import { PassphraseFileError, passphraseFromEnv } from '../../src/load/stack-passphrase';
import { newEncryptionSalt, PassphraseError, unlockStack } from '../../src/load/pulumi-passphrase';
import { DiffError } from '../../src/report/diff/diff-error';
import { GitError, resolveCommit } from '../../src/report/git';
import { TerraCallError } from '../../src/terra/http/terra-call-error';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('one error base', () => {
  it('no class in src/ extends Error except TerraIacError itself', () => {
    const direct = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/class (\w+) extends Error\b/g)].map((m) => `${relative(SRC, file)}: ${m[1]}`),
    );
    expect(direct).toEqual(['core/errors.ts: TerraIacError']);
  });

  it('errors thrown by the code carry their exit kind', () => {
    const { state } = newEncryptionSalt('right', Buffer.alloc(8, 1));
    const wrong = (() => {
      try {
        unlockStack('wrong', state);
      } catch (error) {
        return error;
      }
    })();
    expect(wrong).toBeInstanceOf(PassphraseError);
    expect(wrong).toMatchObject({ exitKind: 'auth', message: 'incorrect passphrase' });

    const unreadable = (() => {
      try {
        passphraseFromEnv({ PULUMI_CONFIG_PASSPHRASE_FILE: join(SRC, 'no-such-file') });
      } catch (error) {
        return error;
      }
    })();
    expect(unreadable).toBeInstanceOf(PassphraseFileError);
    expect(unreadable).toMatchObject({ exitKind: 'io', hint: expect.stringContaining('PULUMI_CONFIG_PASSPHRASE') });

    expect(() => resolveCommit(SRC, 'no-such-ref-anywhere')).toThrow(expect.objectContaining({ name: 'GitError', exitKind: 'config', problem: 'unknown-ref' }));
  });

  it('each typed error is a TerraIacError with its kind and hint', () => {
    const cases: Array<[TerraIacError, string, boolean]> = [
      [new GitError('x', 'not-installed'), 'io', false],
      [new DiffError('x', 'h'), 'config', true],
      [new TerraCallError({ operation: 'GET /x', kind: 'http', status: 401, message: 'x' }), 'auth', false],
      [new TerraCallError({ operation: 'GET /x', kind: 'http', status: 503, message: 'x' }), 'io', false],
      [new TerraCallError({ operation: 'GET /x', kind: 'timeout', message: 'x' }), 'io', false],
      [new StackConfigError('x', 'h'), 'config', true],
      [new StackConfigError('x', 'h', 'auth'), 'auth', true],
      [new ProgramTimeoutError('x'), 'config', true],
      [new SecretLeakError('x'), 'config', true],
      [new SmokeTestFailedError('x'), 'findings', false],
    ];
    for (const [error, kind, hinted] of cases) {
      expect(error, error.name).toBeInstanceOf(TerraIacError);
      expect(error.exitKind, error.name).toBe(kind);
      expect(error.hint !== undefined, error.name).toBe(hinted);
    }
  });
});
