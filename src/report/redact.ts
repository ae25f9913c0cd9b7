import type { Diagnostic, DocPath } from '../core/diagnostic';

/** What a report prints instead of a value a rule flagged as a possible secret. */
export const HIDDEN = '[hidden: flagged as a possible secret]';

/**
 * Values the validator flagged as possibly secret (`sensitive` diagnostics). Reports print config values
 * such as notes and client ids; when a rule suspects one of them holds a secret, the report hides it
 * rather than repeat it into a PR comment or a spreadsheet.
 */
export class SensitiveValues {
  private readonly byFile = new Map<string, DocPath[]>();

  constructor(diagnostics: readonly Diagnostic[]) {
    for (const d of diagnostics) {
      // A finding on the whole document carries no path to hide; hiding everything would hide the report.
      if (!d.sensitive || d.path.length === 0) continue;
      const list = this.byFile.get(d.file) ?? [];
      list.push(d.path);
      this.byFile.set(d.file, list);
    }
  }

  /** True when a flagged path is `path` or one of its ancestors. */
  isFlagged(file: string, path: DocPath): boolean {
    return (this.byFile.get(file) ?? []).some((flagged) => flagged.length <= path.length && flagged.every((seg, i) => seg === path[i]));
  }

  /** `value`, or the hidden marker when the value or a parent of it was flagged. */
  show<T>(file: string, path: DocPath, value: T): T | typeof HIDDEN {
    return this.isFlagged(file, path) ? HIDDEN : value;
  }
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
