import type * as AsyncHooks from 'node:async_hooks';
import type * as Path from 'node:path';
import { TerraIacError } from '../../core/errors';
import type { FetchFn } from '../http/http-client';

/**
 * terra-api@2.1.0 takes no fetch: `TerraClient.Options` has no fetcher, and every request goes through
 * `core/fetcher/Fetcher.js`, which asks `getFetchFn()` (core/fetcher/getFetchFn.js: `return fetch`) for the
 * global fetch on each call. That lookup is the narrowest point to reach: `getFetchFn` is a plain,
 * writable export read at call time (`(0, getFetchFn_js_1.getFetchFn)()`), so replacing it changes the
 * SDK's HTTP and nothing else in the process. The replacement hands the SDK the fetch of the call in
 * progress (an AsyncLocalStorage store, so concurrent clients each get their own core) and the global
 * fetch to any other caller, as before.
 */
export interface SdkCall {
  fetch: FetchFn;
  /** The typed error the core threw inside the SDK, which the SDK would flatten into a TerraError. */
  error?: unknown;
  /** Set when the SDK's request went through `fetch`: proof that nothing bypassed the core. */
  used?: boolean;
}

interface Installed {
  run<T>(call: SdkCall, work: () => Promise<T>): Promise<T>;
}

/** Runs `work` (an SDK call) with the SDK's requests sent through `call.fetch`. */
export function runWithSdkFetch<T>(call: SdkCall, work: () => Promise<T>): Promise<T> {
  return install().run(call, work);
}

function install(): Installed {
  // On globalThis, under a key made here: Pulumi's closure serializer copies module variables into the
  // serialized provider, and it cannot copy a symbol (or a live AsyncLocalStorage).
  const key = Symbol.for('terra-iac.terra-api-fetch');
  const holder = globalThis as typeof globalThis & { [key: symbol]: Installed | undefined };
  const existing = holder[key];
  if (existing) return existing;
  // Required on use, not imported: the smoke test's Pulumi provider is serialized with its closure.
  const { AsyncLocalStorage } = require('node:async_hooks') as typeof AsyncHooks;
  const { dirname, join } = require('node:path') as typeof Path;
  const file = join(dirname(require.resolve('terra-api')), 'core', 'fetcher', 'getFetchFn.js');
  let module: { getFetchFn?: unknown };
  try {
    module = require(file) as { getFetchFn?: unknown };
  } catch {
    module = {};
  }
  const original = module.getFetchFn;
  if (typeof original !== 'function') {
    throw new TerraIacError('the installed terra-api does not have the request hook terra-iac routes its HTTP through (core/fetcher/getFetchFn.js)', 'io', {
      hint: 'install the terra-api version in package-lock.json (2.1.x); without the hook its requests would bypass the redirect, size and redaction safeguards',
    });
  }
  const storage = new AsyncLocalStorage<SdkCall>();
  module.getFetchFn = async () => {
    const call = storage.getStore();
    if (!call) return (original as () => Promise<unknown>)();
    return (url: string, init: RequestInit) => {
      call.used = true;
      return call.fetch(url, init);
    };
  };
  const installed: Installed = { run: (call, work) => storage.run(call, work) };
  holder[key] = installed;
  return installed;
}
