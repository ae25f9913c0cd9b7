import type { Diagnostic, DocPath, PathSegment } from '../core/diagnostic';
import { escapeUnsafeLine } from '../core/safe-text';
import { maskSecretShaped, maskValues } from '../core/secret-mask';
import type { SourceFile } from '../load/source-file';

/** Shorter flagged values are left alone in messages: masking `abc` everywhere would mangle them, not protect. */
const MIN_MASKED_VALUE = 6;

/**
 * One path segment as every output shows it: secret-shaped tokens masked, unsafe characters and line
 * breaks escaped. Consumers that match paths (report/redact.ts) compare through this same function.
 */
export function safeSegment(segment: PathSegment): PathSegment {
  return typeof segment === 'string' ? escapeUnsafeLine(maskSecretShaped(segment)) : segment;
}

export function safePath(path: DocPath): DocPath {
  return path.some((s) => typeof s === 'string') ? path.map(safeSegment) : path;
}

/**
 * Whatever a code frame masks is masked in the message, hint and path too, and unsafe characters are
 * visibly escaped (core/safe-text.ts), here where diagnostics are made. Messages and hints are one line
 * each (`file:line:col severity message`), so line breaks a quoted key brings are escaped as well: no
 * consumer can then print a line that starts where the file's text wants (`::warning` in GitHub Actions).
 * All this happens once, so every consumer (the five
 * formatters, plan's refusal, audit, diff, the Pulumi program) gets the same safe text. A message may quote
 * a key (provider-unknown) or yaml may quote a scalar (yaml-syntax); neither may print what the frame hides:
 * secret-shaped tokens, and the source text of spans flagged sensitive.
 */
export function safeDiagnostics(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]): Diagnostic[] {
  const flagged = flaggedValues(diagnostics, files);
  return diagnostics.map((d) => {
    const values = flagged.get(d.file) ?? [];
    const safe = (text: string) => escapeUnsafeLine(maskSecretShaped(maskValues(text, values)));
    const out: Diagnostic = { ...d, message: safe(d.message), path: safePath(d.path) };
    if (d.hint !== undefined) out.hint = safe(d.hint);
    return out;
  });
}

/** Per file, the source text under each sensitive span (line by line, quotes trimmed), longest first. */
function flaggedValues(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sensitive = diagnostics.filter((d) => d.sensitive);
  if (sensitive.length === 0) return out;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const lines = new Map<string, string[]>();
  for (const d of sensitive) {
    const text = byPath.get(d.file)?.text;
    if (text === undefined) continue;
    let fileLines = lines.get(d.file);
    if (!fileLines) lines.set(d.file, (fileLines = text.split(/\r?\n/)));
    const values = out.get(d.file) ?? [];
    const endLine = d.endLine ?? d.line;
    for (let n = d.line; n <= endLine && n <= fileLines.length; n++) {
      const line = fileLines[n - 1]!;
      const from = n === d.line ? d.column - 1 : 0;
      const to = n === endLine && d.endColumn !== undefined ? d.endColumn - 1 : line.length;
      const value = line.slice(from, to).trim().replace(/^["']|["']$/g, '');
      // A finding on a comment points at the key it sits by; the key is a name, not the flagged value.
      if (value.length >= MIN_MASKED_VALUE && value !== d.path[d.path.length - 1]) values.push(value);
    }
    out.set(d.file, values);
  }
  for (const values of out.values()) values.sort((a, b) => b.length - a.length);
  return out;
}
