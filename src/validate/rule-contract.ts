import type { Severity } from '../core/diagnostic';
import type { Finding } from '../core/finding';
import type { RuleMeta } from '../core/rule-meta';
import type { SourceFile } from '../load/source-file';
import type { ProjectView } from './project-view';

/** What a rule reports; the pipeline adds the rule id, default severity and position. */
export type RuleReport = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext extends ProjectView {
  report(file: SourceFile, finding: RuleReport): void;
}

/** A semantic rule: src/rules/<id>.ts, registered in src/rules/index.ts. */
export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
