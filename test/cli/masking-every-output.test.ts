import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/formatters';
import { AUDIT_FORMATS } from '../../src/report/render';
import { MASK } from '../../src/core/secret-mask';
import { assertBuilt, baseEnv, copyProject, removeProjects, runCli, type CliResult } from './helpers';

afterAll(removeProjects);

/** A secret-shaped token used as a map key: the code frame masks it, so nothing else may print it. */
const KEY_TOKEN = 'tk_live_KEYNAMEsecret4Df5Gh6Jk7Lz8';
/** A secret-shaped token that yaml quotes in its syntax error message. */
const SYNTAX_TOKEN = 'tk_live_SYNTAXsecret5Rt6Yu7Io8Pa9S';
/** Credentials inside the webhook URL: a password (not secret-shaped at all) and a query token. */
const URL_PASSWORD = 'PASSWORDxyz';
const URL_TOKEN = 'TOKENabc123DEF456ghi789JKL012mno';

const SHIPPED_WEBHOOK = 'url: https://hooks.staging.acme-health.example/terra/events';

interface Run {
  what: string;
  result: CliResult;
}

/** Every output of every command over one project: validate's five formats, audit's four, plan, diff text and json. */
function everyOutput(cwd: string): Run[] {
  const env = baseEnv();
  const runs: Run[] = [];
  for (const format of FORMAT_NAMES) runs.push({ what: `validate --format ${format}`, result: runCli(['validate', '--format', format], { cwd, env }) });
  for (const format of AUDIT_FORMATS) runs.push({ what: `audit --format ${format}`, result: runCli(['audit', '--format', format], { cwd, env }) });
  runs.push({ what: 'plan --env staging', result: runCli(['plan', '--env', 'staging'], { cwd, env, timeoutMs: 60_000 }) });
  runs.push({ what: 'diff staging production', result: runCli(['diff', 'staging', 'production'], { cwd, env }) });
  runs.push({ what: 'diff --format json', result: runCli(['diff', 'staging', 'production', '--format', 'json'], { cwd, env }) });
  return runs;
}

function expectAbsent(runs: readonly Run[], secrets: readonly string[]): void {
  for (const { what, result } of runs) {
    for (const secret of secrets) {
      expect(result.stdout.includes(secret), `${what} stdout prints ${secret}`).toBe(false);
      expect(result.stderr.includes(secret), `${what} stderr prints ${secret}`).toBe(false);
    }
  }
}

const output = (runs: readonly Run[], what: string) => {
  const run = runs.find((r) => r.what === what)!;
  return `${run.result.stdout}${run.result.stderr}`;
};

describe('what a code frame masks, no output prints', { timeout: 240_000 }, () => {
  assertBuilt();

  it('a secret-shaped map key: in messages, json/sarif paths, annotations, JUnit, audit, plan\'s refusal and diff', () => {
    const cwd = copyProject({ 'config/staging.yaml': (text) => text.replace('providers:\n', `providers:\n  ${KEY_TOKEN}: {}\n`) });
    const runs = everyOutput(cwd);
    expectAbsent(runs, [KEY_TOKEN, 'KEYNAMEsecret4Df5Gh6Jk7Lz8']);
    // Still reported, masked: the finding, its JSON path, the audit's matrix row and the diff line.
    expect(output(runs, 'validate --format text')).toContain(`unknown provider code \`${MASK}\``);
    expect(JSON.parse(runs.find((r) => r.what === 'validate --format json')!.result.stdout).diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'provider-unknown', path: ['providers', MASK] }),
    );
    expect(output(runs, 'audit --format json')).toContain(`"code": "${MASK}"`);
    expect(output(runs, 'plan --env staging')).toContain('[provider-unknown]');
    expect(output(runs, 'diff staging production')).toContain(`${MASK}: enabled`);
  });

  it('a secret-shaped scalar that yaml quotes in its syntax error', () => {
    const cwd = copyProject({ 'config/staging.yaml': `[x]\nfoo: ${SYNTAX_TOKEN}\n` });
    const runs = everyOutput(cwd);
    expectAbsent(runs, [SYNTAX_TOKEN, 'SYNTAXsecret5Rt6Yu7Io8Pa9S']);
    expect(output(runs, 'validate --format text')).toContain(`Unexpected scalar token in YAML stream: "${MASK}"`);
    expect(output(runs, 'plan --env staging')).toContain('[yaml-syntax]');
  });
});

describe('credentials inside the webhook URL', { timeout: 240_000 }, () => {
  assertBuilt();

  it('fail validate and plan, and neither the password nor the token reaches any output', () => {
    const url = `url: https://ops:${URL_PASSWORD}@hooks.staging.acme-health.example/terra/events?token=${URL_TOKEN}`;
    const cwd = copyProject({ 'config/staging.yaml': (text) => text.replace(SHIPPED_WEBHOOK, url) });
    const runs = everyOutput(cwd);
    expectAbsent(runs, [URL_PASSWORD, URL_TOKEN, 'ops:']);
    const validate = runs.find((r) => r.what === 'validate --format text')!.result;
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/^config\/staging\.yaml:14:8 error webhook URL carries credentials: .*\[webhook-url-credentials\]$/m);
    const plan = runs.find((r) => r.what === 'plan --env staging')!.result;
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('[webhook-url-credentials]');
  });
});
