import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';
import { codeBlocks } from './markdown-doc';

const REPO = join(__dirname, '..', '..');
const PAGE = readFileSync(join(REPO, 'docs', 'adding-an-environment.md'), 'utf8');
const blocks = codeBlocks(PAGE);

/** The first block of a language under a heading: what a reader copies. */
function blockUnder(heading: string, lang: string): string {
  const block = blocks.find((b) => b.heading === heading && b.lang === lang);
  if (!block) throw new Error(`no ${lang} block under "${heading}"`);
  return block.text;
}

/** The shipped project's files, as virtual files, plus the walkthrough's. */
function shippedWith(extra: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(join(REPO, 'config'))) files[`config/${f}`] = readFileSync(join(REPO, 'config', f), 'utf8');
  for (const f of readdirSync(REPO).filter((n) => /^Pulumi(\..+)?\.yaml$/.test(n))) files[f] = readFileSync(join(REPO, f), 'utf8');
  return { ...files, ...extra };
}

/** `file:line:column severity message [rule]`, the first line validate prints for a finding. */
const firstLine = (d: { file: string; line: number; column: number; severity: string; message: string; ruleId: string }) =>
  `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`;

describe('docs/adding-an-environment.md', () => {
  const environment = blockUnder('1. Write `config/qa.yaml`', 'yaml');
  const stack = blockUnder('2. Create the stack', 'yaml');

  it('its environment file passes the schema and every rule beside the shipped project, except the missing stack shown', () => {
    const project = loadProject({ root: '/virtual', virtualFiles: shippedWith({ 'config/qa.yaml': environment }) });
    const errors = project.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(firstLine)).toEqual([blockUnder('1. Write `config/qa.yaml`', 'text').trim()]);
    expect(project.environments.find((e) => e.name === 'qa')?.model?.terra.devId).toBe('acme-health-qa-P3vX7d');
  });

  it('with its stack file, only the secrets the page sets next are missing, as the page shows', () => {
    const project = loadProject({ root: '/virtual', virtualFiles: shippedWith({ 'config/qa.yaml': environment, 'Pulumi.qa.yaml': stack }) });
    const errors = project.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(firstLine).join('\n')).toBe(blockUnder('2. Create the stack', 'text').trim());
    // The hints are the commands to run; the page aligns their columns.
    const commands = blockUnder('3. Set the secrets', 'sh').replace(/[ \t]+/g, ' ');
    for (const d of errors) expect(commands).toContain(d.hint!.trim());
  });
});
