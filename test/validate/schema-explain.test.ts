import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml';
import type { SchemaNode } from '../../src/validate/json-schema-walk';
import { explainSchemaErrors } from '../../src/validate/schema-explain';
import { VALID_ENV } from '../fixtures/bad-input/cases';

const SCHEMA: SchemaNode = require('../../src/generated/environment.schema.json');
const base = () => parseYaml(VALID_ENV).data as Record<string, any>;

function explain(edit: (env: Record<string, any>) => unknown) {
  const env = base();
  const result = edit(env);
  return explainSchemaErrors(SCHEMA, result === undefined ? env : result);
}

describe('explainSchemaErrors', () => {
  it('finds nothing in a valid environment', () => {
    expect(explain(() => undefined)).toEqual([]);
  });

  it('reports an unknown key at the key, with a did-you-mean', () => {
    const [finding, ...rest] = explain((env) => {
      env.terra.devid = env.terra.devId;
      delete env.terra.devId;
    }).filter((f) => f.ruleId === 'schema-unknown-key');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'schema-unknown-key', path: ['terra', 'devid'], target: 'key', hint: 'did you mean `devId`?' });
    expect(finding!.message).toBe('unknown key `devid` in `terra`');
  });

  it('lists the allowed keys when nothing is close', () => {
    const [finding] = explain((env) => {
      env.limits = { plannedUsers: 1, zzzzzzzz: true };
    });
    expect(finding).toMatchObject({ ruleId: 'schema-unknown-key', path: ['limits', 'zzzzzzzz'] });
    expect(finding!.hint).toBe('allowed keys: `plannedUsers`');
  });

  it('reports a missing required key on its parent, naming the key', () => {
    const findings = explain((env) => {
      delete env.aws;
      delete env.terra.apiKey;
    });
    expect(findings.map((f) => [f.ruleId, f.path, f.target])).toEqual([
      ['schema-required', [], 'key'],
      ['schema-required', ['terra'], 'key'],
    ]);
    expect(findings[0]!.message).toBe('the file is missing the required key `aws`');
    expect(findings[1]!.message).toBe('`terra` is missing the required key `apiKey`');
    expect(findings[1]!.hint).toMatch(/^add `apiKey`: Reference to/);
  });

  it('reports a wrong type with what was expected and what was found', () => {
    const [finding] = explain((env) => {
      env.owners = { team: 'platform' };
    });
    expect(finding).toMatchObject({ ruleId: 'schema-type', path: ['owners'] });
    expect(finding!.message).toBe('`owners`: expected a list, found a map');
    expect(finding!.hint).toBe('Who owns this environment.');
  });

  it('reports a top level that is not a map as schema-root', () => {
    expect(explainSchemaErrors(SCHEMA, ['a'])).toMatchObject([{ ruleId: 'schema-root', path: [], message: 'expected a map of settings at the top level, found a list' }]);
    expect(explainSchemaErrors(SCHEMA, null)).toMatchObject([{ ruleId: 'schema-root', message: expect.stringMatching(/found nothing$/) }]);
  });

  it('reports a value outside an enum with a did-you-mean', () => {
    const [finding] = explain((env) => {
      env.tier = 'prodution';
    });
    expect(finding).toMatchObject({ ruleId: 'schema-value', path: ['tier'], hint: 'did you mean `production`?' });
    expect(finding!.message).toBe('`tier` must be one of `testing`, `staging`, `production`');
  });

  it('reports a value that does not match its pattern, with the field description as the hint', () => {
    const [finding] = explain((env) => {
      env.terra.devId = 'no spaces allowed';
    });
    expect(finding).toMatchObject({ ruleId: 'schema-value', path: ['terra', 'devId'] });
    expect(finding!.message).toBe('`terra.devId` does not have the expected format');
    expect(finding!.hint).toMatch(/^expected Terra developer id/);
  });

  it('reports numbers out of range and numbers YAML made infinite', () => {
    const [low] = explain((env) => {
      env.aws.recoveryWindowInDays = 3;
    });
    expect(low).toMatchObject({ ruleId: 'schema-value', path: ['aws', 'recoveryWindowInDays'], message: '`aws.recoveryWindowInDays` must be at least 7' });
    const [infinite] = explain((env) => {
      env.limits = { plannedUsers: Infinity };
    });
    expect(infinite).toMatchObject({ ruleId: 'schema-type', path: ['limits', 'plannedUsers'] });
    expect(infinite!.message).toMatch(/expected a whole number, found a number that is infinite/);
  });

  it('never repeats a plain secret value: no-plaintext-secret, sensitive, value nowhere in the finding', () => {
    const secret = 'tk_live_Q2hhbmdlTWVQbGVhc2VJbVNlY3JldA';
    const findings = explain((env) => {
      env.terra.apiKey = secret;
      env.providers.STRAVA = { dedicatedKeys: { clientId: '1', clientSecret: 123456789, callbackDomain: 'access.tryterra.co' } };
    });
    expect(findings.map((f) => [f.ruleId, f.path, f.sensitive])).toEqual([
      ['no-plaintext-secret', ['terra', 'apiKey'], true],
      ['no-plaintext-secret', ['providers', 'STRAVA', 'dedicatedKeys', 'clientSecret'], true],
    ]);
    const text = JSON.stringify(findings);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('123456789');
    expect(findings[0]!.hint).toMatch(/pulumi config set --secret/);
  });

  it('explains a secret reference of the wrong shape without quoting what is inside', () => {
    const findings = explain((env) => {
      env.terra.apiKey = { fromEnv: 'lower-case-is-not-a-variable' };
    });
    expect(findings).toMatchObject([{ ruleId: 'schema-value', path: ['terra', 'apiKey', 'fromEnv'] }]);
    expect(JSON.stringify(findings)).not.toContain('lower-case-is-not-a-variable');
  });

  it('picks the union branch the author meant (the destination `type`)', () => {
    const findings = explain((env) => {
      env.destinations = [{ type: 's3', bucketName: 'my-bucket', queueName: 'q' }];
    });
    expect(findings).toMatchObject([{ ruleId: 'schema-unknown-key', path: ['destinations', 0, 'queueName'] }]);
  });

  it('gives every finding a message, a path and a hint', () => {
    const findings = explain((env) => {
      env.owners = [];
      env.aws = [];
      env.tier = 7;
      env.description = { a: 1 };
      env.links = ['not a url'];
    });
    expect(findings.length).toBe(5);
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(5);
      expect(f.hint, f.message).toMatch(/\w{3}/);
    }
  });
});
