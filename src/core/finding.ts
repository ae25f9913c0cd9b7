import type { DocPath, Severity } from './diagnostic';

/** Whether a finding is about a key itself (unknown, duplicate) or about its value. */
export type Target = 'key' | 'value';

/** A finding before it has a position: what stages and rules report. Only the pipeline locates it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: DocPath;
  target?: Target;
  hint?: string;
  sensitive?: boolean;
}
