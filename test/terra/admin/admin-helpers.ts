import { startLocalTerraAdmin, type LocalTerraAdmin, type LocalTerraAdminOptions } from '../../support/local-terra-admin';

/** Shared set-up for the local admin server's tests: one server per test, closed (and contract-checked) after. */

export const DEV_ID = 'acme-health-testing-Q7mK2p';
export const OTHER_DEV_ID = 'acme-health-staging-R4tW9c';
/** The injected clock every test starts from. */
export const T0 = new Date('2026-09-10T12:00:00.000Z');

let current: LocalTerraAdmin | undefined;
let clock = T0;

export const advanceClock = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

export async function startAdmin(options: LocalTerraAdminOptions = {}): Promise<LocalTerraAdmin> {
  clock = T0;
  current = await startLocalTerraAdmin({ now: () => clock, seed: { environments: { [DEV_ID]: {}, [OTHER_DEV_ID]: {} } }, ...options });
  return current;
}

/** Closes the current server; rejects if any response broke the admin API contract. */
export async function closeAdmin(): Promise<void> {
  const server = current;
  current = undefined;
  await server?.close();
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** One real HTTP request to the server, `path` relative to its base URL. */
export async function call(admin: LocalTerraAdmin, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${admin.baseUrl}${path}`, { method, headers, body, signal: options.signal });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const envPath = (sub = '', devId = DEV_ID) => `/environments/${devId}${sub}`;
