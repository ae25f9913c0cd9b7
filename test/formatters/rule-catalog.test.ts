import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUAL_BASE_URL, REPOSITORY_URL } from '../../src/core/project-urls';
import { ruleCatalog } from '../../src/formatters/rule-catalog';
import { formatSarif } from '../../src/formatters/sarif';
import { RULES } from '../../src/rules';
import { STAGE_RULES } from '../../src/validate/stage-rules';
import { context } from './fixtures';

/** The rules about a leaked, exposed or missing secret (or a credential sent in clear text). */
const SECURITY_RULES = [
  'no-plaintext-secret',
  'secret-literal',
  'stack-secret-plain',
  'webhook-url-credentials',
  'admin-base-url',
  'webhook-https',
  'stack-ciphertext-reuse',
  'unique-secret-refs',
  'stack-secret-present',
  'stack-secret-decrypts',
];

interface Descriptor {
  id: string;
  name: string;
  helpUri: string;
  help: { text: string; markdown: string };
  properties: { sources: string[]; 'security-severity'?: string; tags?: string[] };
}

const catalog = ruleCatalog();
const descriptors: Descriptor[] = JSON.parse(formatSarif([], context({ rules: catalog }))).runs[0].tool.driver.rules;
const byId = new Map(descriptors.map((d) => [d.id, d]));

describe('rule metadata as SARIF describes it', () => {
  it('covers every stage rule and registered rule once', () => {
    expect(descriptors.map((d) => d.id)).toEqual([...STAGE_RULES, ...RULES].map((r) => r.id));
  });

  it('links every rule to its section of the manual, under the one repository URL', () => {
    expect(MANUAL_BASE_URL).toBe(`${REPOSITORY_URL}/blob/main/docs/`);
    for (const d of descriptors) {
      expect(d.helpUri, d.id).toBe(`https://github.com/terra-iac/terra-iac/blob/main/docs/rules.md#${d.id}`);
      expect(() => new URL(d.helpUri), d.id).not.toThrow();
    }
  });

  it('points every helpUri anchor at a `## <rule-id>` heading of docs/rules.md', () => {
    const headings = new Set(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8').match(/^## .+$/gm)!.map((h) => h.slice(3).trim()));
    for (const d of descriptors) expect(headings, d.id).toContain(new URL(d.helpUri).hash.slice(1));
  });

  it('gives every rule a Pascal-case name that differs from its id and maps back to it', () => {
    const names = descriptors.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of descriptors) {
      expect(d.name, d.id).toMatch(/^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/);
      expect(d.name).not.toBe(d.id);
      expect(d.name.replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`), d.id).toBe(d.id);
    }
    expect(byId.get('stack-secret-present')!.name).toBe('StackSecretPresent');
  });

  it('has help that says what is wrong and how to fix it, from the rule\'s own fix text', () => {
    for (const rule of catalog) {
      const d = byId.get(rule.id)!;
      expect(rule.fix.length, rule.id).toBeGreaterThan(30);
      expect(rule.fix, rule.id).toMatch(/[.)]$/);
      expect(rule.fix, rule.id).not.toBe(rule.description);
      expect(d.help.markdown, rule.id).toContain(rule.description);
      expect(d.help.markdown, rule.id).toContain(`**How to fix:** ${rule.fix}`);
      expect(d.help.text, rule.id).toContain(`How to fix: ${rule.fix}`);
      expect(d.help.markdown, rule.id).toContain(`](${d.helpUri})`);
      // The primary sources move from helpUri to properties and the help, every one of them.
      expect(d.properties.sources.join('; '), rule.id).toBe(rule.source);
      expect(d.properties.sources.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('rates exactly the secret rules for GitHub code scanning: security-severity and the security tag', () => {
    const rated = descriptors.filter((d) => d.properties['security-severity'] !== undefined).map((d) => d.id);
    expect(rated.sort()).toEqual([...SECURITY_RULES].sort());
    for (const id of SECURITY_RULES) {
      const { properties } = byId.get(id)!;
      expect(properties['security-severity'], id).toMatch(/^\d{1,2}\.\d$/);
      const score = Number(properties['security-severity']);
      expect(score, id).toBeGreaterThanOrEqual(0.1);
      expect(score, id).toBeLessThanOrEqual(10);
      expect(properties.tags?.[0], id).toBe('security');
      for (const tag of properties.tags!.slice(1)) expect(tag, id).toMatch(/^external\/cwe\/cwe-\d+$/);
    }
    // A committed plaintext credential is critical (9.0 and over) in GitHub's scale.
    for (const id of ['no-plaintext-secret', 'secret-literal', 'stack-secret-plain']) {
      expect(Number(byId.get(id)!.properties['security-severity']), id).toBeGreaterThanOrEqual(9);
    }
    for (const d of descriptors.filter((x) => !SECURITY_RULES.includes(x.id))) expect(d.properties.tags, d.id).toBeUndefined();
  });
});
