import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { findSecretLeak, planReport, SECRET_MARKER } from '../../src/infra/plan/plan-report';
import { renderPlanText } from '../../src/infra/plan/render-plan-text';
import type { MockRun } from '../../src/infra/plan/run-program';

const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });
const VALUE = 'fixed-secret-value-for-this-test';

const run: MockRun = {
  resources: [
    { type: 'pulumi:pulumi:Stack', name: 'terra-iac-demo', custom: false, inputs: {} },
    { type: 'terra-iac:environment:TerraEnvironment', name: 'demo', custom: false, inputs: {}, parent: { type: 'pulumi:pulumi:Stack', name: 'terra-iac-demo' } },
    {
      type: 'aws:secretsmanager/secretVersion:SecretVersion',
      name: 'demo-terra-api-key-version',
      custom: true,
      parent: { type: 'terra-iac:environment:TerraEnvironment', name: 'demo' },
      inputs: { secretId: 'id-1', secretString: secret(VALUE), nested: { list: [secret(VALUE), 'plain'] } },
    },
    {
      type: 'aws:iam/policy:Policy',
      name: 'demo-read-policy',
      custom: true,
      parent: { type: 'terra-iac:environment:TerraEnvironment', name: 'demo' },
      inputs: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'ReadTerraSecrets', Action: 'secretsmanager:GetSecretValue' }] }) },
    },
  ],
  outputs: { environment: { value: 'demo', secret: false }, token: { value: VALUE, secret: true } },
};
const meta = { environment: 'demo', stack: 'demo', secretValues: { source: 'placeholders' as const, unsetEnvironmentVariables: ['X_SECRET'] } };

describe('planReport', () => {
  it('masks secret inputs at any depth and secret outputs, and counts resources', () => {
    const report = planReport(run, meta);
    expect(report.resources[2]!.inputs).toEqual({ secretId: 'id-1', secretString: SECRET_MARKER, nested: { list: [SECRET_MARKER, 'plain'] } });
    expect(report.outputs).toEqual({ environment: 'demo', token: SECRET_MARKER });
    expect(report.resources.map((r) => r.parent)).toEqual([null, 'terra-iac-demo', 'demo', 'demo']);
    expect(report.summary).toEqual({ resources: 4, components: 2, awsResources: 2, dynamicResources: 0 });
    expect(JSON.stringify(report)).not.toContain(VALUE);
  });

  it('finds a secret value that reached a plain input, and where', () => {
    const leaky: MockRun = { ...run, resources: [{ ...run.resources[3]!, inputs: { description: `key ${VALUE}` } }] };
    expect(findSecretLeak(planReport(leaky, meta), [VALUE])).toBe('input description of aws:iam/policy:Policy demo-read-policy');
    expect(findSecretLeak(planReport(run, meta), [VALUE])).toBeUndefined();
  });
});

describe('planReport on URLs and unsafe text', () => {
  const smokeTest = (inputs: Record<string, unknown>): MockRun => ({
    resources: [{ type: 'terra-iac:smoke:SmokeTest', name: 'demo-smoke', custom: true, inputs }],
    outputs: { webhookUrl: { value: inputs.webhookUrl, secret: false } },
  });

  it('replaces the credentials inside a URL, in inputs and outputs, keeping host and path', () => {
    const url = 'https://ops:PASSWORDxyz@hooks.example/terra/events?env=demo&token=TOKENabc123DEF456ghi789JKL012mno';
    const report = planReport(smokeTest({ webhookUrl: url, apiBaseUrl: 'https://api.tryterra.co/v2' }), meta);
    const shown = `https://${SECRET_MARKER}@hooks.example/terra/events?env=demo&token=${SECRET_MARKER}`;
    expect(report.resources[0]!.inputs).toEqual({ webhookUrl: shown, apiBaseUrl: 'https://api.tryterra.co/v2' });
    expect(report.outputs.webhookUrl).toBe(shown);
    for (const rendered of [JSON.stringify(report), renderPlanText(report)]) {
      expect(rendered).not.toContain('PASSWORDxyz');
      expect(rendered).not.toContain('TOKENabc123DEF456ghi789JKL012mno');
    }
  });

  it('escapes unsafe characters in every string, names included', () => {
    const report = planReport(smokeTest({ webhookUrl: 'https://hooks.example/\u202Eevil', note: 'a\x1b[2Jb' }), { ...meta, environment: 'de\u2028mo' });
    const text = renderPlanText(report);
    expect(text).not.toMatch(/[\u001b\u202e\u2028]/);
    expect(text).toContain('environment de\\u2028mo');
    expect(report.resources[0]!.inputs.note).toBe('a\\u001B[2Jb');
  });
});

describe('renderPlanText', () => {
  const text = renderPlanText(planReport(run, meta));
  it('opens with the environment and says it is a plan of the program, not a diff', () => {
    const [title, , ...rest] = text.split('\n');
    expect(title).toBe('terra-iac plan: environment demo, stack demo');
    expect(rest.slice(0, 4).join(' ')).toMatch(/^This is a plan of the program, not a diff against deployed state/);
    expect(text.replace(/\s+/g, ' ')).toContain('placeholders stand in for unset environment variables X_SECRET');
  });
  it('indents children under parents and unfolds JSON policies', () => {
    expect(text).toContain('+ pulumi:pulumi:Stack  terra-iac-demo (stack)\n');
    expect(text).toContain('  + terra-iac:environment:TerraEnvironment  demo (component)  [parent: terra-iac-demo]\n');
    expect(text).toContain('    + aws:iam/policy:Policy  demo-read-policy  [parent: demo]\n');
    expect(text).toMatch(/^ {8}policy:\n {10}Statement:\n {12}- Action: secretsmanager:GetSecretValue$/m);
    expect(text).toContain('secretString: "[secret]"');
    expect(text).not.toContain(VALUE);
  });
});
