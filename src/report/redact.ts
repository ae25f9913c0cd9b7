import type { Diagnostic, DocPath } from '../core/diagnostic';
import { escapeUnsafeLine, mapStrings } from '../core/safe-text';
import { maskValues, secretShapedRanges } from '../core/secret-mask';
import type { SourceFile } from '../load/source-file';
import { safePath } from '../validate/safe-diagnostics';

/** What a report prints instead of a value a rule flagged as a possible secret. */
export const HIDDEN = '[hidden: flagged as a possible secret]';

/**
 * Values the validator flagged as possibly secret (`sensitive` diagnostics). Reports print config values
 * such as notes and client ids; when a rule suspects one of them holds a secret, the report hides it
 * rather than repeat it into a PR comment or a spreadsheet. Map keys are names the report prints too
 * (provider codes): a secret-shaped token used as a key is masked wherever it appears, as code frames and
 * diagnostics mask it.
 */
export class SensitiveValues {
  private readonly byFile = new Map<string, DocPath[]>();
  private readonly keyTokens: string[];

  constructor(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]) {
    this.keyTokens = secretShapedKeyTokens(files);
    for (const d of diagnostics) {
      // A finding on the whole document carries no path to hide; hiding everything would hide the report.
      if (!d.sensitive || d.path.length === 0) continue;
      const list = this.byFile.get(d.file) ?? [];
      list.push(d.path);
      this.byFile.set(d.file, list);
    }
  }

  /**
   * True when a flagged path is `path` or one of its ancestors. Diagnostic paths come masked and escaped
   * from the pipeline, so `path` is compared in the same form (two keys that mask alike both hide).
   */
  isFlagged(file: string, path: DocPath): boolean {
    const list = this.byFile.get(file);
    if (!list) return false;
    const shown = safePath(path);
    return list.some((flagged) => flagged.length <= shown.length && flagged.every((seg, i) => seg === shown[i]));
  }

  /** `value`, or the hidden marker when the value or a parent of it was flagged. */
  show<T>(file: string, path: DocPath, value: T): T | typeof HIDDEN {
    return this.isFlagged(file, path) ? HIDDEN : value;
  }

  /**
   * Text for a report: secret-shaped key tokens masked, unsafe characters and line breaks visibly escaped
   * (core/safe-text.ts). Every report string is a cell or a field, so none may break a line of the CSV or HTML.
   */
  text(value: string): string {
    return escapeUnsafeLine(maskValues(value, this.keyTokens));
  }

  /** Every string of a report value (keys included) as `text` shows it: the one gate before any renderer. */
  safe<T>(value: T): T {
    return mapStrings(value, (s) => this.text(s));
  }
}

/** Secret-shaped tokens in the map keys of the files' data, longest first. */
function secretShapedKeyTokens(files: readonly SourceFile[]): string[] {
  const tokens = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        for (const [from, to] of secretShapedRanges(key)) tokens.add(key.slice(from, to));
        visit(child);
      }
    }
  };
  for (const file of files) visit(file.data);
  return [...tokens].sort((a, b) => b.length - a.length);
}

/**
 * A URL as reports show it: scheme, host and path. Credentials, query and fragment are dropped because
 * webhook receivers are often protected by a token in the query string.
 */
export function displayUrl(raw: string): { url: string; host: string } {
  try {
    const url = new URL(raw);
    const trimmed = url.search || url.hash ? '?…' : '';
    return { url: `${url.protocol}//${url.host}${url.pathname}${trimmed}`, host: url.host };
  } catch {
    // The schema only lets URL-shaped strings through; keep whatever precedes a query if one slips past.
    const cut = raw.split(/[?#]/)[0]!.replace(/\/\/[^/@]*@/, '//');
    return { url: cut, host: cut.replace(/^[a-z]+:\/\//i, '').split('/')[0]! };
  }
}
