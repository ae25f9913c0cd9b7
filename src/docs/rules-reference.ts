import { RULES } from '../rules';
import { STAGE_RULES } from '../validate/stage-rules';
import { sourceText, table } from './markdown';

interface Documented {
  id: string;
  severity: string;
  description: string;
  source: string;
}

const HEADER = ['Rule', 'Default severity', 'What it checks and why', 'Source'] as const;

function rows(rules: readonly Documented[]): string[][] {
  return rules.map((r) => [`\`${r.id}\``, r.severity, r.description, sourceText(r.source)]);
}

/** The README's rule list: the built-in stage findings, then every registered rule. Generated, never hand-edited. */
export function renderRulesReference(): string {
  return [
    'Every diagnostic carries one of these ids (`--format json` shows it as `ruleId`). Some rules report a lower',
    'severity than their default where a fact is UNCONFIRMED or the tier is testing; the description says when.',
    '',
    '### Reading, YAML and schema',
    '',
    table(HEADER, rows(STAGE_RULES)),
    '',
    '### Semantic rules (`src/rules/`)',
    '',
    table(HEADER, rows(RULES)),
  ].join('\n');
}
