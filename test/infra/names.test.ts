import { describe, expect, it } from 'vitest';
import { iamName, kmsAliasName, kmsAliasOf, roleNameFromArn, secretName } from '../../src/infra/names';

describe('secretName', () => {
  it('joins prefix, environment and purpose with slashes', () => {
    expect(secretName('acme-health/terra', 'production', 'terra-api-key')).toBe('acme-health/terra/production/terra-api-key');
  });
  it('does not double a trailing slash of the prefix', () => {
    expect(secretName('acme/', 'testing', 'webhook-signing-secret')).toBe('acme/testing/webhook-signing-secret');
  });
});

describe('iamName', () => {
  it('joins parts with dashes and replaces characters IAM refuses', () => {
    expect(iamName(['acme-health/terra', 'staging', 'read-secrets'])).toBe('acme-health-terra-staging-read-secrets');
  });
  it('keeps names within the limit and tells apart long names that share a beginning', () => {
    const bucketA = `${'b'.repeat(60)}-a`;
    const bucketB = `${'b'.repeat(60)}-b`;
    const a = iamName(['terra', 'production', 's3', bucketA]);
    const b = iamName(['terra', 'production', 's3', bucketB]);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(b.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_+=,.@-]+$/);
  });
  it('is stable: the same parts give the same name', () => {
    const parts = ['terra', 'production', 'sqs', 'q'.repeat(80)];
    expect(iamName(parts)).toBe(iamName([...parts]));
  });
});

describe('kmsAliasName', () => {
  it('is alias/<prefix>/<environment> with characters KMS refuses replaced', () => {
    expect(kmsAliasName('acme-health/terra', 'production')).toBe('alias/acme-health/terra/production');
    expect(kmsAliasName('acme.health@x', 'testing')).toBe('alias/acme-health-x/testing');
  });
  it('never starts with the reserved alias/aws', () => {
    expect(kmsAliasName('aws-team', 'testing').startsWith('alias/aws')).toBe(false);
  });
});

describe('roleNameFromArn', () => {
  it('takes the last path segment of a role ARN', () => {
    expect(roleNameFromArn('arn:aws:iam::123456789012:role/acme-health-api-production')).toBe('acme-health-api-production');
    expect(roleNameFromArn('arn:aws-us-gov:iam::123456789012:role/service/app-reader')).toBe('app-reader');
  });
  it('refuses an ARN that is not a role', () => {
    expect(() => roleNameFromArn('arn:aws:iam::123456789012:user/someone')).toThrow(/not an IAM role ARN/);
  });
});

describe('kmsAliasOf', () => {
  it('finds the alias of alias/x and of an alias ARN, none for a key ARN', () => {
    expect(kmsAliasOf('alias/acme-staging')).toBe('alias/acme-staging');
    expect(kmsAliasOf('arn:aws:kms:eu-west-1:123456789012:alias/acme-staging')).toBe('alias/acme-staging');
    expect(kmsAliasOf('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toBeUndefined();
  });
});
