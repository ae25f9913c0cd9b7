import type { DocPath, Severity } from './diagnostic';
import type { Target } from './locate';

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
