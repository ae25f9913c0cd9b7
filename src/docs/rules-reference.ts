import type { RuleMeta } from '../core/rule-meta';
import { RULES } from '../rules';
import { STAGE_RULES } from '../validate/stage-rules';
import { generatedNote, sourceText, table } from './markdown';

type Documented = Pick<RuleMeta, 'id' | 'severity' | 'description' | 'source' | 'fix'>;

interface Entry {
  rule: Documented;
  /** Where the check lives, as Markdown (a link from docs/ to the rule's file for semantic rules). */
  where: string;
  stage: string;
}

const INTRO = [
  'Every diagnostic carries one of these ids (`--format json` shows it as `ruleId`; SARIF links each rule to its',
  'section here). Each section below is headed by the rule id itself, so `rules.md#<rule-id>` finds it.',
  '',
  '`terra-iac validate` runs in stages: reading the file, parsing the YAML, checking it against the JSON Schema in',
  '`schemas/`, then the semantic rules in `src/rules/`, one file per rule (the file name is the rule id). A rule only',
  'sees files that passed the stages before it. A rule that compares environments or stack files (for example',
  '`stack-file-pairing` or `production-provider-not-staged`) only claims that something is missing when the whole',
  'project is validated; with named files or `--env` it stays quiet about files it did not read.',
  '',
  'Default severities:',
  '',
  '- **error** fails the run.',
  '- **warning** fails it only with `--fail-on warning`. Facts marked UNCONFIRMED in Terra\'s material warn instead',
  '  of failing.',
  '- **info** never fails it: providers that need Terra\'s mobile SDK or a direct partnership, tunnels or local',
  '  webhook hosts in the testing tier, keys an ESC environment supplies.',
  '',
  'Some rules report a lower severity than their default where a fact is UNCONFIRMED or the tier is testing; the',
  'description says when. Secrets are never printed: `secret-literal`, `stack-secret-plain` and',
  '`no-plaintext-secret` findings are marked sensitive, so every output format masks the flagged value.',
  '',
  'To write a rule of your own, see [Adding a rule](adding-a-rule.md).',
];

function entries(): Entry[] {
  return [
    ...STAGE_RULES.map((rule) => ({ rule, stage: 'reading, YAML and schema', where: 'built into the pipeline (`src/validate/`)' })),
    ...RULES.map((rule) => ({ rule, stage: 'semantic rule', where: `[\`src/rules/${rule.id}.ts\`](../src/rules/${rule.id}.ts)` })),
  ];
}

function section({ rule, where }: Entry): string {
  return [
    `## ${rule.id}`,
    '',
    `**Default severity:** ${rule.severity}. **Checked by:** ${where}.`,
    '',
    rule.description,
    '',
    `**How to fix:** ${rule.fix}`,
    '',
    `**Source:** ${sourceText(rule.source)}`,
  ].join('\n');
}

/** docs/rules.md: an index, then one `## <rule-id>` section per stage finding and registered rule. */
export function renderRulesReference(): string {
  const all = entries();
  const index = table(
    ['Rule', 'Default severity', 'Stage'],
    all.map(({ rule, stage }) => [`[\`${rule.id}\`](#${rule.id})`, rule.severity, stage]),
  );
  const head = ['# Rules', '', generatedNote('`src/validate/stage-rules.ts` and `src/rules/`'), '', ...INTRO, '', index].join('\n');
  return `${[head, ...all.map(section)].join('\n\n')}\n`;
}
