import type { Diagnostic, Severity } from '../core/diagnostic';
import { replaceUnsafe } from '../core/safe-text';
import type { Formatter } from './types';

/** GitHub Actions workflow commands, which turn into annotations on the pull request's files. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=<rule>::message`, one per diagnostic.
 * Escaping follows @actions/core (toolkit packages/core/src/command.ts): `%`, CR and LF in the message,
 * and also `:` and `,` in properties; otherwise a newline would end the command and let file content
 * inject a command of its own.
 */
export const formatGithub: Formatter = (diagnostics) => diagnostics.map((d) => `${annotation(d)}\n`).join('');

function annotation(d: Diagnostic): string {
  const properties: Array<[string, string | number]> = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
  ];
  if (d.endLine !== undefined) properties.push(['endLine', d.endLine]);
  // GitHub only honours endColumn on a one-line annotation.
  if (d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line)) properties.push(['endColumn', d.endColumn]);
  properties.push(['title', d.ruleId]);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return replaceUnsafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
