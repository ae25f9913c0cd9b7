import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../src/cli/command';
import { allCommands, COMMAND_NAMES, findCommand } from '../../src/cli/command-table';
import { GLOBAL_OPTIONS, optionDescription, optionLabel, type OptionTable } from '../../src/cli/options';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../../src/terra/smoke/run-smoke';
import { STACK_FRAME, assertBuilt, copyProject, removeProjects, runCli, type CliResult } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

// Read from the table itself: a command or option added later is covered without touching this test.
const cwd = copyProject();

async function specOf(name: string): Promise<CommandSpec> {
  const spec = await findCommand(name);
  if (!spec) throw new Error(`${name} is in COMMAND_NAMES but not in the table`);
  return spec;
}

/** Every row usage must print for these options: `--env NAME    check config/NAME.yaml ...`, on one line. */
function optionRows(options: OptionTable): Array<{ label: string; description: string }> {
  return Object.entries(options).map(([name, spec]) => ({ label: optionLabel(name, spec), description: optionDescription(spec) }));
}

function expectRow(text: string, label: string, description: string): void {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${label} `) && l.endsWith(description));
  expect(line, `a line "${label} ... ${description}"`).toBeDefined();
}

describe.each(COMMAND_NAMES)('terra-iac %s', (name) => {
  const forms = [`${name} --help`, `${name} -h`, `help ${name}`];
  let spec: CommandSpec;
  const results = new Map<string, CliResult>();
  beforeAll(async () => {
    spec = await specOf(name);
    for (const form of forms) results.set(form, runCli(form.split(' '), { cwd }));
  });

  it.each(forms)('`%s` prints its usage on stdout and exits 0', (form) => {
    const result = results.get(form)!;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: terra-iac ${name} `));
    for (const { label, description } of optionRows({ ...spec.options, ...GLOBAL_OPTIONS })) expectRow(result.stdout, label, description);
    for (const p of spec.positionals) expectRow(result.stdout, p.name, p.description);
    expect(result.stdout).toContain(`Exit codes: ${spec.exitCodes}`);
  });

  it('prints the same usage for --help, -h and help <command>', () => {
    expect(new Set(forms.map((form) => results.get(form)!.stdout)).size).toBe(1);
  });

  it('names every one of its own options in the synopsis', () => {
    for (const option of Object.keys(spec.options)) expect(spec.usage).toContain(`--${option}`);
  });

  it('answers --help even after an option it does not know', () => {
    const result = runCli([name, '--no-such-option', '--help'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: terra-iac ${name} `));
  });
});

describe('the top-level usage', () => {
  const { stdout: usage } = runCli(['--help'], { cwd });

  it.each([['--help'], ['-h'], ['help']])('`terra-iac %s` prints it on stdout and exits 0', (flag) => {
    const result = runCli([flag], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(usage);
  });

  it('is printed with exit 2 when no command is given', () => {
    const result = runCli([], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(usage);
  });

  it('lists the commands of the table in its order', async () => {
    const names = (await allCommands()).map((c) => c.name);
    expect(names).toEqual(COMMAND_NAMES);
    expect([...usage.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]).filter((n) => names.includes(n!))).toEqual(names);
  });

  it.each(COMMAND_NAMES)('lists %s with its summary, synopsis, arguments and every option', async (name) => {
    const spec = await specOf(name);
    const section = usage.split('\n\n').find((block) => block.startsWith(`  ${name} `));
    expect(section, `a section for ${name}`).toBeDefined();
    expect(section).toContain(spec.summary);
    expect(section!.split('\n')[1]).toMatch(new RegExp(`^ {4}terra-iac ${name} `));
    for (const { label, description } of optionRows(spec.options)) expectRow(section!, label, description);
    for (const p of spec.positionals) expectRow(section!, p.name, p.description);
  });

  it('lists the options every command takes once', () => {
    const section = usage.split('\n\n').find((block) => block.startsWith('Every command also takes:'));
    for (const { label, description } of optionRows(GLOBAL_OPTIONS)) expectRow(section!, label, description);
  });
});

describe('usage errors point at the command help', () => {
  it('an unknown option: the message, the hint, then the pointer', () => {
    const result = runCli(['audit', '--formt', 'md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('terra-iac: unknown option --formt\n  hint: did you mean --format?\nRun terra-iac audit --help for usage.\n');
  });

  it('an unknown command: a did-you-mean and the top-level pointer', () => {
    const result = runCli(['valdate'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('terra-iac: unknown command "valdate"\n  hint: did you mean validate?\nRun terra-iac --help for usage.\n');
    expect(runCli(['help', 'constructor'], { cwd }).stderr).toMatch(/^terra-iac: unknown command "constructor"\n/);
  });

  it('a configuration problem gets its hint but no usage pointer, and no stack trace', () => {
    const result = runCli(['audit', '--root', 'config'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^terra-iac: no environments under .+\n {2}hint: run from the project root/);
    expect(result.stderr).not.toContain('--help');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('smoke --root', () => {
  it('reads the environment from DIR rather than the current directory', () => {
    const result = runCli(['smoke', '--env', 'testing', '--root', cwd], { cwd: '/' });
    // It got as far as the credentials, so config/testing.yaml was found and valid under --root.
    expect(result.stderr).toMatch(/^terra-iac: TERRA_API_KEY is not set\n/);
    expect(result.code).toBe(2);
  });

  it('its --timeout-ms default is the runner default', async () => {
    const smoke = await specOf('smoke');
    expect(smoke.options['timeout-ms']!.default).toBe(String(DEFAULT_CHECK_TIMEOUT_MS));
  });
});
