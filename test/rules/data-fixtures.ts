/** An environment with no providers and the given top-level block (data:, widget:) from line 11 on. */
export function environmentWithBlock(block: string): string {
  const header = [
    '# tier from the file name',
    'owners:',
    '  - team: platform',
    'terra:',
    '  devId: acme-fixture-dev-id',
    '  apiBaseUrl: https://access.tryterra.co/api/v2',
    '  apiKey: { fromStackConfig: terraApiKey }',
    'aws:',
    '  secretNamePrefix: acme/terra',
    'providers: {}',
  ];
  return `${[...header, ...block.trimEnd().split('\n')].join('\n')}\n`;
}
