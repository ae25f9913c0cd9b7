import { envOf, type Handler, type RequestContext } from '../context';
import { paginate } from '../pagination';
import { AdminProblem, validationFailed } from '../problem';
import { ATHLETE, DATA_TYPE_TOKENS, SAMPLES } from '../state';
import type { ProcessingKind } from '../types';

/** Data configuration: which data types (PUT), the fields within one (PATCH), and the processing type. */

const PROCESSING: ReadonlyArray<{ type: ProcessingKind; display_name: string }> = [
  { type: 'fhir', display_name: 'FHIR' },
  { type: 'fit', display_name: 'FIT' },
  { type: 'json', display_name: 'TERRA' },
];

const dryRun = (would: string, preview: Record<string, unknown>) => ({ status: 200, body: { dry_run: true, would, preview } });

const processingRows = (ctx: RequestContext) => PROCESSING.map((p) => ({ ...p, selected: envOf(ctx).processing === p.type }));

function fieldRow(ctx: RequestContext, dataType: string) {
  const env = envOf(ctx);
  return { data_type: dataType, fields: [...(env.fields[dataType] ?? [])], samples_enabled: env.samplesEnabled };
}

export const dataConfigHandlers: Record<string, Handler> = {
  // One row per selected data type, lowercase as in the spec's example (`data_type: activity`).
  listUnifiedApiScopes: (ctx) => ({ status: 200, body: paginate(ctx, envOf(ctx).dataTypes.map((t) => fieldRow(ctx, t.toLowerCase()))) }),

  patchUnifiedApiScopes: (ctx) => {
    const request = ctx.body as { data_type: string; fields?: string[] };
    const dataType = request.data_type.toLowerCase();
    const strict = ctx.server.options.casing === 'lowercase-only' && dataType !== request.data_type;
    if (strict || !DATA_TYPE_TOKENS.some((t) => t.toLowerCase() === dataType)) {
      throw validationFailed([`data_type: unknown data type ${JSON.stringify(request.data_type)}`]);
    }
    const fields = [...(request.fields ?? [])];
    if (ctx.dryRun) return dryRun('replace_fields', { data_type: dataType, fields });
    envOf(ctx).fields[dataType] = fields;
    return { status: 200, body: fieldRow(ctx, dataType) };
  },

  putUnifiedApiScopes: (ctx) => {
    const tokens = (ctx.body as { scopes: string[] }).scopes.map((t) => t.trim()).filter((t) => t !== '');
    const known = new Set<string>([...DATA_TYPE_TOKENS, SAMPLES]);
    const errors = tokens.flatMap((t, i) => (known.has(t) ? [] : [`scopes[${i}]: unrecognised data type ${JSON.stringify(t)}`]));
    if (errors.length > 0) throw validationFailed(errors);
    if (tokens.includes('HEALTH_OBSERVATION') && !(ctx.server.options.entitlements ?? []).includes('health_observation')) {
      throw new AdminProblem(403, 'access_denied', 'HEALTH_OBSERVATION requires the health_observation entitlement', {
        remediation: 'Ask Terra to enable the health_observation entitlement, or leave HEALTH_OBSERVATION out.',
      });
    }
    const selected = [ATHLETE, ...new Set(tokens.filter((t) => t !== ATHLETE && t !== SAMPLES))];
    const samples = tokens.includes(SAMPLES);
    if (ctx.dryRun) return dryRun('replace_data_types', { scopes: selected, samples_enabled: samples });
    const env = envOf(ctx);
    // "Send the complete desired set: anything omitted is deselected."
    env.dataTypes = selected;
    env.samplesEnabled = samples;
    return { status: 200, body: { scopes: [...selected], samples_enabled: samples } };
  },

  listProcessing: (ctx) => ({ status: 200, body: paginate(ctx, processingRows(ctx)) }),

  setProcessing: (ctx) => {
    const type = (ctx.body as { type: ProcessingKind }).type;
    // "Supports ?dry_run=true" (prose only; the parameter is not declared).
    if (ctx.dryRun) return dryRun('set_processing', { type });
    envOf(ctx).processing = type;
    return { status: 200, body: { data: processingRows(ctx), has_more: false, next_cursor: null } };
  },
};
