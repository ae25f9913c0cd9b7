import { isProviderEnabled } from '../model/enabled-providers';
import { FREESTYLELIBRE_PRACTICE_REGIONS } from '../catalog/freestylelibre';
import { normalizeGoogleScope } from '../catalog/google-scopes';
import { findProvider, type ProviderFacts } from '../catalog/providers';
import type { ProviderSettings } from '../model/providers';
import type { DocPath } from '../core/diagnostic';
import type { KeyOwnership, ProviderCell, ProviderRow } from './types';

/** Returns the value at `path`, or a marker when a rule flagged it as a possible secret. */
export type Reveal = (path: DocPath, value: string) => string;

const PRACTICE_REGIONS: readonly string[] = FREESTYLELIBRE_PRACTICE_REGIONS;

/** Whose keys a declared provider runs on, from its declaration and the catalog's credential policy. */
export function keyOwnership(facts: ProviderFacts | undefined, settings: ProviderSettings): KeyOwnership {
  if (settings.dedicatedKeys) return 'dedicated';
  if (facts?.credentials === 'not-applicable') return 'not-applicable';
  if (facts?.credentials === 'required') return 'required-missing';
  return 'terra-managed';
}

/** One provider in one environment. `settings` is undefined when the environment does not declare it. */
export function providerCell(
  environment: string,
  code: string,
  settings: ProviderSettings | undefined,
  reveal: Reveal,
): ProviderCell {
  if (!settings) return { environment, status: 'not-declared', keys: null };
  const base: DocPath = ['providers', code];
  const cell: ProviderCell = {
    environment,
    status: isProviderEnabled(settings) ? 'enabled' : 'disabled',
    keys: keyOwnership(findProvider(code), settings),
  };
  const keys = settings.dedicatedKeys;
  if (keys) {
    cell.clientId =
      'portalName' in keys
        ? { label: 'portal name', value: reveal([...base, 'dedicatedKeys', 'portalName'], keys.portalName) }
        : { label: 'client id', value: reveal([...base, 'dedicatedKeys', 'clientId'], keys.clientId) };
    if ('scopes' in keys) cell.scopes = keys.scopes.map((scope) => normalizeGoogleScope(scope));
    if ('appVerification' in keys) cell.appVerification = keys.appVerification;
  }
  if (settings.regions) {
    cell.regions = settings.regions.map((country) => ({ country, practiceIdRequired: PRACTICE_REGIONS.includes(country) }));
  }
  if (settings.practiceId !== undefined) cell.practiceId = reveal([...base, 'practiceId'], settings.practiceId);
  if (settings.route !== undefined) cell.route = settings.route;
  if (settings.partnershipApproved !== undefined) cell.partnershipApproved = settings.partnershipApproved;
  if (settings.notes !== undefined) cell.notes = reveal([...base, 'notes'], settings.notes);
  return cell;
}

/** A matrix row: what the catalog says about the provider, then its cells. */
export function providerRow(code: string, cells: ProviderCell[]): ProviderRow {
  const facts = findProvider(code);
  if (!facts) {
    return { code, name: code, known: false, surface: 'unknown', mobileSdkOnly: false, credentialPolicy: 'unknown', confirmed: false, dataTypes: null, cells };
  }
  const row: ProviderRow = {
    code,
    name: facts.name,
    known: true,
    surface: facts.surface,
    mobileSdkOnly: facts.surface === 'mobile-sdk',
    credentialPolicy: facts.credentials,
    confirmed: facts.confirmed,
    dataTypes: { values: [...facts.dataTypes], source: 'catalog', confirmed: false },
    cells,
  };
  if (facts.deprecated) row.deprecated = facts.deprecated;
  return row;
}
