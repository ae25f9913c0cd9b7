import { z } from 'zod';
import type { OptionSet } from '../catalog/providers';

export const FreestyleLibreOptions = {
  regions: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code such as DE'))
    .min(1)
    .optional()
    .describe('Countries whose users connect (ISO 3166 codes). DE, AT and FR need a registered practice id.'),
  practiceId: z
    .string()
    .min(1)
    .optional()
    .describe('Registered practice id (or doctor\'s licence) given to Terra for Germany, Austria and France.'),
};

export const SamsungOptions = {
  route: z
    .enum(['health-connect', 'direct'])
    .optional()
    .describe('health-connect (default): Samsung data through Health Connect; direct: Samsung\'s privileged SDK, needs Samsung\'s approval.'),
  partnershipApproved: z
    .boolean()
    .optional()
    .describe('Samsung has approved the partnership the direct route needs.'),
};

export const PROVIDER_OPTION_SETS = {
  freestylelibre: FreestyleLibreOptions,
  samsung: SamsungOptions,
} satisfies Record<OptionSet, z.ZodRawShape>;
