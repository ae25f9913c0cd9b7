import type { Diagnostic } from '../../src/core/diagnostic';

/**
 * Why a diagnostic's position is not inside its file, or undefined when it is: 1-based, line at most the
 * number of lines, column at most the line's length + 1, the end (when given) inside too and not before the start.
 */
export function positionProblem(d: Diagnostic, files: Readonly<Record<string, string>>): string | undefined {
  const text = files[d.file];
  if (text === undefined) return `diagnostic names a file that was not loaded: ${d.file}`;
  // A lone CR breaks a line too, as in YAML 1.2 (b-break); CRLF stays one break, its CR counted in the line.
  const lines = text.split(/\n|\r(?!\n)/);
  const inside = (line: number, column: number, what: string): string | undefined => {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return `${what} ${line}:${column} is not 1-based`;
    if (line > lines.length) return `${what} line ${line} is past the last line (${lines.length})`;
    const length = lines[line - 1]!.length;
    if (column > length + 1) return `${what} column ${column} is past the end of line ${line} (length ${length})`;
    return undefined;
  };
  const start = inside(d.line, d.column, 'start');
  if (start) return start;
  if (d.endLine === undefined && d.endColumn === undefined) return undefined;
  if (d.endLine === undefined || d.endColumn === undefined) return 'only one of endLine and endColumn is set';
  const end = inside(d.endLine, d.endColumn, 'end');
  if (end) return end;
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return 'end is before start';
  return undefined;
}
