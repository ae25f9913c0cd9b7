import { TIERS, USER_LIMITS, type Tier } from '../catalog/environment-limits';
import { DISABLED } from './editor-annotations';

type Check = Record<string, unknown>;

/** A file that states its tier as one of these (the rules also know the tier from the file name; a schema cannot). */
const statesTier = (tiers: readonly Tier[]): Check => ({ type: 'object', required: ['tier'], properties: { tier: { enum: [...tiers] } } });

/** The user-limit rule: at most the tier's limit of planned users. */
function userLimits(): Check[] {
  const limited = TIERS.filter((tier) => USER_LIMITS[tier] !== null);
  const limits = [...new Set(limited.map((tier) => USER_LIMITS[tier]!))];
  return limits.map((limit) => ({
    if: statesTier(limited.filter((tier) => USER_LIMITS[tier] === limit)),
    then: { type: 'object', properties: { limits: { type: 'object', properties: { plannedUsers: { type: 'integer', maximum: limit } } } } },
  }));
}

/** The google-production-verified rule: an enabled Google source in production runs on a verified app. */
const googleVerifiedInProduction: Check = {
  if: statesTier(['production']),
  then: {
    type: 'object',
    properties: {
      providers: {
        type: 'object',
        properties: {
          GOOGLE: {
            if: DISABLED,
            else: {
              type: 'object',
              properties: {
                dedicatedKeys: {
                  type: 'object',
                  properties: {
                    appVerification: {
                      const: 'verified',
                      errorMessage: 'Production needs a verified Google OAuth app: finish Google\'s verification, then set `appVerification: verified` (google-production-verified).',
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** What editors check across an environment's fields: the rules' errors JSON Schema can state. */
export function environmentChecks(): Check[] {
  return [...userLimits(), googleVerifiedInProduction];
}
