import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules';
import { STAGE_RULES } from '../../src/validate/stage-rules';
import { runCase } from './rule-tester';

const RULES_DIR = join(__dirname, '..', '..', 'src', 'rules');
const NOT_RULES = new Set(['index.ts', 'types.ts']);
const ruleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_RULES.has(entry.name))
  .map((entry) => entry.name.replace(/\.ts$/, ''));

const rulesPage = () => readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

describe('rule registry', () => {
  it('registers every rule file, and nothing else', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...ruleFiles].sort());
  });

  it('has unique ids in kebab-case, also across the stage findings', () => {
    const ids = [...STAGE_RULES.map((r) => r.id), ...RULES.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('each rule file exports exactly the rule with its own id', async () => {
    for (const file of ruleFiles) {
      const module = (await import(join(RULES_DIR, `${file}.ts`))) as Record<string, unknown>;
      const rules = Object.values(module).filter((v): v is { id: string } => typeof v === 'object' && v !== null && 'check' in v);
      expect(rules.map((r) => r.id), file).toEqual([file]);
      expect(RULES).toContain(rules[0]);
    }
  });

  it('every rule has a severity, a description and a source', () => {
    for (const rule of [...STAGE_RULES, ...RULES]) {
      expect(['error', 'warning', 'info'], rule.id).toContain(rule.severity);
      expect(rule.description.length, rule.id).toBeGreaterThan(15);
      expect(rule.source.trim(), rule.id).not.toBe('');
    }
  });

  it('every rule id has its own section in docs/rules.md', () => {
    const page = rulesPage();
    for (const rule of [...STAGE_RULES, ...RULES]) expect(page, rule.id).toContain(`\n## ${rule.id}\n`);
  });

  it('every rule has its own test file, test/rules/<rule-id>.test.ts, and no other folder holds one', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const rule of RULES) expect(existsSync(join(__dirname, `${rule.id}.test.ts`)), `test/rules/${rule.id}.test.ts`).toBe(true);
    const elsewhere = (readdirSync(join(__dirname, '..'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.test.ts') && dirname(f) !== 'rules' && ids.has(basename(f).replace(/\.test\.ts$/, '')));
    expect(elsewhere).toEqual([]);
  });

  it('the RuleTester baseline passes every registered rule', () => {
    expect(runCase({ name: 'baseline', files: {} }, RULES).diagnostics).toEqual([]);
  });
});
