/** The tags every resource of a stack carries, so cost reports and auditors can find them. */
export interface TagInput {
  /** Environment name: config/<name>.yaml. */
  environment: string;
  /** Owning teams from the environment's `owners`. */
  ownerTeams: readonly string[];
  /** Terra provider code the resource serves (STRAVA), or undefined for the environment as a whole. */
  provider?: string;
}

/** Value written to `provider` for resources that serve the whole Terra environment. */
export const WHOLE_ENVIRONMENT_PROVIDER = 'terra';

/**
 * AWS tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html); anything else becomes `_`.
 */
function tagValue(value: string): string {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
}

/** `environment`, `provider`, `owner` and `managed-by=terra-iac`. */
export function resourceTags({ environment, ownerTeams, provider }: TagInput): Record<string, string> {
  return {
    environment: tagValue(environment),
    provider: tagValue(provider ?? WHOLE_ENVIRONMENT_PROVIDER),
    owner: tagValue(ownerTeams.join(' ')),
    'managed-by': 'terra-iac',
  };
}
