import type * as pulumi from '@pulumi/pulumi';
import { TerraIacError } from '../../core/errors';
import { TerraAdminClient } from '../../terra/admin/client';
import type { DesiredTerraState } from '../../terra/admin/desired';
import type { ObservedTerraState } from '../../terra/admin/observed';

/** Which Terra object a resource of the shared provider stands for. */
export type TerraKind = 'source' | 'credentials' | 'scopes' | 'webhook' | 'undeclared' | 'dataTypes' | 'dataFields' | 'processing' | 'widget';

/** Inputs every Terra resource has; the admin token is never one of them. */
export interface CommonInputs {
  kind: TerraKind;
  /** config/<name>.yaml, for messages. */
  environment: string;
  devId: string;
  /** Already resolved (`resolveAdminBaseUrl`). */
  adminBaseUrl: string;
  /** terra-iac's version plus the provider's: a change is an update, so new provider code takes effect (pulumi/pulumi#16826). */
  providerVersion: string;
}

/** What every kind implements; `olds` are the last outputs (the engine passes outputs to `diff`). */
export interface KindHandler<I extends CommonInputs, O extends CommonInputs> {
  diff(olds: O, news: I): pulumi.dynamic.DiffResult;
  create(inputs: I): Promise<{ id: string; outs: O }>;
  read(id: string, props: O): Promise<pulumi.dynamic.ReadResult>;
  update(id: string, olds: O, news: I): Promise<{ outs: O }>;
  delete(id: string, props: O): Promise<void>;
}

/** A Terra call failed in a way the provider explains itself. With `id`, Pulumi keeps the object in state (ErrorResourceInitFailed). */
export class TerraResourceError extends TerraIacError {
  override name = 'TerraResourceError';
  id?: string;
  properties?: Record<string, unknown>;
  reasons?: string[];

  constructor(message: string, created?: { id: string; properties: Record<string, unknown> }) {
    super(message, 'io');
    // In the constructor, not as field initializers: Pulumi's closure serializer drops those.
    if (created) {
      this.id = created.id;
      this.properties = created.properties;
      this.reasons = [message];
    }
  }

  /** A method of its own, so `instanceof` survives closure serialization (pulumi/pulumi#10974). */
  describe(): string {
    return this.message;
  }
}

/**
 * The admin client for a base URL, one per provider process: every Terra resource shares its pacing
 * (the deserialized provider is one object, so module state would be too, but closure serialization
 * copies module values, hence `globalThis`). The token is read from `process.env` at each call.
 */
export function adminClient(baseUrl: string): TerraAdminClient {
  const holder = globalThis as { terraIacAdminClients?: Map<string, TerraAdminClient> };
  const clients = (holder.terraIacAdminClients ??= new Map());
  let client = clients.get(baseUrl);
  if (!client) {
    client = new TerraAdminClient({ baseUrl, env: process.env });
    clients.set(baseUrl, client);
  }
  return client;
}

/** Terra answered 404 (`not_found`): for a delete, the object is already gone. `dev_id_not_found` is not that. */
export function isNotFound(error: unknown): boolean {
  const e = error as { status?: number; problem?: { code?: string } } | undefined;
  return e?.status === 404 && e.problem?.code !== 'dev_id_not_found';
}

/** The keys among `keys` whose values differ (compared as JSON). */
export function changedKeys<T extends object>(olds: Partial<T>, news: Partial<T>, keys: readonly (keyof T & string)[]): string[] {
  return keys.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
}

/** Updates, not replacements: messages, the base URL and the provider code version. */
export const COMMON_UPDATE_KEYS = ['environment', 'adminBaseUrl', 'providerVersion'] as const;

/** The common inputs, echoed into outputs (the engine diffs against outputs). */
export function commonOf(inputs: CommonInputs): CommonInputs {
  return { kind: inputs.kind, environment: inputs.environment, devId: inputs.devId, adminBaseUrl: inputs.adminBaseUrl, providerVersion: inputs.providerVersion };
}

/** Drops undefined members: the provider host cannot encode them. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A desired state with nothing in it but what one resource declares. */
export function desiredWith(inputs: CommonInputs, part: Partial<DesiredTerraState>): DesiredTerraState {
  return { environment: inputs.environment, devId: inputs.devId, undeclaredProviders: 'keep', declared: [], sources: [], credentials: [], scopes: [], notAppliable: [], ...part };
}

/** An observed state made of what one resource last saw. */
export function observedWith(part: Partial<ObservedTerraState>): ObservedTerraState {
  return { sources: [], credentials: [], scopes: [], destinations: [], ...part };
}

/** Stands for the secret reference a pure diff function wants; the provider only ever has the value. */
export const INPUT_SECRET_REF = { fromStackConfig: 'providerInput' } as const;
