/**
 * A stateful local stand-in for Terra's admin API (admin-api.yaml, `servers: /api/v3/admin`), for the
 * admin client, drift/apply and the Pulumi dynamic resources to be tested against over real HTTP:
 *
 *   const admin = await startLocalTerraAdmin({ seed: { environments: { 'testing-app': { sources: ['garmin'] } } } });
 *   const token = admin.issueToken({ scopes: ['providers:read'] });
 *   await fetch(`${admin.baseUrl}/environments/testing-app/unified-api/sources`, { headers: { authorization: `Bearer ${token}` } });
 *
 * See local-terra-admin/types.ts for the seed and state shapes, options.ts for options, faults and tokens.
 */
export { startLocalTerraAdmin } from './local-terra-admin/server';
export { OPERATION_SCOPES, SPEC_VERSION } from './local-terra-admin/contract';
export type * from './local-terra-admin/types';
export type * from './local-terra-admin/options';
