import type { AdminFaults, LocalTerraAdminOptions } from './options';

/** The `--fault` menu of local-terra-admin-cli.ts, as options and faults for the server. */
export const FAULT_NAMES = [
  '401', '403-scope[:SCOPE]', '404-dev-id', '429', '500', 'slow', 'malformed-json', 'lost-response', 'no-signing-secret',
  'replay-without-secret', 'lowercase-only', 'paginate:N', 'cursor-ignored', 'dup-url-409', 'constant-mask',
] as const;

export interface FaultSetting {
  options?: Partial<LocalTerraAdminOptions>;
  faults?: AdminFaults;
}

export function faultSetting(name: string): FaultSetting {
  const [base, arg] = name.split(/:(.*)/s, 2) as [string, string | undefined];
  switch (base) {
    case '401': return { faults: { unauthorized: true } };
    case '403-scope': return { faults: { missingScope: arg || 'providers:write' } };
    case '404-dev-id': return { faults: { devIdNotFound: true } };
    case '429': return { faults: { rateLimit: { times: 1, retryAfterSeconds: 1 } } };
    case '500': return { faults: { serverError: { times: 1 } } };
    case 'slow': return { faults: { delayMs: 15_000 } };
    case 'malformed-json': return { faults: { malformedJson: {} } };
    case 'lost-response': return { faults: { lostResponse: { times: 1, operations: ['createDestination'] } } };
    case 'no-signing-secret': return { faults: { noSigningSecret: true } };
    case 'replay-without-secret': return { faults: { replayWithoutSigningSecret: true } };
    case 'lowercase-only': return { options: { casing: 'lowercase-only' } };
    case 'paginate': {
      const size = Number(arg);
      if (!Number.isInteger(size) || size < 1) throw new Error(`--fault paginate:N needs a positive integer N, got ${JSON.stringify(arg ?? '')}`);
      return { faults: { pageSize: size } };
    }
    case 'cursor-ignored': return { faults: { cursorIgnored: true, pageSize: 2 } };
    case 'dup-url-409': return { faults: { duplicateUrlConflict: true } };
    case 'constant-mask': return { options: { mask: 'constant' } };
    default: throw new Error(`unknown --fault ${JSON.stringify(name)}; one of ${FAULT_NAMES.join(', ')}`);
  }
}

/** All `--fault` values merged (later ones win where they overlap). */
export function combineFaults(names: readonly string[]): Required<FaultSetting> {
  const merged: Required<FaultSetting> = { options: {}, faults: {} };
  for (const name of names) {
    const setting = faultSetting(name);
    Object.assign(merged.options, setting.options);
    Object.assign(merged.faults, setting.faults);
  }
  return merged;
}
