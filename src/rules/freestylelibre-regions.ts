import { isProviderEnabled } from '../model/enabled-providers';
import { FREESTYLELIBRE_PRACTICE_REGIONS, FREESTYLELIBRE_SOURCE } from '../catalog/freestylelibre';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

const PRACTICE_REGIONS: ReadonlySet<string> = new Set(FREESTYLELIBRE_PRACTICE_REGIONS);

/** LibreView data in Germany, Austria and France only flows with a doctor's licence or practice id given to Terra. */
export const freestylelibreRegions: Rule = {
  id: 'freestylelibre-regions',
  severity: 'error',
  description: 'FreeStyle Libre users in Germany, Austria or France (DE, AT, FR) need a registered practice id (`practiceId`) given to Terra.',
  source: FREESTYLELIBRE_SOURCE,
  fix: 'Add `providers.FREESTYLELIBRE.practiceId` (the practice id or doctor\'s licence you gave Terra), or remove DE, AT and FR from the regions.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const libre = env.model.providers.FREESTYLELIBRE;
      if (!libre || !isProviderEnabled(libre) || libre.practiceId) continue;
      (libre.regions ?? []).forEach((region, i) => {
        if (!PRACTICE_REGIONS.has(region)) return;
        ctx.report(env.file, {
          path: ['providers', 'FREESTYLELIBRE', 'regions', i],
          message: `FreeStyle Libre in ${region} needs a registered practice id, and none is set`,
          hint: 'add providers.FREESTYLELIBRE.practiceId (the practice id or doctor\'s licence you gave Terra), or remove the region',
        });
      });
    }
  },
};
