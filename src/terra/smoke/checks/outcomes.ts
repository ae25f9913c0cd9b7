import { TERRA_API_BASE_URLS } from '../../../catalog/terra-hosts';
import { TerraCallError } from '../../http/terra-call-error';
import { safeUrl } from '../../http/url';
import type { CheckOutcome } from '../smoke-types';

export const pass = (message: string): CheckOutcome => ({ status: 'pass', message });
export const warn = (message: string): CheckOutcome => ({ status: 'warn', message });
export const fail = (message: string): CheckOutcome => ({ status: 'fail', message });
export const skip = (message: string): CheckOutcome => ({ status: 'skip', message });

/** What went wrong in a call, as one sentence (TerraCallError messages are already redacted). */
export function describeError(error: unknown): string {
  if (error instanceof TerraCallError) return error.describe();
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** 401 and 403 both mean "credentials rejected" (https://docs.tryterra.co/reference/using-the-api says 403, the OpenAPI says 401). */
export function isCredentialRejection(error: unknown): boolean {
  return error instanceof TerraCallError && error.kind === 'http' && (error.status === 401 || error.status === 403);
}

/** 404 "Invalid dev-id was provided" (Terra's 2022 OpenAPI in tryterra/llms.txt, generateAuthToken): the dev-id itself is unknown to Terra. */
export function isUnknownDevId(error: unknown): boolean {
  return error instanceof TerraCallError && error.kind === 'http' && error.status === 404 && /invalid dev-?id/i.test(error.detail ?? '');
}

/** The advice that fits a failed call to Terra's data API. */
export function adviceFor(error: unknown, baseUrl: string): string {
  if (!(error instanceof TerraCallError)) return 'this is a terra-iac bug; rerun with --verbose and report it';
  if (isUnknownDevId(error)) return 'check terra.devId in the environment file (Terra does not know this dev-id)';
  if (isCredentialRejection(error)) return 'check TERRA_API_KEY: it must be the API key of this dev-id';
  if (error.kind === 'http' && error.status === 404) {
    return `check the base URL ${safeUrl(baseUrl)} (Terra serves ${TERRA_API_BASE_URLS.legacy} and ${TERRA_API_BASE_URLS.current})`;
  }
  if (error.kind === 'http' && error.status === 429) return 'Terra is rate limiting this client; wait and run again';
  if (error.kind === 'http' && error.status !== undefined && error.status >= 500) return 'Terra had a server error; run again later';
  if (error.kind === 'timeout') return 'Terra did not answer in time; raise --timeout-ms or check the network path to Terra';
  if (error.kind === 'network') return 'check --api-base-url / TERRA_API_BASE_URL / terra.apiBaseUrl and the network (proxy, firewall, DNS)';
  if (error.kind === 'malformed') return 'the URL may not point at Terra\'s data API; check the base URL';
  if (error.kind === 'redirect') return error.hint ?? 'check the base URL: Terra answers at the configured host itself';
  if (error.kind === 'too-large') return `the base URL ${safeUrl(baseUrl)} may not point at Terra's data API (a proxy or captive portal may answer instead)`;
  if (error.kind === 'local') return error.hint ?? 'fix the request settings named above';
  return 'see the status and detail above';
}
