import type { Redactor } from '../http/redact';
import type { RetryPolicy } from '../http/retry';
import type { CallBudget, TerraApiClient } from '../data/terra-client';
import type { DetailedIntegration, IntegrationCatalog, UserCount } from '../data/terra-responses';
import type { CheckId, CheckOutcome, SmokeTarget } from './smoke-types';

/**
 * Terra answers several checks read: each is fetched once per run, by whichever check asks first, and
 * shared (api.reachable and providers.known read one `GET /integrations`; credentials.valid and
 * users.quota one `GET /subscriptions`).
 */
export interface SharedCalls {
  integrations(): Promise<IntegrationCatalog>;
  enabledIntegrations(): Promise<DetailedIntegration[]>;
  users(): Promise<UserCount>;
}

/** What a check gets to work with. */
export interface CheckContext {
  target: SmokeTarget;
  client: TerraApiClient;
  shared: SharedCalls;
  /** Deadline of this run's checks. */
  budget: CallBudget;
  redact: Redactor;
  retry?: RetryPolicy;
}

/** One smoke check: `src/terra/checks/<id>.ts`. */
export interface SmokeCheck {
  id: CheckId;
  /** One sentence for the checks table of docs/smoke-test.md. */
  description: string;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

export function sharedCalls(client: TerraApiClient, budget: CallBudget): SharedCalls {
  return {
    integrations: once(() => client.listIntegrations(budget)),
    enabledIntegrations: once(() => client.listEnabledIntegrations(budget)),
    users: once(() => client.countUsers(budget)),
  };
}
