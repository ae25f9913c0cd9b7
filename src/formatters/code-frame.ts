import type { Diagnostic } from '../core/diagnostic';
import { replaceUnsafe } from '../core/safe-text';
import { MASK, secretShapedRanges } from '../core/secret-mask';

export { MASK } from '../core/secret-mask';

/** A span of the source that may hold a secret, 1-based and end-exclusive like Diagnostic. */
export interface SensitiveSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Source lines longer than this are shown as a window around the flagged column. */
const MAX_FRAME_WIDTH = 120;

/** The spans of a file that the diagnostics flag as sensitive; every frame of that file masks them all. */
export function sensitiveSpans(diagnostics: readonly Diagnostic[], file: string): SensitiveSpan[] {
  return sensitiveSpansByFile(diagnostics).get(file) ?? [];
}

/** Sensitive spans grouped by file, in one pass over the diagnostics. */
export function sensitiveSpansByFile(diagnostics: readonly Diagnostic[]): Map<string, SensitiveSpan[]> {
  const byFile = new Map<string, SensitiveSpan[]>();
  for (const d of diagnostics) {
    if (!d.sensitive) continue;
    const span = { line: d.line, column: d.column, endLine: d.endLine ?? d.line, endColumn: d.endColumn ?? Number.MAX_SAFE_INTEGER };
    const list = byFile.get(d.file);
    if (list) list.push(span);
    else byFile.set(d.file, [span]);
  }
  return byFile;
}

/**
 * One line of context either side and a caret under the flagged span. Sensitive spans and secret-shaped
 * tokens are masked, unsafe characters replaced one for one (core/safe-text.ts), long lines cut to a window around the caret.
 */
export function codeFrame(source: string | undefined, d: Diagnostic, masked: readonly SensitiveSpan[] = []): string {
  if (source === undefined) return '';
  const lines = linesOf(source);
  const target = d.line - 1;
  if (target < 0 || target >= lines.length) return '';
  const spans = d.sensitive ? [...masked, ...sensitiveSpans([d], d.file)] : masked;
  const first = Math.max(0, target - 1);
  const last = Math.min(lines.length - 1, target + 1);
  const width = String(last + 1).length;
  const shown = maskLine(lines[target]!, d.line, spans);
  const start = shown.toDisplay(d.column - 1);
  const sameLine = d.endLine === undefined || d.endLine === d.line;
  // A span that runs onto later lines is underlined to the end of this one.
  const end = sameLine && d.endColumn !== undefined ? shown.toDisplay(d.endColumn - 1) : shown.text.length;
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const line = i === target ? shown : maskLine(lines[i]!, i + 1, spans);
    // Context lines are cut at the same place as the flagged one, so columns stay aligned.
    const view = windowed(line.text, start);
    out.push(`  ${i === target ? '>' : ' '} ${String(i + 1).padStart(width)} | ${view.text}`);
    if (i !== target) continue;
    const caretStart = Math.max(0, start - view.offset);
    const caretLength = Math.max(1, Math.min(end - start, view.text.length - caretStart));
    out.push(`    ${' '.repeat(width)} | ${' '.repeat(caretStart)}${'^'.repeat(caretLength)}`);
  }
  return out.join('\n');
}

let lastSource: string | undefined;
let lastLines: string[] = [];

/**
 * The source's lines, split once for all the frames of a file (diagnostics come sorted by file): split per
 * frame, 50,000 findings in one 500 KB file took a quarter of an hour.
 */
function linesOf(source: string): string[] {
  if (source !== lastSource) {
    lastSource = source;
    lastLines = source.split(/\r?\n/);
  }
  return lastLines;
}

interface MaskedLine {
  text: string;
  /** Maps a 0-based index of the original line to its index in `text`. */
  toDisplay(index: number): number;
}

/** Replaces sensitive and secret-shaped ranges of one line with MASK. */
export function maskLine(line: string, lineNumber: number, spans: readonly SensitiveSpan[]): MaskedLine {
  const ranges: Array<[number, number]> = [];
  for (const span of spans) {
    if (lineNumber < span.line || lineNumber > span.endLine) continue;
    const from = lineNumber === span.line ? span.column - 1 : line.length - line.trimStart().length;
    const to = lineNumber === span.endLine ? Math.min(line.length, span.endColumn - 1) : line.length;
    if (to > from) ranges.push([from, to]);
  }
  ranges.push(...secretShapedRanges(line));
  const merged = mergeRanges(ranges);
  let text = '';
  let cursor = 0;
  for (const [from, to] of merged) {
    text += line.slice(cursor, from) + MASK;
    cursor = to;
  }
  text = replaceUnsafe((text + line.slice(cursor)).replace(/\t/g, ' '));
  const toDisplay = (index: number): number => {
    let shift = 0;
    for (const [from, to] of merged) {
      if (index < from) break;
      if (index < to) return from + shift;
      shift += MASK.length - (to - from);
    }
    return Math.max(0, index + shift);
  };
  return { text, toDisplay };
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** At most MAX_FRAME_WIDTH characters around `focus`, with an ellipsis where text was cut. */
function windowed(text: string, focus: number): { text: string; offset: number } {
  if (text.length <= MAX_FRAME_WIDTH) return { text, offset: 0 };
  const start = Math.max(0, Math.min(focus - MAX_FRAME_WIDTH / 3, text.length - MAX_FRAME_WIDTH));
  const cut = Math.floor(start);
  const body = text.slice(cut, cut + MAX_FRAME_WIDTH);
  const prefix = cut > 0 ? '…' : '';
  const suffix = cut + MAX_FRAME_WIDTH < text.length ? '…' : '';
  return { text: `${prefix}${body}${suffix}`, offset: cut - prefix.length };
}
