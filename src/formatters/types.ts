import type { Diagnostic, Summary } from '../validate/diagnostic';

export interface FormatContext {
  /** Source text by project-relative path, for code frames; absent for unreadable files. */
  sources: ReadonlyMap<string, string | undefined>;
  summary: Summary;
  /** ANSI colour allowed (a TTY without NO_COLOR). */
  color: boolean;
  toolVersion: string;
}

/** One pure function per `--format` value. */
export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
