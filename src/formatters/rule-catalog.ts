import { RULES } from '../rules';
import { STAGE_RULES } from '../validate/stage-rules';
import type { RuleInfo } from './types';

/**
 * Every rule a run can report: the reading, YAML and schema stages first, then the semantic rules in
 * registry order. An id registered twice keeps its first entry, so SARIF rule indices stay unique.
 */
export function ruleCatalog(): RuleInfo[] {
  const seen = new Set<string>();
  const out: RuleInfo[] = [];
  for (const { id, severity, description, source, fix, security } of [...STAGE_RULES, ...RULES]) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, severity, description, source, fix, ...(security ? { security } : {}) });
  }
  return out;
}
