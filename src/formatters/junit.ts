import { severityRank, type Diagnostic } from '../core/diagnostic';
import { escapeUnsafeLine, replaceUnsafe } from '../core/safe-text';
import type { Formatter } from './types';

/**
 * JUnit XML as CI test reporters read it (the de-facto schema of Ant's XMLJUnitResultFormatter, as
 * Jenkins, GitLab and dorny/test-reporter parse it): a testsuite per checked file, a testcase per
 * diagnostic, and one passing testcase for a file without findings. Only diagnostics at or above
 * `--fail-on` are failures; the others pass and keep their message in `system-out`.
 */
export const formatJunit: Formatter = (diagnostics, ctx) => {
  const failOn = ctx.failOn ?? 'error';
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of ctx.sources.keys()) byFile.set(file, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const [file, list] of byFile) {
    const cases = list.length ? list.map((d) => testcase(d, severityRank(d.severity) <= severityRank(failOn))) : [passingCase(file)];
    const failed = list.filter((d) => severityRank(d.severity) <= severityRank(failOn)).length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('')}  </testsuite>\n`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="terra-iac validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('')}</testsuites>\n`
  );
};

function testcase(d: Diagnostic, fails: boolean): string {
  const open = `    <testcase classname="${attr(d.file)}" name="${attr(`${d.ruleId} at ${d.line}:${d.column}`)}" file="${attr(d.file)}" line="${d.line}">\n`;
  const detail = `${escapeUnsafeLine(d.file)}:${d.line}:${d.column} ${d.severity} ${d.message}${d.hint ? `\nhint: ${d.hint}` : ''}`;
  const body = fails
    ? `      <failure message="${attr(d.message)}" type="${attr(d.ruleId)}">${text(detail)}</failure>\n`
    : `      <system-out>${text(detail)}</system-out>\n`;
  return `${open}${body}    </testcase>\n`;
}

function passingCase(file: string): string {
  return `    <testcase classname="${attr(file)}" name="valid" file="${attr(file)}"/>\n`;
}

/**
 * XML 1.0 allows only tab, LF, CR and characters from U+0020 up (no lone surrogates, no U+FFFE/FFFF):
 * anything else would make the whole report unparsable, so it becomes U+FFFD, as does anything of the
 * unsafe set (core/safe-text.ts) a caller let through.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function text(value: string): string {
  return replaceUnsafe(value.replace(NOT_XML_CHAR, '\uFFFD')).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and whitespace as character references so parsers keep it. */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
