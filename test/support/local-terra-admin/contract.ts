import { STATUS_CODES } from 'node:http';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import operationsFile from '../../fixtures/terra-admin/operations.json';
import schemasFile from '../../fixtures/terra-admin/schemas.json';
import { SCHEMAS_ID, type VendoredOperation, type VendoredOperationId, type VendoredOperations } from './vendor';

/**
 * The admin API contract, from the schemas vendored out of admin-api.yaml (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12). Requests are validated to produce the server's 400s; responses are validated so the
 * fake cannot drift from the spec.
 */
const vendored = operationsFile as unknown as VendoredOperations;
export const OPERATIONS: Record<VendoredOperationId, VendoredOperation> = vendored.operations;
export const BASE_PATH = vendored.basePath;
export const SPEC_VERSION = vendored.version;
/** Every scope some vendored operation requires. */
export const OPERATION_SCOPES: readonly string[] = [...new Set(Object.values(OPERATIONS).flatMap((op) => op.scopes))].sort();

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// OpenAPI's `example` annotation and its int64 format are not JSON Schema vocabulary.
ajv.addKeyword({ keyword: 'example' });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) });
ajv.addSchema(schemasFile as object);

const compiled = new Map<string, ValidateFunction>();
function validator(name: string): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = ajv.getSchema(`${SCHEMAS_ID}#/$defs/${name}`);
    if (!fn) throw new Error(`schemas.json has no $defs/${name}`);
    compiled.set(name, fn);
  }
  return fn;
}

function field(instancePath: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** ajv errors as the spec's `errors[]` items: "field: message". */
export function fieldErrors(errors: readonly ErrorObject[] | null | undefined, root = 'body'): string[] {
  return (errors ?? []).map((e) => {
    const at = field(e.instancePath);
    const join = (name: string) => (at ? `${at}.${name}` : name);
    switch (e.keyword) {
      case 'required': return `${join(String(e.params.missingProperty))}: is required`;
      case 'additionalProperties': return `${join(String(e.params.additionalProperty))}: is not allowed`;
      case 'minProperties': return `${at || root}: at least ${String(e.params.limit)} field is required`;
      case 'enum': return `${at || root}: must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
      default: return `${at || root}: ${e.message ?? 'is invalid'}`;
    }
  });
}

/** Field errors of a request body against the operation's `requestBody` schema; [] when it conforms. */
export function requestBodyErrors(operationId: VendoredOperationId, body: unknown): string[] {
  const spec = OPERATIONS[operationId].requestBody;
  if (!spec) return [];
  const validate = validator(spec.schema);
  return validate(body) ? [] : fieldErrors(validate.errors);
}

/** Parses and checks the declared query parameters; unknown parameters are left alone. */
export function queryErrors(operationId: VendoredOperationId, query: Record<string, string>): string[] {
  const errors: string[] = [];
  for (const [name, schema] of Object.entries(OPERATIONS[operationId].query)) {
    const raw = query[name];
    if (raw === undefined) continue;
    const type = schema.type;
    if (type === 'boolean' && raw !== 'true' && raw !== 'false') errors.push(`${name}: must be true or false`);
    else if (type === 'integer' && !/^-?\d+$/.test(raw)) errors.push(`${name}: must be an integer`);
    else if (Array.isArray(schema.enum) && !schema.enum.includes(raw)) errors.push(`${name}: must be one of ${schema.enum.join(', ')}`);
  }
  return errors;
}

/** A response about to be sent, as the contract check sees it. */
export interface OutgoingResponse {
  operationId: VendoredOperationId;
  status: number;
  contentType: string | null;
  body: unknown;
  /** The request path and query, which a problem's `instance` must equal. */
  instance: string;
  dryRun: boolean;
  /** Produced by a configured fault (so an undeclared 500 is expected). */
  fault: boolean;
}

/**
 * Statuses the fake sends where the operation declares none, each for a reason the spec gives elsewhere:
 * the IdempotencyKey parameter promises a 409 on every mutation; `createDestination`'s duplicate-URL
 * 409 is an opt-in guess; query-parameter errors are 400s; fault-injected 500s.
 */
function undeclaredAllowed(op: VendoredOperation, res: OutgoingResponse): boolean {
  const code = (res.body as { code?: unknown } | null)?.code;
  if (res.status === 500 && res.fault) return true;
  if (res.status === 409 && code === 'idempotency_key_reuse' && op.idempotencyKey) return true;
  if (res.status === 409 && code === 'conflict' && res.operationId === 'createDestination') return true;
  return res.status === 400 && code === 'validation_failed' && Object.keys(op.query).length > 0;
}

/** Every way `res` breaks the spec; [] when it conforms. */
export function responseViolations(res: OutgoingResponse): string[] {
  const op = OPERATIONS[res.operationId];
  const where = `${res.operationId} ${res.status}`;
  const out: string[] = [];
  const check = (name: string) => {
    const validate = validator(name);
    if (!validate(res.body)) out.push(...fieldErrors(validate.errors, 'body').map((e) => `${where} (${name}): ${e}`));
  };
  if (res.dryRun && res.status === 200) {
    // DryRunResult: "Returned by any mutating endpoint invoked with ?dry_run=true", whatever its 200 declares.
    if (res.contentType !== 'application/json') out.push(`${where}: a dry run answers application/json`);
    check('DryRunResult');
    return out;
  }
  const declared = op.responses[String(res.status)];
  if (!declared && !undeclaredAllowed(op, res)) out.push(`${where}: status ${res.status} is not declared for ${op.method} ${op.path}`);
  const isProblem = res.status >= 400;
  const expectedType = declared?.contentType ?? (isProblem ? 'application/problem+json' : null);
  if (res.contentType !== expectedType) out.push(`${where}: content-type ${String(res.contentType)}, the spec says ${String(expectedType)}`);
  const schema = declared?.schema ?? (isProblem ? 'Problem' : null);
  if (schema === null) {
    if (res.body !== undefined) out.push(`${where}: the spec declares no body`);
    return out;
  }
  check(schema);
  if (isProblem && res.body && typeof res.body === 'object') {
    const problem = res.body as Record<string, unknown>;
    // ProblemExtensions: "No `status`: … the response line is authoritative."
    if ('status' in problem) out.push(`${where}: a problem must not carry \`status\``);
    const title = STATUS_CODES[res.status]?.toLowerCase();
    if (problem.title !== title) out.push(`${where}: title ${JSON.stringify(problem.title)} is not the lowercased status text ${JSON.stringify(title)}`);
    if (problem.instance !== res.instance) out.push(`${where}: instance ${JSON.stringify(problem.instance)} is not the request path ${JSON.stringify(res.instance)}`);
    if (res.status === 400 && !Array.isArray(problem.errors)) out.push(`${where}: a 400 carries errors[]`);
  }
  return out;
}
