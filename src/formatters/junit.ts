import { severityRank, type Diagnostic } from '../core/diagnostic';
import { formatPath } from '../core/format-path';
import { escapeUnsafeLine, replaceUnsafe } from '../core/safe-text';
import type { Formatter } from './types';

/**
 * JUnit XML as CI test reporters read it (the de-facto schema of Ant's XMLJUnitResultFormatter, as
 * Jenkins, GitLab and dorny/test-reporter parse it): a testsuite per checked file, a testcase per
 * diagnostic, and one passing testcase for a file without findings. Only diagnostics at or above
 * `--fail-on` are failures; the others pass and keep their message in `system-out`.
 *
 * A testcase's name is its identity to those reporters (flaky-test and "new failure" tracking key on
 * classname + name), so it holds no line or column: inserting a line above a finding must not turn it into
 * a new test. The position stays in the `line` attribute and the failure text.
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
    const names = caseNames(list);
    const cases = list.length ? list.map((d, i) => testcase(d, names[i]!, severityRank(d.severity) <= severityRank(failOn))) : [passingCase(file)];
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

/**
 * `rule-id at path.in.document`, unique within the file: where two findings share rule and path (a YAML
 * error at the document root, two messages of one rule on one key), the message tells them apart, and
 * what is still equal is numbered in report order (#2, #3), never by position.
 */
function caseNames(list: readonly Diagnostic[]): string[] {
  const base = list.map((d) => `${d.ruleId} at ${formatPath(d.path)}`);
  const shared = tally(base);
  const named = base.map((name, i) => (shared.get(name)! > 1 ? `${name}: ${list[i]!.message}` : name));
  const taken = new Set<string>();
  const next = new Map<string, number>();
  return named.map((name) => {
    let unique = name;
    let n = next.get(name) ?? 2;
    while (taken.has(unique)) unique = `${name} #${n++}`;
    next.set(name, n);
    taken.add(unique);
    return unique;
  });
}

function tally(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function testcase(d: Diagnostic, name: string, fails: boolean): string {
  const open = `    <testcase classname="${attr(d.file)}" name="${attr(name)}" file="${attr(d.file)}" line="${d.line}">\n`;
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
