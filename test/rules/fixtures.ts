/** Settings of the fixed header `environmentWith` writes. */
export interface HeaderOptions {
  /** Written on line 1 as `tier: <tier>`; line 1 is a comment otherwise. */
  tier?: string;
  /** Line 6; `null` leaves the default base URL (a comment on line 6). */
  apiBaseUrl?: string | null;
  devId?: string;
}

/**
 * An environment file with a fixed 10-line header, so positions in the providers block are easy to read:
 * `providers:` is line 10 and the first provider code is at line 11, column 3.
 */
export function environmentWith(providers: string, options: HeaderOptions = {}): string {
  const { tier, apiBaseUrl = 'https://access.tryterra.co/api/v2', devId = 'acme-fixture-dev-id' } = options;
  const header = [
    tier ? `tier: ${tier}` : '# tier from the file name',
    'owners:',
    '  - team: platform',
    'terra:',
    `  devId: ${devId}`,
    apiBaseUrl === null ? '  # default API base URL' : `  apiBaseUrl: ${apiBaseUrl}`,
    '  apiKey: { fromStackConfig: terraApiKey }',
    'aws:',
    '  secretNamePrefix: acme/terra',
    'providers:',
  ];
  const body = providers.trimEnd().split('\n').map((line) => `  ${line}`);
  return `${[...header, ...body].join('\n')}\n`;
}
