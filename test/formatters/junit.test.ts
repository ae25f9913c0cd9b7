import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit';
import type { Diagnostic } from '../../src/core/diagnostic';
import { DIAGNOSTICS, SOURCE_CANARY, context, expectNoSecrets } from './fixtures';
import { checkXml } from './xml-well-formed';

describe('junit formatter', () => {
  const xml = formatJunit(DIAGNOSTICS, context());
  const { elements } = checkXml(xml);
  const byName = (name: string) => elements.filter((e) => e.name === name);

  it('writes a testsuite per checked file and a testcase per diagnostic', () => {
    expect(byName('testsuites')).toHaveLength(1);
    expect(byName('testsuite').map((s) => s.attributes.name)).toEqual(['config/staging.yaml', 'Pulumi.staging.yaml']);
    const staging = byName('testsuite')[0]!;
    expect(staging.attributes).toMatchObject({ tests: '5', failures: '3', errors: '0' });
    expect(byName('testcase').map((c) => c.attributes.name)).toEqual([
      'no-plaintext-secret at terra.apiKey',
      'schema-unknown-key at terra.colour',
      'webhook-shared-url at webhook.url',
      'secret-literal at notes',
      'provider-mobile-sdk at aws',
      'valid',
    ]);
    expect(byName('testcase').map((c) => c.attributes.line)).toEqual(['5', '6', '8', '10', '13', undefined]);
    expect(byName('testsuites')[0]!.attributes).toMatchObject({ tests: '6', failures: '3' });
  });

  it('names a testcase without its position: moving the finding down keeps its identity', () => {
    const moved = DIAGNOSTICS.map((d) => ({ ...d, line: d.line + 7, column: d.column + 2 }));
    const names = (list: Diagnostic[]) => checkXml(formatJunit(list, context())).elements.filter((e) => e.name === 'testcase').map((e) => `${e.attributes.classname} ${e.attributes.name}`);
    expect(names(moved)).toEqual(names(DIAGNOSTICS));
    const failure = checkXml(formatJunit(moved, context())).elements.find((e) => e.name === 'failure')!;
    expect(failure.text).toContain('config/staging.yaml:12:13 error');
  });

  it('tells findings on one path apart by message, then by a number in report order, never by position', () => {
    const root = { ...DIAGNOSTICS[1]!, ruleId: 'yaml-syntax', path: [] };
    const list: Diagnostic[] = [
      { ...root, line: 2, message: 'a tab indents this line' },
      { ...root, line: 4, message: 'a tab indents this line' },
      { ...root, line: 9, message: 'unclosed quote' },
      { ...root, line: 11, message: 'a tab indents this line' },
      { ...DIAGNOSTICS[2]! },
    ];
    const names = checkXml(formatJunit(list, context())).elements.filter((e) => e.name === 'testcase').map((e) => e.attributes.name);
    expect(names).toEqual([
      'yaml-syntax at (root): a tab indents this line',
      'yaml-syntax at (root): a tab indents this line #2',
      'yaml-syntax at (root): unclosed quote',
      'yaml-syntax at (root): a tab indents this line #3',
      'webhook-shared-url at webhook.url',
      'valid',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fails only at or above --fail-on; the rest pass with their message in system-out', () => {
    expect(byName('failure').map((f) => f.attributes.type)).toEqual(['no-plaintext-secret', 'schema-unknown-key', 'secret-literal']);
    expect(byName('system-out').map((o) => o.text.split('\n')[0])).toEqual([
      'config/staging.yaml:8:8 warning webhook URL is also used by config/production.yaml',
      'config/staging.yaml:13:1 info APPLE needs the mobile SDK',
    ]);
    const strict = checkXml(formatJunit(DIAGNOSTICS, context({ failOn: 'warning' }))).elements;
    expect(strict.filter((e) => e.name === 'failure')).toHaveLength(4);
    expect(strict.find((e) => e.name === 'testsuites')!.attributes.failures).toBe('4');
  });

  it('escapes markup, quotes and characters XML cannot hold', () => {
    const nasty: Diagnostic = {
      ...DIAGNOSTICS[1]!,
      file: 'config/a&b.yaml',
      message: 'unknown key `<x a="1">` & \'y\' ]]> \x00\x1b\uFFFF \ud800',
      hint: 'line one\nline two',
    };
    const out = formatJunit([nasty], context({ sources: new Map() }));
    const parsed = checkXml(out).elements;
    const failure = parsed.find((e) => e.name === 'failure')!;
    expect(failure.attributes.message).toBe('unknown key `<x a="1">` & \'y\' ]]> \uFFFD\uFFFD\uFFFD \uFFFD');
    expect(failure.text).toContain('hint: line one\nline two');
    expect(parsed.find((e) => e.name === 'testsuite')!.attributes.name).toBe('config/a&b.yaml');
  });

  it('prints no secret and no source text', () => {
    expectNoSecrets(xml);
    expect(xml).not.toContain(SOURCE_CANARY);
  });
});
