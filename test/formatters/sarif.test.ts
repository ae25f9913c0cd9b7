import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/formatters/rule-catalog';
import { formatSarif } from '../../src/formatters/sarif';
import { RULES } from '../../src/rules';
import { REPOSITORY_URL } from '../../src/core/project-urls';
import { STAGE_RULES } from '../../src/validate/stage-rules';
import { DIAGNOSTICS, SOURCE_CANARY, context, expectNoSecrets } from './fixtures';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { sources: string[]; 'security-severity'?: string; tags?: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
}

describe('sarif formatter', () => {
  const text = formatSarif(DIAGNOSTICS, context());
  const log = JSON.parse(text);
  const run = log.runs[0];
  const rules: SarifRule[] = run.tool.driver.rules;
  const results: SarifResult[] = run.results;

  it('is a SARIF 2.1.0 log with one run of terra-iac', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'terra-iac', fullName: 'terra-iac 9.9.9', version: '9.9.9', informationUri: REPOSITORY_URL });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('lists every rule, then the results', () => {
    expect(text.indexOf('"rules"')).toBeLessThan(text.indexOf('"results"'));
    expect(rules.map((r) => r.id)).toEqual(['file-unreadable', 'no-plaintext-secret', 'schema-unknown-key', 'webhook-shared-url', 'secret-literal', 'provider-mobile-sdk']);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    const secret = rules[1]!;
    expect(secret).toMatchObject({
      name: 'NoPlaintextSecret',
      shortDescription: { text: 'A plain value where a reference belongs.' },
      helpUri: `${REPOSITORY_URL}/blob/main/docs/rules.md#no-plaintext-secret`,
      defaultConfiguration: { level: 'error' },
      properties: { sources: ['https://example.test/pulumi-secrets', 'named document (section 2)'], 'security-severity': '9.0', tags: ['security', 'external/cwe/cwe-798'] },
    });
    expect(rules[0]!.properties).toEqual({ sources: ['terra-iac design'] });
    expect(rules[3]!.defaultConfiguration.level).toBe('warning');
  });

  it('gives each rule help that says what is wrong, how to fix it, and where the facts come from', () => {
    const secret = rules[1]!;
    expect(secret.help.text).toBe(
      [
        'A plain value where a reference belongs.',
        'How to fix: Write a reference.',
        'Sources: https://example.test/pulumi-secrets; named document (section 2)',
        `Manual: ${secret.helpUri}`,
      ].join('\n\n'),
    );
    expect(secret.help.markdown).toBe(
      [
        'A plain value where a reference belongs.',
        '**How to fix:** Write a reference.',
        '**Sources:**\n- <https://example.test/pulumi-secrets>\n- named document (section 2)',
        `[\`no-plaintext-secret\` in the terra-iac manual](${secret.helpUri})`,
      ].join('\n\n'),
    );
    // Markdown characters in a named source are escaped, not interpreted.
    expect(rules[2]!.help.markdown).toContain('- schemas/\\*.json');
  });

  it('describes an id the catalog lacks with a name, a manual link and a fix, so every ruleIndex resolves', () => {
    const ids = rules.map((r) => r.id);
    const unknown = rules.filter((r) => r.id === 'secret-literal' || r.id === 'provider-mobile-sdk');
    expect(ids.slice(-2)).toEqual(['secret-literal', 'provider-mobile-sdk']);
    for (const r of unknown) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(r.helpUri).toBe(`${REPOSITORY_URL}/blob/main/docs/rules.md#${r.id}`);
      expect(r.help.text).toContain('How to fix:');
    }
  });

  it('points each result at its rule and a project-relative region', () => {
    expect(results).toHaveLength(DIAGNOSTICS.length);
    for (const [i, r] of results.entries()) {
      const d = DIAGNOSTICS[i]!;
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.ruleId).toBe(d.ruleId);
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('config/staging.yaml');
      expect(region).toMatchObject({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    }
    expect(results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'error', 'note']);
    expect(results[1]!.message.text).toBe('unknown key `colour` in `terra`\nHint: allowed keys: `devId`, `apiBaseUrl`, `apiKey`');
  });

  it('drops an empty end and escapes paths as URI references', () => {
    const d = { ...DIAGNOSTICS[1]!, file: 'config/my env#1.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const r: SarifResult = JSON.parse(formatSarif([d], context())).runs[0].results[0];
    expect(r.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'config/my%20env%231.yaml' }, region: { startLine: 1, startColumn: 1 } });
  });

  it('describes every stage rule and registered rule in the catalog', () => {
    const ids = ruleCatalog().map((r) => r.id);
    expect(ids.slice(0, STAGE_RULES.length)).toEqual(STAGE_RULES.map((r) => r.id));
    for (const rule of RULES) expect(ids).toContain(rule.id);
    for (const rule of ruleCatalog()) expect(rule.description.length).toBeGreaterThan(10);
  });

  it('prints no secret and no source text', () => {
    expectNoSecrets(text);
    expect(text).not.toContain(SOURCE_CANARY);
  });
});
