import fc from 'fast-check';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { FORMATTERS, FORMAT_NAMES } from '../../src/formatters';
import { ruleCatalog } from '../../src/formatters/rule-catalog';
import { planReport } from '../../src/infra/plan/plan-report';
import { renderPlanText } from '../../src/infra/plan/render-plan-text';
import { loadProject } from '../../src/project';
import { buildAuditReport } from '../../src/report/build-report';
import { DiffError } from '../../src/report/diff/diff-error';
import { diffEnvironments } from '../../src/report/diff/environments';
import type { HistoryDiff } from '../../src/report/diff/history';
import { renderDiffJson, renderEnvironmentDiffText, renderHistoryText } from '../../src/report/diff/render';
import { AUDIT_RENDERERS } from '../../src/report/render';
import { formatReportJson, formatReportText } from '../../src/terra/smoke/format-report';
import type { SmokeReport } from '../../src/terra/smoke/smoke-types';
import { shippedFiles } from './shipped-files';

/**
 * Property: whatever text, map key or file name the configuration holds, no output of any command contains
 * a raw unsafe character, and no line of an output starts with `::` (GitHub Actions runs such a line as a
 * workflow command) unless it is one of the github format's own annotations. The set is written out here
 * on its own, from the spec, rather than imported from src/core/safe-text.ts.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const RUNS = 300;

const ROOT = join(tmpdir(), 'terra-iac-safe-output-root-that-does-not-exist');
const SHIPPED = shippedFiles();

/** Characters of the unsafe set, the two it spares (tab, newline), and text that means something to a CI log. */
const NASTY = [
  '\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001b[2J', '\u001b]8;;http://x\u0007', '\u007f', '\u0085', '\u009b',
  '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\t', '\n', '\n::warning file=x::pwned', '::error::', '%0A', '`', '"', "'", '<', '&', ',', '=',
];
const nasty: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));
/** File names cannot hold `/` (a folder) or NUL; anything else goes, newlines included. */
const fileName: fc.Arbitrary<string> = nasty.map((n) => n.replace(/[/\u0000]/g, '_')).filter((n) => n.length > 0 && n !== '.' && n !== '..');

/** A YAML scalar: double-quoted with escapes (any character reaches the data), or raw (yaml may refuse it). */
function scalar(text: string, raw: boolean): string {
  return raw ? text : JSON.stringify(text);
}

interface Input {
  key: string;
  text: string;
  name: string;
  raw: boolean;
}

function project({ key, text, name, raw }: Input) {
  const staging = SHIPPED['config/staging.yaml']!
    .replace(/^description: .*$/m, `description: ${scalar(text, raw)}`)
    .replace('providers:\n', `providers:\n  ${scalar(key, raw)}: { notes: ${scalar(text, raw)} }\n`);
  const extra = SHIPPED['config/testing.yaml']!.replace('providers:\n', `providers:\n  ${scalar(key, raw)}: {}\n`);
  return loadProject({ root: ROOT, virtualFiles: { ...SHIPPED, 'config/staging.yaml': staging, [`config/${name}.yaml`]: extra } });
}

