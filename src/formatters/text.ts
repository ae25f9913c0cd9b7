import type { Diagnostic, Summary } from '../core/diagnostic';
import { codeFrame, sensitiveSpansByFile, type SensitiveSpan } from './code-frame';
import { plural } from '../core/plural';
import { escapeUnsafeLine, replaceUnsafe } from '../core/safe-text';
import type { Formatter } from './types';

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  ok: '\x1b[32m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  reset: '\x1b[0m',
} as const;
type Paint = (color: keyof typeof COLORS, text: string) => string;

/**
 * Human output: `file:line:col severity message [rule]`, a code frame that masks sensitive spans, the fix
 * hint, and a summary line; infos as one line each at the end. Colour only when the context allows it (see cli/io.ts colorAllowed).
 */
export const formatText: Formatter = (diagnostics, ctx) => {
  const paint: Paint = (color, text) => (ctx.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  const masksByFile = sensitiveSpansByFile(diagnostics);
  const masksOf = (file: string): SensitiveSpan[] => masksByFile.get(file) ?? [];
  const head = (d: Diagnostic) => {
    // A file name is one field that starts the line: no newline in it, no `::` first (Actions would run it).
    const where = `${escapeUnsafeLine(d.file, { startsLine: true })}:${d.line}:${d.column}`;
    return `${paint('bold', where)} ${paint(d.severity, d.severity)} ${clean(d.message)} ${paint('dim', `[${d.ruleId}]`)}`;
  };
  const blocks = diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => {
      const frame = codeFrame(ctx.sources.get(d.file), d, masksOf(d.file));
      const hint = d.hint ? `  ${paint('info', 'hint:')} ${clean(d.hint)}` : '';
      return [head(d), frame, hint].filter(Boolean).join('\n');
    });
  // Infos are things to know, not to fix: one line each after the findings, details in --format json.
  const notes = diagnostics.filter((d) => d.severity === 'info').map(head);
  if (notes.length) blocks.push(notes.join('\n'));
  const summary = summaryLine(ctx.summary, paint);
  return `${blocks.length ? `${blocks.join('\n\n')}\n\n` : ''}${summary}\n`;
};

/** `3 files checked: 1 error, 2 warnings` (plus infos when there are any), coloured by outcome. */
export function summaryLine(summary: Summary, paint: Paint = (_c, text) => text): string {
  const { errors, warnings, infos, files } = summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''}`;
  const color = errors ? 'error' : warnings ? 'warning' : 'ok';
  return `${plural(files, 'file')} checked: ${paint(color, counts)}`;
}

/**
 * Messages arrive escaped from the pipeline (src/validate/safe-diagnostics.ts); continuation lines are
 * indented so none can start a line of the report, and anything unsafe a caller let through is replaced.
 */
function clean(text: string): string {
  return replaceUnsafe(text.replace(/\r?\n/g, '\n    '));
}

