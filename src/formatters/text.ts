import type { Diagnostic } from '../validate/diagnostic';
import type { Formatter } from './types';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' } as const;

/** Human output: `file:line:col severity message [rule]`, a code frame and the fix hint. */
export const formatText: Formatter = (diagnostics, ctx) => {
  const paint = (color: keyof typeof COLORS, text: string) => (ctx.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  const blocks = diagnostics.map((d) => {
    const head = `${d.file}:${d.line}:${d.column} ${paint(d.severity, d.severity)} ${d.message} ${paint('dim', `[${d.ruleId}]`)}`;
    const frame = codeFrame(ctx.sources.get(d.file), d);
    const hint = d.hint ? `  hint: ${d.hint}` : '';
    return [head, frame, hint].filter(Boolean).join('\n');
  });
  const { errors, warnings, infos, files } = ctx.summary;
  const summary = `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''}`;
  return `${blocks.length ? `${blocks.join('\n\n')}\n\n` : ''}${summary}\n`;
};

/** Two lines of context and a caret under the flagged column; masks the span when it may hold a secret. */
export function codeFrame(source: string | undefined, d: Diagnostic): string {
  if (source === undefined) return '';
  const lines = source.split(/\r?\n/);
  const target = d.line - 1;
  if (target < 0 || target >= lines.length) return '';
  const first = Math.max(0, target - 1);
  const last = Math.min(lines.length - 1, target + 1);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    let text = lines[i]!;
    if (i === target && d.sensitive) text = maskFrom(text, d.column - 1, d.endLine === d.line ? d.endColumn : undefined);
    text = maskSecretShaped(text);
    const marker = i === target ? '>' : ' ';
    out.push(`  ${marker} ${String(i + 1).padStart(width)} | ${text}`);
    if (i === target) out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.column - 1))}^`);
  }
  return out.join('\n');
}

function maskFrom(text: string, start: number, endColumn: number | undefined): string {
  const end = endColumn !== undefined && endColumn - 1 > start ? endColumn - 1 : text.length;
  return `${text.slice(0, start)}${'*'.repeat(Math.min(8, Math.max(3, end - start)))}${text.slice(end)}`;
}

/** Long high-entropy tokens never reach a terminal or CI log, whatever rule pointed near them. */
function maskSecretShaped(text: string): string {
  return text.replace(/[A-Za-z0-9_\-+/=]{24,}/g, (token) => (/[0-9]/.test(token) && /[A-Za-z]/.test(token) && !token.includes('/') ? '********' : token));
}
