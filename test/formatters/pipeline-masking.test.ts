import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS, FORMAT_NAMES } from '../../src/formatters';
import { MASK } from '../../src/formatters/code-frame';
import { ruleCatalog } from '../../src/formatters/rule-catalog';
import { loadProject } from '../../src/project';

const REPO = join(__dirname, '..', '..');
const FIRST = 'first-line-secret-value';
const SECOND = 'Zx9second-line-secret-value';
const INLINE = 'hunter2hunter2';

/** The real pipeline's diagnostics (stage findings only, so other rules cannot change the picture). */
function project() {
  const staging = readFileSync(join(REPO, 'config/staging.yaml'), 'utf8')
    .replace('apiKey: { fromStackConfig: terraApiKey }', `apiKey: |\n    ${FIRST}\n    ${SECOND}\n  tpyo: 1`)
    .replace('signingSecret: { fromStackConfig: terraWebhookSigningSecret }', `signingSecret: ${INLINE}`);
  return loadProject({ root: '/virtual', virtualFiles: { 'config/staging.yaml': staging }, rules: [] });
}

describe('formatters on the pipeline\'s own diagnostics', () => {
  const loaded = project();
  const ctx = { sources: new Map(loaded.files.map((f) => [f.path, f.text])), summary: loaded.summary, color: false, toolVersion: 't', rules: ruleCatalog() };

  it('finds the planted plaintext values as sensitive findings', () => {
    const sensitive = loaded.diagnostics.filter((d) => d.sensitive).map((d) => d.path.join('.'));
    expect(sensitive).toEqual(['terra.apiKey', 'webhook.signingSecret']);
  });

  it.each(FORMAT_NAMES)('%s output holds none of the planted values', (format) => {
    const output = FORMATTERS[format](loaded.diagnostics, ctx);
    for (const secret of [FIRST, SECOND, INLINE]) expect(output).not.toContain(secret);
    expect(output).toContain('no-plaintext-secret');
  });

  it('masks a block scalar secret on every line of the frame, including the neighbour finding\'s frame', () => {
    const text = FORMATTERS.text(loaded.diagnostics, ctx);
    const unknownKey = text.split('\n\n').find((b) => b.includes('[schema-unknown-key]'))!;
    expect(unknownKey).toContain(`    14 |     ${MASK}`);
    expect(unknownKey).toContain('  > 15 |   tpyo: 1');
  });
});
