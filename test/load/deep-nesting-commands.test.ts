import { afterAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/commands/audit';
import { diffCommand } from '../../src/cli/commands/diff';
import { planCommand } from '../../src/cli/commands/plan';
import { smokeCommand } from '../../src/cli/commands/smoke';
import { validateCommand } from '../../src/cli/commands/validate';
import { CommandError, type Command, type Io } from '../../src/cli/io';
import { copyProject, removeProjects } from '../cli/helpers';

afterAll(removeProjects);

const COMMANDS: Record<string, Command> = { validate: validateCommand, plan: planCommand, audit: auditCommand, diff: diffCommand, smoke: smokeCommand };

/**
 * A command run in process, as cli/main.ts runs it: a CommandError is its exit code 2 with a message; anything
 * else it throws (a RangeError out of the parser) is what main would print as `internal error`, and fails here.
 */
async function run([name, ...args]: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd, isTTY: false };
  try {
    return { code: await COMMANDS[name!]!(args, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    return { code: 2, stdout, stderr: `${stderr}terra-iac: ${error.message}\n` };
  }
}

// The environment's description becomes `- - - ... x` compact lists, followed by the file's other keys: the
// shape that threw RangeError out of eemeli/yaml's parser and came out as `internal error` (exit 2).
describe.each([3_000, 100_000])('config/testing.yaml with compact lists %i levels deep', (levels) => {
  const cwd = copyProject({ 'config/testing.yaml': (text) => text.replace(/^description: .*$/m, `description:\n  ${'- '.repeat(levels)}x`) });
  const located = /config\/testing\.yaml:4:129 error maps and lists are nested more than 64 levels deep \[yaml-depth-limit\]/;

  it.each([
    ['validate', ['validate'], 1],
    ['plan', ['plan', '--env', 'testing'], 1],
    ['audit', ['audit', '--format', 'json'], 0],
    ['diff', ['diff', 'testing', 'staging'], 2],
    ['smoke', ['smoke', '--env', 'testing'], 2],
  ] as const)('%s answers with the located finding, never an internal error', async (_name, args, exitCode) => {
    const { code, stdout, stderr } = await run([...args], cwd);
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toMatch(/internal error|Maximum call stack/);
    expect(code, output.slice(0, 2000)).toBe(exitCode);
    if (args[0] === 'validate' || args[0] === 'plan' || args[0] === 'smoke') expect(output).toMatch(located);
    if (args[0] === 'audit') {
      const testing = (JSON.parse(stdout) as { environments: Array<{ name: string; valid: boolean }> }).environments.find((e) => e.name === 'testing');
      expect(testing).toMatchObject({ valid: false });
      expect(stdout).toContain('yaml-depth-limit');
    }
    if (args[0] === 'diff') expect(stderr).toMatch(/config\/testing\.yaml does not pass validation/);
  });
});
