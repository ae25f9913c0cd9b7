import { parse } from 'yaml';

/**
 * Turns Terra's admin OpenAPI document (admin-api.yaml, OpenAPI 3.1) into the two JSON files the local
 * admin server validates against: `schemas.json` (JSON Schema 2020-12, every schema under `$defs`) and
 * `operations.json` (method, path, scopes, parameters and response table per operationId). Pure, so the
 * freshness test can regenerate and compare.
 */

/** The operations the local server implements, by operationId. */
export const VENDORED_OPERATIONS = [
  'getMe',
  'listEnvironments',
  'createEnvironmentProfile',
  'getEnvironment',
  'patchEnvironmentProfile',
  'getEnvironmentApiKey',
  'rotateEnvironmentApiKey',
  'getWidgetConfig',
  'setWidgetConfig',
  'listSources',
  'enableSource',
  'disableSource',
  'getSourceCredentials',
  'setSourceCredentials',
  'getSourceScopes',
  'setSourceScopes',
  'listDestinations',
  'createDestination',
  'patchDestination',
  'deleteDestination',
  'listUnifiedApiScopes',
  'patchUnifiedApiScopes',
  'putUnifiedApiScopes',
  'listProcessing',
  'setProcessing',
  'listWebhookEvents',
] as const;
export type VendoredOperationId = (typeof VENDORED_OPERATIONS)[number];

/** Schemas every response check needs even when no vendored operation names them directly. */
const ALWAYS = ['Problem', 'DryRunResult'];

export const SCHEMAS_ID = 'https://terra-iac.local/terra-admin/schemas.json';

export interface VendoredResponse {
  contentType: string | null;
  /** Key under `$defs` in schemas.json, or null for a response without a body (204). */
  schema: string | null;
  headers: string[];
}

export interface VendoredOperation {
  method: string;
  path: string;
  /** Scopes the `adminToken` security requirement names (all of them are required); [] = scope-free. */
  scopes: string[];
  idempotencyKey: boolean;
  dryRun: boolean;
  query: Record<string, Record<string, unknown>>;
  requestBody: { required: boolean; contentType: string; schema: string } | null;
  responses: Record<string, VendoredResponse>;
}

export interface VendoredOperations {
  source: string;
  version: string;
  basePath: string;
  operations: Record<VendoredOperationId, VendoredOperation>;
}

type Json = Record<string, unknown>;

const COMPONENT_SCHEMA = '#/components/schemas/';

export function vendorAdminSchemas(yamlText: string): { 'schemas.json': string; 'operations.json': string } {
  const doc = parse(yamlText) as Json;
  const components = (doc.components ?? {}) as Json;
  const componentSchemas = (components.schemas ?? {}) as Record<string, Json>;
  const defs: Record<string, unknown> = {};
  const pending = [...ALWAYS];

  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_SCHEMA)) {
        const name = value.slice(COMPONENT_SCHEMA.length);
        pending.push(name);
        out[key] = `#/$defs/${name}`;
      } else out[key] = rewrite(value);
    }
    return out;
  };
  const resolve = <T>(node: T, section: string): T => {
    const ref = (node as Json | undefined)?.$ref;
    if (typeof ref !== 'string') return node;
    const prefix = `#/components/${section}/`;
    if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
    const target = (components[section] as Json | undefined)?.[ref.slice(prefix.length)];
    if (!target) throw new Error(`dangling $ref ${ref}`);
    return target as T;
  };
  const schemaKey = (schema: Json, inlineName: string): string => {
    const ref = schema.$ref;
    if (typeof ref === 'string' && ref.startsWith(COMPONENT_SCHEMA) && Object.keys(schema).length === 1) {
      const name = ref.slice(COMPONENT_SCHEMA.length);
      pending.push(name);
      return name;
    }
    defs[inlineName] = rewrite(schema);
    return inlineName;
  };

  const found = new Map<string, VendoredOperation>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Json;
      const id = op.operationId as string | undefined;
      if (!id || !(VENDORED_OPERATIONS as readonly string[]).includes(id)) continue;
      const parameters = ((op.parameters ?? []) as Json[]).map((p) => resolve(p, 'parameters'));
      const query: Record<string, Record<string, unknown>> = {};
      for (const p of parameters) if (p.in === 'query') query[p.name as string] = p.schema as Json;
      const security = (op.security ?? doc.security ?? []) as Array<Record<string, string[]>>;
      const scopes = security.flatMap((requirement) => requirement.adminToken ?? []);
      let requestBody: VendoredOperation['requestBody'] = null;
      if (op.requestBody) {
        const body = resolve(op.requestBody as Json, 'requestBodies');
        const [contentType, media] = Object.entries(body.content as Record<string, Json>)[0]!;
        requestBody = { required: body.required === true, contentType, schema: schemaKey(media.schema as Json, `${id}_request`) };
      }
      const responses: Record<string, VendoredResponse> = {};
      for (const [status, rawResponse] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
        const response = resolve(rawResponse, 'responses');
        const content = Object.entries((response.content ?? {}) as Record<string, Json>)[0];
        responses[status] = {
          contentType: content ? content[0] : null,
          schema: content ? schemaKey(content[1].schema as Json, `${id}_${status}_response`) : null,
          headers: Object.keys((response.headers ?? {}) as Json),
        };
      }
      found.set(id, {
        method: method.toUpperCase(),
        path,
        scopes,
        idempotencyKey: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        dryRun: parameters.some((p) => p.in === 'query' && p.name === 'dry_run'),
        query,
        requestBody,
        responses,
      });
    }
  }
  const missing = VENDORED_OPERATIONS.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`admin-api.yaml has no operation ${missing.join(', ')}`);

  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name in defs) continue;
    const schema = componentSchemas[name];
    if (!schema) throw new Error(`admin-api.yaml has no components.schemas.${name}`);
    defs[name] = null; // reserve before rewriting, so cycles terminate
    defs[name] = rewrite(schema);
  }

  const info = (doc.info ?? {}) as Json;
  const source = 'shared/terra/openapi/admin-api.yaml';
  const servers = (doc.servers ?? []) as Json[];
  const sortedDefs = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  const schemas = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMAS_ID,
    $comment: `Generated from ${source} (info.version ${String(info.version)}) by scripts/vendor-admin-schemas.ts; do not edit.`,
    $defs: sortedDefs,
  };
  const operations: VendoredOperations = {
    source,
    version: String(info.version),
    basePath: String(servers[0]?.url ?? ''),
    operations: Object.fromEntries(VENDORED_OPERATIONS.map((id) => [id, found.get(id)!])) as VendoredOperations['operations'],
  };
  return {
    'schemas.json': `${JSON.stringify(schemas, null, 2)}\n`,
    'operations.json': `${JSON.stringify(operations, null, 2)}\n`,
  };
}