/** The SGR codes the text formats colour with themselves (text.ts, format-report.ts): the only ESC allowed. */
const OWN_COLOURS = /\x1b\[(?:0|1|2|31|32|33|36)m/g;

function check(what: string, printed: string, ownCommandLines = 0, coloured = false): void {
  const output = coloured ? printed.replace(OWN_COLOURS, '') : printed;
  const unsafe = UNSAFE.exec(output);
  if (unsafe) throw new Error(`${what} holds U+${unsafe[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${unsafe.index}: ${JSON.stringify(output.slice(Math.max(0, unsafe.index - 40), unsafe.index + 20))}`);
  const commands = output.split('\n').filter((line) => line.startsWith('::'));
  if (commands.length !== ownCommandLines) throw new Error(`${what}: ${commands.length} lines start with "::" (expected ${ownCommandLines}): ${JSON.stringify(commands.slice(0, 3))}`);
}

/** How often the generated input reached each output, so the property cannot pass by never getting there. */
const reached = { keyInMessage: 0, diff: 0, runs: 0 };

function everyOutput(input: Input): void {
  const loaded = project(input);
  reached.runs++;
  if (loaded.diagnostics.some((d) => d.ruleId === 'provider-unknown' && d.file === 'config/staging.yaml')) reached.keyInMessage++;
  const ctx = { sources: new Map(loaded.files.map((f) => [f.path, f.text])), summary: loaded.summary, color: false, toolVersion: 't', rules: ruleCatalog(), failOn: 'warning' as const };
  for (const format of FORMAT_NAMES) {
    check(`validate --format ${format}`, FORMATTERS[format](loaded.diagnostics, ctx), format === 'github' ? loaded.diagnostics.length : 0);
  }
  check('validate --format text, coloured', FORMATTERS.text(loaded.diagnostics, { ...ctx, color: true }), 0, true);

  const provenance = {
    generatedAt: '2026-01-01T00:00:00.000Z',
    git: { commit: null, note: input.text, uncommitted: loaded.files.map((f) => f.path) },
    files: loaded.files.map((f) => ({ path: f.path, sha256: null, bytes: null })),
  };
  const report = buildAuditReport(loaded, { toolVersion: 't', provenance });
  for (const [format, render] of Object.entries(AUDIT_RENDERERS)) {
    // CSV ends its records with CRLF (RFC 4180): that CR is the format's own; any other would be caught.
    const output = render(report);
    check(`audit --format ${format}`, format === 'csv' ? output.replace(/\r\n/g, '\n') : output);
  }

  try {
    const diff = diffEnvironments(loaded, 'staging', input.name);
    reached.diff++;
    check('diff text', renderEnvironmentDiffText(diff));
    check('diff --format json', renderDiffJson(diff));
  } catch (error) {
    if (!(error instanceof DiffError)) throw error;
  }
  const history: HistoryDiff = {
    diffVersion: 1,
    kind: 'history',
    since: { ref: input.text, commit: 'a'.repeat(40) },
    head: 'b'.repeat(40),
    commits: [
      {
        commit: 'c'.repeat(40),
        parent: null,
        date: input.text,
        author: { name: input.text, email: input.key },
        subject: input.text,
        changes: [{ environment: input.name, key: input.key, label: input.key, from: input.text, to: [input.text], fromText: input.text, toText: input.text, added: [input.text], removed: [] }],
        invalidFiles: [`config/${input.name}.yaml`],
      },
    ],
    workingTree: null,
    changeCount: 1,
  };
  check('diff --since text', renderHistoryText(history));
  check('diff --since json', renderDiffJson(history));

  const smoke: SmokeReport = {
    environment: input.name,
    checks: [
      { id: 'api.reachable', status: 'fail', message: input.text, durationMs: 3 },
      { id: 'webhook.delivery', status: 'pass', message: `delivered to ${input.key}`, durationMs: 4 },
    ],
  };
  check('smoke text', formatReportText(smoke));
  check('smoke text, coloured', formatReportText(smoke, true), 0, true);
  check('smoke --format json', formatReportJson(smoke));

  const plan = planReport(
    {
      resources: [
        { type: 'pulumi:pulumi:Stack', name: `terra-iac-${input.name}`, custom: false, inputs: {} },
        {
          type: 'aws:sqs/queue:Queue',
          name: input.key,
          custom: true,
          parent: { type: 'pulumi:pulumi:Stack', name: `terra-iac-${input.name}` },
          inputs: { name: input.text, tags: { [input.key]: input.text }, policy: JSON.stringify({ Sid: input.text }) },
        },
      ],
      outputs: { environment: { value: input.text, secret: false } },
    },
    { environment: input.name, stack: input.name, secretValues: { source: 'none', unsetEnvironmentVariables: [input.key] } },
  );
  check('plan text', renderPlanText(plan));
  check('plan --format json', `${JSON.stringify(plan, null, 2)}\n`);
}

describe('no output carries a raw unsafe character (fast-check)', () => {
  it(`holds for ${RUNS} generated keys, texts and file names across validate, audit, diff, smoke and plan`, () => {
    fc.assert(
      fc.property(fc.record({ key: nasty, text: nasty, name: fileName, raw: fc.boolean() }), (input) => everyOutput(input)),
      { numRuns: RUNS },
    );
    // Raw text that yaml refuses stops at the parser; the quoted half of the runs reaches rules and reports.
    expect(reached.keyInMessage).toBeGreaterThan(RUNS / 4);
    expect(reached.diff).toBeGreaterThan(RUNS / 4);
  }, 180_000);

  it('catches what it is meant to: a raw character, and a line a file name starts', () => {
    expect(() => check('x', 'a\u202eb')).toThrow(/U\+202e/);
    expect(() => check('x', 'config/a\n::warning file=x::pwned.yaml:1:1 error')).toThrow(/start with "::"/);
    expect(() => check('x', '::error file=a::m\n', 1)).not.toThrow();
  });
});
