import type { CredentialPolicy, ProviderFacts } from '../catalog/providers';

/** Whose keys a provider runs on, in the words of the provider-dedicated-keys rule. */
const KEY_POLICY: Record<CredentialPolicy, string> = {
  managed: 'Terra\'s keys by default; your own `dedicatedKeys` are allowed.',
  required: 'only works with your own `dedicatedKeys`.',
  'not-applicable': 'none to bring: takes no `dedicatedKeys`.',
  unknown: 'Terra\'s integration list does not say; `dedicatedKeys` are allowed.',
};

/** The facts worth a second sentence: where it is reachable, whether the code is confirmed, deprecation. */
function notes(facts: ProviderFacts): string[] {
  const out: string[] = [];
  if (facts.partnership) out.push('Keys come from a partnership agreed directly with the provider.');
  if (facts.surface === 'mobile-sdk') out.push('Reachable only through Terra\'s mobile SDK, never the web widget.');
  if (!facts.confirmed && facts.namedIn) {
    out.push(`UNCONFIRMED: Terra's docs use the code (${facts.namedIn}) but its integrations list does not; check that GET /integrations lists it for your dev-id.`);
  } else if (!facts.confirmed) {
    out.push('UNCONFIRMED: the code appears only in older or third-party material; check that GET /integrations lists it for your dev-id.');
  }
  if (facts.deprecated) out.push(`Deprecated: ${facts.deprecated}.`);
  return out;
}

/** What an editor shows for a provider code (completion, hover): its name and key policy, as plain text. */
export function providerDescription(facts: ProviderFacts): string {
  return [`${facts.name} (${facts.code}). Keys: ${KEY_POLICY[facts.credentials]}`, ...notes(facts)].join(' ');
}

/** The same, as Markdown for editors that render it. */
export function providerMarkdownDescription(facts: ProviderFacts): string {
  return [`**${facts.name}** (\`${facts.code}\`)`, `Keys: ${KEY_POLICY[facts.credentials]}`, ...notes(facts)].join('\n\n');
}
