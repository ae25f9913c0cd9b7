import { escapeUnsafe, escapeUnsafeLine, mapStrings } from '../../core/safe-text';
import { withoutUrlCredentials } from '../../rules/util/url-credentials';
import { PROVIDER_NOT_SERIALIZED } from '../dynamic-provider-mode';
import { isSecretInput } from './recording-mocks';
import type { MockRun } from './run-program';

/** What every secret input and output shows instead of its value. */
export const SECRET_MARKER = '[secret]';

/** Said first in every plan, text or JSON: what a plan is and is not. */
export function planNote(stack: string): string {
  return (
    'This is a plan of the program, not a diff against deployed state: it lists every resource `pulumi up` ' +
    'would register from the files in this checkout, computed in-process under Pulumi\'s mocks with no cloud ' +
    `access and no Pulumi CLI. It does not know what is deployed; \`pulumi preview --stack ${stack}\` shows that diff.`
  );
}

/** One resource in a plan; secret inputs replaced by SECRET_MARKER. */
export interface PlanResource {
  type: string;
  name: string;
  /** Parent resource name; null for the stack itself. */
  parent: string | null;
  /** False for component resources (they group, AWS never sees them). */
  custom: boolean;
  inputs: Record<string, unknown>;
}

/** `terra-iac plan --format json`: stable field names for CI. */
export interface PlanReport {
  kind: 'terra-iac-plan';
  /** What a plan is and is not; first, so nobody reads it as a diff. */
  note: string;
  environment: string;
  stack: string;
  /** How secret values were obtained; they are never shown either way. */
  /** `secretsProvider`: the stack's provider when it is not the passphrase, so placeholders stand in whatever is set. */
  secretValues: { source: 'decrypted' | 'placeholders' | 'none'; secretsProvider?: string; unsetEnvironmentVariables: string[] };
  resources: PlanResource[];
  outputs: Record<string, unknown>;
  summary: { resources: number; components: number; awsResources: number; dynamicResources: number };
}

export interface PlanMeta {
  environment: string;
  stack: string;
  secretValues: PlanReport['secretValues'];
}

/**
 * The plan as data, with every secret input and output masked, credentials inside URLs (user-info,
 * secret-shaped query values) replaced by SECRET_MARKER, and unsafe characters visibly escaped in every
 * string (core/safe-text.ts), so the text and JSON renderings print nothing raw.
 */
export function planReport(run: MockRun, meta: PlanMeta): PlanReport {
  return mapStrings(rawPlanReport(run, meta), escapeUnsafe);
}

function rawPlanReport(run: MockRun, meta: PlanMeta): PlanReport {
  const resources = run.resources.map(
    (r): PlanResource => ({
      type: r.type,
      name: r.name,
      parent: r.parent?.name ?? null,
      custom: r.custom,
      inputs: summarizeProvider(mask(r.inputs) as Record<string, unknown>),
    }),
  );
  const outputs = Object.fromEntries(Object.entries(run.outputs).map(([k, o]) => [k, o.secret ? SECRET_MARKER : mask(o.value)]));
  const custom = resources.filter((r) => r.custom).length;
  return {
    kind: 'terra-iac-plan',
    // Names are one-line fields: a line break in one must not start a line of the plan.
    note: planNote(escapeUnsafeLine(meta.stack)),
    environment: escapeUnsafeLine(meta.environment),
    stack: escapeUnsafeLine(meta.stack),
    secretValues: meta.secretValues,
    resources,
    outputs,
    summary: {
      resources: resources.length,
      components: resources.length - custom,
      awsResources: resources.filter((r) => r.custom && r.type.startsWith('aws:')).length,
      dynamicResources: resources.filter((r) => r.custom && r.type.startsWith('pulumi-nodejs:dynamic/')).length,
    },
  };
}

/**
 * A dynamic resource's `__provider` input: under plan, a note that it was not serialized
 * (PROVIDER_NOT_SERIALIZED); when a run did serialize it, its code (thousands of lines, which Pulumi keeps
 * secret in state): a reviewer needs to know it is there, not to read it.
 */
function summarizeProvider(inputs: Record<string, unknown>): Record<string, unknown> {
  const provider = inputs.__provider;
  if (typeof provider !== 'string' || provider === PROVIDER_NOT_SERIALIZED) return inputs;
  return { ...inputs, __provider: `[serialized dynamic provider, ${Buffer.byteLength(provider)} bytes]` };
}

function mask(value: unknown): unknown {
  if (isSecretInput(value)) return SECRET_MARKER;
  // validate refuses such URLs (webhook-url-credentials); a plan must not print them either way.
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? withoutUrlCredentials(value, SECRET_MARKER) : value;
  if (Array.isArray(value)) return value.map(mask);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
  return value;
}

/**
 * Where a known secret value appears in a rendered plan: never expected, as every secret is masked, but a
 * program bug that passed a secret as a plain input would show it here. Values under 4 characters are
 * skipped: they would match by accident, and no real credential is that short.
 */
export function findSecretLeak(report: PlanReport, secrets: readonly string[]): string | undefined {
  const candidates = secrets.filter((s) => s.length >= 4);
  if (candidates.length === 0) return undefined;
  const leaks = (value: unknown) => candidates.some((s) => JSON.stringify(value).includes(JSON.stringify(s).slice(1, -1)));
  for (const r of report.resources) {
    for (const [key, value] of Object.entries(r.inputs)) if (leaks(value)) return `input ${key} of ${r.type} ${r.name}`;
  }
  for (const [key, value] of Object.entries(report.outputs)) if (leaks(value)) return `stack output ${key}`;
  return undefined;
}
