import { TIERS, USER_LIMITS, type Tier } from '../../catalog/environment-limits';
import { flattenRemoteText } from '../../core/safe-text';
import type { DevDetail } from './admin-types';

/** The tier an import writes, and how it was decided (for the file's comment and the command's report). */
export interface ImportedTier {
  tier: Tier;
  /** `flag`: --tier; `name`: the environment is called testing, staging or production; `terra`: GET /environments/{dev_id}. */
  source: 'flag' | 'name' | 'terra';
  /** One line: `inferred from the label "prod" of GET /environments/{dev_id}`. */
  how: string;
}

/** Words in Terra's label, name or dev-id that say the tier (a dashboard labels environments like `prod`). */
const WORDS: Readonly<Record<string, Tier>> = {
  prod: 'production',
  production: 'production',
  live: 'production',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  qa: 'staging',
  uat: 'staging',
  testing: 'testing',
  test: 'testing',
  dev: 'testing',
  development: 'testing',
  sandbox: 'testing',
};

const isTier = (value: string): value is Tier => (TIERS as readonly string[]).includes(value);

/**
 * `--tier` wins; an environment named testing, staging or production is that tier (as the validator reads
 * file names); otherwise the tier is read from Terra's `DevDetail` (`getEnvironment`): the first of its
 * label, name and dev-id whose words name exactly one tier, then a user limit above the testing and
 * staging limit (only production has more), then `billable: true` (the spec's example bills only its
 * production environment). Undefined when none of these tells.
 */
export function inferTier(environment: string, flag: Tier | undefined, detail: DevDetail | undefined, devId: string): ImportedTier | undefined {
  if (flag) return { tier: flag, source: 'flag', how: 'given with --tier' };
  if (isTier(environment)) return { tier: environment, source: 'name', how: `the environment is named ${environment}` };
  if (!detail) return undefined;
  const texts: [string, string | undefined][] = [
    ['label', detail.label],
    ['name', detail.profile?.name ?? detail.name],
    ['dev-id', detail.dev_id ?? devId],
  ];
  for (const [what, text] of texts) {
    const tier = tierOfWords(text);
    if (tier) return { tier, source: 'terra', how: `inferred from the ${what} "${flattenRemoteText(text!, 80)}" of GET /environments/{dev_id}` };
  }
  const limit = Math.max(USER_LIMITS.testing ?? 0, USER_LIMITS.staging ?? 0);
  if (typeof detail.user_limit === 'number' && detail.user_limit > limit) {
    return { tier: 'production', source: 'terra', how: `inferred from its user limit ${detail.user_limit} (testing and staging allow ${limit}) in GET /environments/{dev_id}` };
  }
  if (detail.billable === true) return { tier: 'production', source: 'terra', how: 'inferred from billable: true in GET /environments/{dev_id}' };
  return undefined;
}

function tierOfWords(text: string | undefined): Tier | undefined {
  if (!text) return undefined;
  const found = new Set(text.toLowerCase().split(/[^a-z0-9]+/).flatMap((word) => (Object.hasOwn(WORDS, word) ? [WORDS[word]!] : [])));
  return found.size === 1 ? [...found][0] : undefined;
}
