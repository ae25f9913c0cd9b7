import type { Diagnostic, Summary } from '../core/diagnostic';
import type { RuleMeta } from '../core/rule-meta';

/** A rule as reports list it (SARIF `tool.driver.rules`): stage rules and semantic rules alike. */
export type RuleInfo = RuleMeta;

/** Everything a formatter may use besides the diagnostics; built by the command, fixed in tests. */
export interface FormatContext {
  /** Source text by project-relative path, for code frames; absent for unreadable files. */
  sources: ReadonlyMap<string, string | undefined>;
  summary: Summary;
  /** ANSI colour allowed (cli/io.ts colorAllowed: FORCE_COLOR, NO_COLOR, TERM=dumb, a TTY). */
  color: boolean;
  toolVersion: string;
  /** Every rule the run knows, in a stable order (SARIF lists them before its results). */
  rules?: readonly RuleInfo[];
  /** The lowest severity that fails the run (`--fail-on`); JUnit marks only those as failures. Default `error`. */
  failOn?: 'error' | 'warning';
}

/** One pure function per `--format` value. */
export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
