/**
 * The admin API operations terra-iac calls, keyed by their operationId in admin-api.yaml, with the
 * method, the path under the server URL and the `adminToken` scopes the spec's `security` requires
 * (all of them: one security requirement listing several scopes needs every one).
 */
export interface AdminOperation {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the base URL; `{dev_id}` and the other segments are filled in and percent-encoded. */
  path: string;
  scopes: readonly string[];
}

export const ADMIN_OPERATIONS = {
  /** "Scope-free: any valid token may introspect what it holds." */
  getMe: { method: 'GET', path: '/me', scopes: [] },
  getEnvironment: { method: 'GET', path: '/environments/{dev_id}', scopes: ['account:read'] },
  listSources: { method: 'GET', path: '/environments/{dev_id}/unified-api/sources', scopes: ['providers:read'] },
  enableSource: { method: 'PUT', path: '/environments/{dev_id}/unified-api/sources/{provider}', scopes: ['providers:write'] },
  disableSource: { method: 'DELETE', path: '/environments/{dev_id}/unified-api/sources/{provider}', scopes: ['providers:write'] },
  getSourceCredentials: { method: 'GET', path: '/environments/{dev_id}/unified-api/sources/{provider}/credentials', scopes: ['providers:read'] },
  setSourceCredentials: { method: 'PUT', path: '/environments/{dev_id}/unified-api/sources/{provider}/credentials', scopes: ['providers:write'] },
  getSourceScopes: { method: 'GET', path: '/environments/{dev_id}/unified-api/sources/{provider}/scopes', scopes: ['providers:read'] },
  setSourceScopes: { method: 'PUT', path: '/environments/{dev_id}/unified-api/sources/{provider}/scopes', scopes: ['providers:write'] },
  listDestinations: { method: 'GET', path: '/environments/{dev_id}/unified-api/destinations', scopes: ['destinations:read'] },
  createDestination: { method: 'POST', path: '/environments/{dev_id}/unified-api/destinations', scopes: ['destinations:write'] },
  patchDestination: { method: 'PATCH', path: '/environments/{dev_id}/unified-api/destinations/{destination_id}', scopes: ['destinations:write'] },
  deleteDestination: { method: 'DELETE', path: '/environments/{dev_id}/unified-api/destinations/{destination_id}', scopes: ['destinations:write'] },
  listUnifiedApiScopes: { method: 'GET', path: '/environments/{dev_id}/unified-api/scopes', scopes: ['dataconfig:read'] },
  putUnifiedApiScopes: { method: 'PUT', path: '/environments/{dev_id}/unified-api/scopes', scopes: ['dataconfig:write'] },
  patchUnifiedApiScopes: { method: 'PATCH', path: '/environments/{dev_id}/unified-api/scopes', scopes: ['dataconfig:write'] },
  listProcessing: { method: 'GET', path: '/environments/{dev_id}/unified-api/processing', scopes: ['dataconfig:read'] },
  setProcessing: { method: 'PATCH', path: '/environments/{dev_id}/unified-api/processing', scopes: ['dataconfig:write'] },
  getWidgetConfig: { method: 'GET', path: '/environments/{dev_id}/unified-api/widget/config', scopes: ['dataconfig:read'] },
  setWidgetConfig: { method: 'PUT', path: '/environments/{dev_id}/unified-api/widget/config', scopes: ['dataconfig:write'] },
  rotateEnvironmentApiKey: { method: 'POST', path: '/environments/{dev_id}/api-key/rotate', scopes: ['account:write', 'keys:read'] },
  listWebhookEvents: { method: 'GET', path: '/environments/{dev_id}/webhook-events', scopes: ['events:read'] },
} as const satisfies Record<string, AdminOperation>;

export type AdminOperationId = keyof typeof ADMIN_OPERATIONS;

/** Every scope these operations need, sorted and without repeats. */
export function scopesFor(operations: readonly AdminOperationId[]): string[] {
  return [...new Set(operations.flatMap((id) => ADMIN_OPERATIONS[id].scopes))].sort();
}

/** `/environments/{dev_id}/…` with the segments filled in, each percent-encoded. */
export function operationPath(id: AdminOperationId, segments: Readonly<Record<string, string>>): string {
  return ADMIN_OPERATIONS[id].path.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = segments[name];
    if (value === undefined) throw new Error(`${id}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
