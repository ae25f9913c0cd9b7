import { expect } from 'vitest';
import type { FormatContext } from '../../src/formatters/types';
import { summarize, type Diagnostic } from '../../src/core/diagnostic';

/** Values planted in the fixture source: no output may ever contain them. */
export const SHORT_SECRET = 'hunter2hunter2';
export const LONG_SECRET = 'sk_live_9fQ2xLr7TmA4vB8nC1dE5gH3jK6pW0zY';
export const BLOCK_SECRET_LINE = 'q8Zr-multi-line-tail';
export const PLANTED_SECRETS = [SHORT_SECRET, LONG_SECRET, BLOCK_SECRET_LINE];

/** A source line no diagnostic message quotes: only the text format's code frame may show it. */
export const SOURCE_CANARY = 'canary-description-7c1e';

export const STAGING_SOURCE = [
  '# yaml-language-server: $schema=../schemas/environment.schema.json', // 1
  `description: ${SOURCE_CANARY}`, // 2
  'terra:', // 3
  '  devId: acme-health-staging', // 4
  `  apiKey: ${SHORT_SECRET}`, // 5
  '  colour: blue', // 6
  'webhook:', // 7
  '  url: https://hooks.example/terra', // 8
  `  signingSecret: ${LONG_SECRET}`, // 9
  'notes: |', // 10
  '  first', // 11
  `  ${BLOCK_SECRET_LINE}`, // 12
  'aws: {}', // 13
].join('\n');

const base = { file: 'config/staging.yaml', path: [] as string[] };

/** Fixed diagnostics over STAGING_SOURCE: two sensitive spans, a neighbour of each, every severity. */
export const DIAGNOSTICS: Diagnostic[] = [
  {
    ...base,
    ruleId: 'no-plaintext-secret',
    severity: 'error',
    message: '`terra.apiKey` holds a plain value where a secret reference belongs',
    hint: 'write `{ fromStackConfig: terraApiKey }`',
    line: 5,
    column: 11,
    endLine: 5,
    endColumn: 11 + SHORT_SECRET.length,
    path: ['terra', 'apiKey'],
    sensitive: true,
  },
  {
    ...base,
    ruleId: 'schema-unknown-key',
    severity: 'error',
    message: 'unknown key `colour` in `terra`',
    hint: 'allowed keys: `devId`, `apiBaseUrl`, `apiKey`',
    line: 6,
    column: 3,
    endLine: 6,
    endColumn: 9,
    path: ['terra', 'colour'],
  },
  {
    ...base,
    ruleId: 'webhook-shared-url',
    severity: 'warning',
    message: 'webhook URL is also used by config/production.yaml',
    line: 8,
    column: 8,
    endLine: 8,
    endColumn: 34,
    path: ['webhook', 'url'],
  },
  {
    ...base,
    ruleId: 'secret-literal',
    severity: 'error',
    message: 'a secret-shaped literal in a plain value',
    line: 10,
    column: 8,
    endLine: 13,
    endColumn: 1,
    path: ['notes'],
    sensitive: true,
  },
  {
    ...base,
    ruleId: 'provider-mobile-sdk',
    severity: 'info',
    message: 'APPLE needs the mobile SDK',
    line: 13,
    column: 1,
    endLine: 13,
    endColumn: 4,
    path: ['aws'],
  },
];

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return {
    sources: new Map<string, string | undefined>([
      ['config/staging.yaml', STAGING_SOURCE],
      ['Pulumi.staging.yaml', 'config: {}\n'],
    ]),
    summary: summarize(DIAGNOSTICS, 2),
    color: false,
    toolVersion: '9.9.9',
    rules: [
      { id: 'file-unreadable', severity: 'error', description: 'The file cannot be read.', source: 'terra-iac design', fix: 'Pass a readable file.' },
      { id: 'no-plaintext-secret', severity: 'error', description: 'A plain value where a reference belongs.', source: 'https://example.test/pulumi-secrets; named document (section 2)', fix: 'Write a reference.', security: { score: 9.0, cwe: [798] } },
      { id: 'schema-unknown-key', severity: 'error', description: 'A key the schema does not know.', source: 'schemas/*.json', fix: 'Remove the key.' },
      { id: 'webhook-shared-url', severity: 'warning', description: 'One webhook URL in several environments.', source: 'https://example.test/webhooks', fix: 'Use one URL per environment.' },
    ],
    ...overrides,
  };
}

/** Every output path is searched for the planted values (design.md convention 9). */
export function expectNoSecrets(output: string): void {
  for (const secret of PLANTED_SECRETS) expect(output).not.toContain(secret);
}
