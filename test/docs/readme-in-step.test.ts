import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_NAMES } from '../../src/cli/command-table';
import { assertBuilt, baseEnv, copyProject, REPO, removeProjects, runCli } from '../cli/helpers';
import { codeBlocks } from './markdown-doc';

beforeAll(assertBuilt);
afterAll(removeProjects);

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const README = read('README.md');
const WORKFLOW_TEXT = read('.github/workflows/validate.yml');
const blocks = codeBlocks(README);
const blockTexts = blocks.map((b) => b.text);

/** Whether `excerpt` is a run of consecutive lines of `file`, character for character. */
function isVerbatimExcerpt(excerpt: string, file: string): boolean {
  const want = excerpt.replace(/\n$/, '').split('\n');
  const have = file.split('\n');
  return have.some((_, start) => want.every((line, i) => have[start + i] === line));
}

describe('README: set-up', () => {
  it('gives the two set-up commands, each as its own block', () => {
    expect(blockTexts).toContain('npm ci && npx terra-iac validate\n');
    expect(blockTexts).toContain('npm ci && npm test\n');
    expect(JSON.parse(read('package.json')).scripts.test).toMatch(/vitest run/);
  });

  it('is the test command .ci/run runs, after each install', () => {
    const commands = read('.ci/run').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const tests = commands.flatMap((c, i) => (c === 'npm test' ? [i] : []));
    expect(tests.length).toBeGreaterThanOrEqual(2);
    for (const i of tests) expect(commands[i - 1]).toMatch(/^npm ci( |$)/);
  });

  it('states the Node versions .ci/run and the workflow test, and the @pulumi/pulumi pin', () => {
    const second = /^NODE24_VERSION=(\d+)\./m.exec(read('.ci/run'))![1];
    expect(README).toContain(`\`.ci/run\` runs the whole suite under Node 20 and again under Node ${second}`);
    const matrix: number[] = parse(WORKFLOW_TEXT).jobs.validate.strategy.matrix.node;
    expect(README).toContain(`runs the validator on Node ${matrix.slice(0, -1).join(', ')} and ${matrix.at(-1)}`);
    const pin = /^~(\d+\.\d+)\.\d+$/.exec(JSON.parse(read('package.json')).dependencies['@pulumi/pulumi'])![1];
    expect(README).toContain(`\`@pulumi/pulumi\` is pinned to ${pin}`);
  });
});

describe('README: what success looks like', () => {
  const result = runCli(['validate'], { cwd: REPO });
  const summary = result.stdout.trimEnd().split('\n').at(-1)!;

  it('shows the exact summary line a clean checkout prints', () => {
    expect(result.code).toBe(0);
    expect(summary).toMatch(/^\d+ files checked: 0 errors/);
    expect(blockTexts).toContain(`${summary}\n`);
  });

  it('explains every rule behind the warnings and infos, with a link to it', () => {
    const json = runCli(['validate', '--format', 'json'], { cwd: REPO });
    const ids = new Set((JSON.parse(json.stdout).diagnostics as { ruleId: string }[]).map((d) => d.ruleId));
    expect(ids.size).toBeGreaterThan(0);
    const section = README.slice(README.indexOf('## What success looks like'), README.indexOf('## A five-minute tour'));
    for (const id of ids) expect(section, id).toContain(`(docs/rules.md#${id})`);
  });
});

describe('README: the five-minute tour', () => {
  it('shows what validate prints after the edit it asks for', () => {
    const edit = /^sed -i .+ config\/staging\.yaml$/m.exec(blocks.find((b) => b.text.includes('GARMINN'))!.text)![0];
    const cwd = copyProject();
    expect(spawnSync('bash', ['-c', edit], { cwd }).status).toBe(0);
    const result = runCli(['validate', '--env', 'staging'], { cwd });
    expect(result.code).toBe(1);
    const first = `${result.stdout.split('\n\n')[0]}\n`;
    expect(first).toContain('GARMINN');
    expect(blockTexts).toContain(first);
  });

  it('quotes the first line of the diff it suggests', () => {
    const result = runCli(['diff', 'staging', 'production'], { cwd: REPO, env: baseEnv() });
    expect(README).toContain(`\`${result.stdout.split('\n')[0]}\``);
  });
});

describe('README: commands and CI', () => {
  it('has a row for every command of the command table', () => {
    for (const name of COMMAND_NAMES) expect(README, name).toMatch(new RegExp(`^\\| \`terra-iac ${name}\` \\|`, 'm'));
  });

  it("quotes the shipped workflow verbatim, and the steps that run terra-iac", () => {
    const excerpt = blocks.find((b) => b.lang === 'yaml' && b.heading === 'In CI')!;
    expect(isVerbatimExcerpt(excerpt.text, WORKFLOW_TEXT)).toBe(true);
    expect(excerpt.text).toContain('run: npx terra-iac validate --format github\n');
    expect(excerpt.text).toContain('run: npx terra-iac validate --format sarif --output terra-iac.sarif\n');
  });

  it('docs/validate.md shows the whole workflow as shipped', () => {
    const full = codeBlocks(read('docs/validate.md')).find((b) => b.lang === 'yaml' && b.heading === 'GitHub Actions')!;
    expect(full.text).toBe(WORKFLOW_TEXT);
  });

  it('the excerpt check catches an edited line', () => {
    expect(isVerbatimExcerpt('      - name: Validate (annotations)\n        run: npx terra-iac validate --format github\n', WORKFLOW_TEXT)).toBe(true);
    expect(isVerbatimExcerpt('      - name: Validate (annotations)\n        run: npx terra-iac validate\n', WORKFLOW_TEXT)).toBe(false);
    expect(isVerbatimExcerpt('    - name: Validate (annotations)\n', WORKFLOW_TEXT)).toBe(false);
  });
});
