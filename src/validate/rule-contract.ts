import type { Severity } from '../core/diagnostic';
import type { Finding } from '../core/finding';
import type { SourceFile } from '../load/source-file';
import type { ProjectView } from './project-view';

/** What a rule reports; the pipeline adds the rule id, default severity and position. */
export type RuleReport = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext extends ProjectView {
  report(file: SourceFile, finding: RuleReport): void;
}

/** A semantic rule: src/rules/<id>.ts, registered in src/rules/index.ts. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One sentence: what it checks and why. */
  description: string;
  /** Where the fact comes from (a Terra or Pulumi page, or "terra-iac design"). */
  source: string;
  check(ctx: RuleContext): void;
}
