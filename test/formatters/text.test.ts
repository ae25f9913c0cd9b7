import { describe, expect, it } from 'vitest';
import { MASK, codeFrame, sensitiveSpans } from '../../src/formatters/code-frame';
import { formatText } from '../../src/formatters/text';
import type { Diagnostic } from '../../src/core/diagnostic';
import { DIAGNOSTICS, LONG_SECRET, SHORT_SECRET, STAGING_SOURCE, context, expectNoSecrets } from './fixtures';

const ESC = '\x1b[';

describe('text formatter', () => {
  const output = formatText(DIAGNOSTICS, context());

  it('heads each finding with file:line:col, severity, message and rule id', () => {
    expect(output).toContain('config/staging.yaml:6:3 error unknown key `colour` in `terra` [schema-unknown-key]');
    expect(output).toContain('config/staging.yaml:8:8 warning webhook URL is also used by config/production.yaml [webhook-shared-url]');
    expect(output).toContain('config/staging.yaml:13:1 info APPLE needs the mobile SDK [provider-mobile-sdk]');
    expect(output).toContain('  hint: allowed keys: `devId`, `apiBaseUrl`, `apiKey`');
  });

  it('ends with a summary line counting every severity', () => {
    expect(output.endsWith('2 files checked: 3 errors, 1 warning, 1 info\n')).toBe(true);
  });

  it('prints a code frame with a caret under the flagged span', () => {
    const block = output.split('\n\n').find((b) => b.includes('[schema-unknown-key]'))!;
    const lines = block.split('\n');
    const target = lines.findIndex((l) => l.startsWith('  > 6 |'));
    expect(lines[target]).toBe('  > 6 |   colour: blue');
    expect(lines[target + 1]).toBe('      |   ^^^^^^');
    expect(lines[target - 1]).toBe(`    5 |   apiKey: ${MASK}`);
  });

  it('never prints a sensitive span, in its own frame or in a neighbour frame', () => {
    expectNoSecrets(output);
    const own = output.split('\n\n').find((b) => b.includes('[no-plaintext-secret]'))!;
    expect(own).toContain(`  > 5 |   apiKey: ${MASK}`);
    expect(own).toContain(`      |           ${'^'.repeat(MASK.length)}`);
  });

  it('masks every line of a multi-line sensitive span', () => {
    const block = output.split('\n\n').find((b) => b.includes('[secret-literal]'))!;
    expect(block).toContain(`  > 10 | notes: ${MASK}`);
    expect(block).toContain(`    11 |   ${MASK}`);
    // A finding on line 13 shows line 12 as context: still masked.
    const neighbour = codeFrame(STAGING_SOURCE, { ...DIAGNOSTICS[4]!, severity: 'warning' }, sensitiveSpans(DIAGNOSTICS, 'config/staging.yaml'));
    expect(neighbour).toContain(`    12 |   ${MASK}`);
    expect(neighbour).toContain('  > 13 | aws: {}');
  });

  it('lists infos one line each after the findings, without a frame', () => {
    const blocks = output.trimEnd().split('\n\n');
    expect(blocks[blocks.length - 2]).toBe('config/staging.yaml:13:1 info APPLE needs the mobile SDK [provider-mobile-sdk]');
  });

  it('masks secret-shaped tokens even when no diagnostic flags them', () => {
    const d: Diagnostic = { ...DIAGNOSTICS[2]!, line: 9, column: 3, endLine: 9, endColumn: 16, sensitive: false };
    const frame = codeFrame(STAGING_SOURCE, d);
    expect(frame).toContain(`  >  9 |   signingSecret: ${MASK}`);
    expect(frame).not.toContain(LONG_SECRET);
    expect(frame).toContain('     8 |   url: https://hooks.example/terra');
  });

  it('keeps the caret on the flagged column after a mask shortened the line', () => {
    const source = `key: ${LONG_SECRET} trailing: value`;
    const column = source.indexOf('trailing') + 1;
    const frame = codeFrame(source, { ...DIAGNOSTICS[1]!, line: 1, column, endLine: 1, endColumn: column + 8 });
    const [line, caret] = frame.split('\n');
    const offset = caret!.indexOf('^');
    expect(line!.slice(offset, offset + 8)).toBe('trailing');
  });

  it('cuts long lines to a window around the caret, context lines at the same place', () => {
    const target = `key: ${'x'.repeat(400)} needle ${'y'.repeat(400)}`;
    const source = `${'c'.repeat(405)}CONTEXT${'c'.repeat(400)}\n${target}`;
    const column = target.indexOf('needle') + 1;
    const frame = codeFrame(source, { ...DIAGNOSTICS[1]!, line: 2, column, endLine: 2, endColumn: column + 6 });
    const [context, line, caret] = frame.split('\n');
    expect(context!.length).toBeLessThan(140);
    expect(context).toContain('CONTEXT');
    expect(line!.length).toBeLessThan(140);
    expect(line).toContain('…');
    const offset = caret!.indexOf('^');
    expect(line!.slice(offset, offset + 6)).toBe('needle');
  });

  it('replaces control characters from the file and from messages', () => {
    const source = 'colour: \x1b[31mred\u202e';
    const d: Diagnostic = { ...DIAGNOSTICS[1]!, message: 'unknown key `\x1b[2Jx`', line: 1, column: 1, endLine: 1, endColumn: 7 };
    const text = formatText([d], context({ sources: new Map([[d.file, source]]) }));
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('colour: \uFFFD[31mred\uFFFD');
  });

  it('colours only when the context allows it', () => {
    expect(output).not.toContain(ESC);
    const coloured = formatText(DIAGNOSTICS, context({ color: true }));
    expect(coloured).toContain(`${ESC}31merror${ESC}0m`);
    expect(coloured).toContain(`${ESC}33mwarning${ESC}0m`);
    expect(coloured).toContain(`${ESC}2m[schema-unknown-key]${ESC}0m`);
    expectNoSecrets(coloured);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(output);
  });

  it('prints just the summary when there is nothing to report', () => {
    expect(formatText([], context({ summary: { errors: 0, warnings: 0, infos: 0, files: 1 } }))).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  it('omits the frame when the file has no readable text', () => {
    const text = formatText([DIAGNOSTICS[1]!], context({ sources: new Map([[DIAGNOSTICS[1]!.file, undefined]]) }));
    expect(text).not.toContain(' | ');
    expect(text).toContain('[schema-unknown-key]');
    expect(SHORT_SECRET.length).toBeLessThan(24); // the short secret relies on span masking, not the token heuristic
  });
});
