import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, baseEnv, runCli } from '../cli/helpers';
import { ciphertextOf, projectWith } from './baseline';
import { yml } from './yml';

/** Plaintext secrets planted where only the rules (not the schema stage) can see them. */
const PLANTED = {
  inDescription: 'Q2xk3nR8vT0pLw9ZsY4bH7cJ1mF6gD5e',
  inComment: 'Zr8Kq2Lm5Np7Vx3Ty6Wb9Hc4Jd1Gf0Sa',
  hexSigningSecret: '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36',
  plainStackSecret: 'Pw4Xn7Rq2Ks9Lt5Vm8Bc3Dh6Fj1Gy0Za',
  keywordToken: 'ghp_abc123XYZ789def',
} as const;

const FILES = projectWith({
  'config/staging.yaml': yml`
    description: staging; the old key ${PLANTED.inDescription} was rotated
    owners:
      - team: platform
    terra:
      devId: acme-staging-dev-id
      # pasted by mistake: ${PLANTED.inComment}
      apiKey: { fromStackConfig: terraApiKey }
    providers:
      GARMIN:
        notes: signing secret ${PLANTED.hexSigningSecret}
    aws:
      secretNamePrefix: acme/terra
  `,
  'Pulumi.staging.yaml': yml`
    config:
      terra-iac:terraApiKey: ${PLANTED.plainStackSecret}
      terra-iac:terraWebhookSigningSecret:
        secure: ${ciphertextOf('staging', 'signingSecret')}
      datadog:apiToken: ${PLANTED.keywordToken}
  `,
});

let root: string;

beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'terra-iac-rule-secrets-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const leaked = (text: string) => Object.values(PLANTED).filter((secret) => text.includes(secret));

describe('rule findings on planted secrets, through the built CLI', () => {
  it('are reported with their ids (json)', () => {
    const result = runCli(['validate', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number }[] };
    const found = report.diagnostics.filter((d) => ['secret-literal', 'stack-secret-plain'].includes(d.ruleId));
    expect(found.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`).sort()).toEqual([
      'secret-literal Pulumi.staging.yaml:5:21',
      'secret-literal config/staging.yaml:10:12',
      'secret-literal config/staging.yaml:1:14',
      'secret-literal config/staging.yaml:7:3',
      'stack-secret-plain Pulumi.staging.yaml:2:26',
    ]);
  });

  for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
    it(`never print the values (--format ${format}, stdout and --output)`, () => {
      const printed = runCli(['validate', '--format', format], { cwd: root, env: baseEnv({ FORCE_COLOR: '1' }) });
      expect(printed.code).toBe(1);
      expect(leaked(printed.stdout + printed.stderr)).toEqual([]);
      const out = join(root, `report.${format}`);
      const written = runCli(['validate', '--format', format, '--output', out], { cwd: root });
      expect(written.code).toBe(1);
      expect(leaked(readFileSync(out, 'utf8') + written.stdout + written.stderr)).toEqual([]);
    });
  }
});
