import { FREESTYLELIBRE_PRACTICE_REGIONS } from '../catalog/freestylelibre';
import type { OptionSet, ProviderFacts } from '../catalog/providers';
import { DISABLED, type EditorAnnotations } from './editor-annotations';

type Check = Record<string, unknown>;

/**
 * The provider-dedicated-keys rule's errors: a provider whose keys are "not applicable" takes no
 * `dedicatedKeys`; an enabled one whose keys are "required" (a confirmed fact: UNCONFIRMED ones only warn)
 * must have them.
 */
function keyPolicy(facts: ProviderFacts): Check | undefined {
  if (facts.credentials === 'not-applicable') {
    return {
      type: 'object',
      properties: {
        dedicatedKeys: { not: {}, description: `${facts.name} takes no dedicatedKeys: Terra lists its credentials as not applicable (provider-dedicated-keys).` },
      },
    };
  }
  if (facts.credentials !== 'required' || !facts.confirmed) return undefined;
  return {
    if: DISABLED,
    else: {
      type: 'object',
      properties: { dedicatedKeys: true },
      required: ['dedicatedKeys'],
      errorMessage: `${facts.code} (${facts.name}) only works with dedicated keys: add dedicatedKeys with your own client id and a secret reference, or set \`enabled: false\` (provider-dedicated-keys).`,
    },
  };
}

/** The rules on provider options, for an enabled provider: samsung-route and freestylelibre-regions. */
const OPTION_CHECKS: Record<OptionSet, Check> = {
  samsung: {
    if: { type: 'object', required: ['route'], properties: { route: { const: 'direct' } } },
    then: {
      if: DISABLED,
      else: {
        type: 'object',
        required: ['partnershipApproved'],
        properties: {
          partnershipApproved: { const: true, errorMessage: 'The direct Samsung route needs Samsung\'s partnership approval: set `partnershipApproved: true` once approved, or use `route: health-connect` (samsung-route).' },
        },
        errorMessage: 'The direct Samsung route needs Samsung\'s partnership approval: set `partnershipApproved: true` once approved, or use `route: health-connect` (samsung-route).',
      },
    },
  },
  freestylelibre: {
    if: { anyOf: [DISABLED, { type: 'object', required: ['practiceId'], properties: { practiceId: true } }] },
    else: {
      type: 'object',
      properties: {
        regions: {
          type: 'array',
          items: {
            not: { enum: [...FREESTYLELIBRE_PRACTICE_REGIONS] },
            description: `FreeStyle Libre in ${FREESTYLELIBRE_PRACTICE_REGIONS.join(', ')} needs a registered practice id: add practiceId, or remove the region (freestylelibre-regions).`,
          },
        },
      },
    },
  },
};

/** What editors check on one known provider's settings, beside its shape: the rules' errors JSON Schema can state. */
export function providerChecks(facts: ProviderFacts): EditorAnnotations {
  const checks = [keyPolicy(facts), facts.options && OPTION_CHECKS[facts.options]].filter((c): c is Check => c !== undefined);
  return checks.length ? { allOf: checks } : {};
}
