/**
 * Where terra-iac lives, defined once. PLACEHOLDER: the repository is not published yet; when it is, change
 * REPOSITORY_URL and every link (SARIF `helpUri`, `informationUri`, the manual) follows.
 */
export const REPOSITORY_URL = 'https://github.com/terra-iac/terra-iac';

/** The manual (`docs/` on the default branch), as GitHub renders it. */
export const MANUAL_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/`;

/** The rules page of the manual, generated from the rule metadata. */
export const RULES_MANUAL_URL = `${MANUAL_BASE_URL}rules.md`;

/**
 * A rule's section of the manual: docs/rules.md has one `## <rule-id>` heading per rule, and GitHub's anchor
 * for a heading made of lower-case letters, digits and hyphens is the heading itself.
 */
export function ruleManualUrl(ruleId: string): string {
  return `${RULES_MANUAL_URL}#${encodeURIComponent(ruleId)}`;
}
