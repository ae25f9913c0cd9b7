import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { copyProject, removeProjects } from '../cli/helpers';

afterAll(removeProjects);

/** A command run in process through the CLI's entry point: what it printed and the exit code it chose. */
async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd, isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
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
