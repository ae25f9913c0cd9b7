import { SAMPLES_TOKEN, findDataType } from '../../catalog/data-types';
import { TerraIacError } from '../../core/errors';
import { TerraCallError } from '../http/terra-call-error';
import type { WidgetConfig } from './admin-types';
import type { TerraAdminClient } from './client';
import { observedScopes } from './live-data';
import type { DataCall } from './plan-calls-data';

/** `putUnifiedApiScopes`, `patchUnifiedApiScopes activity`, `setProcessing json`: a call as apply reports it. */
export function describeDataCall(call: DataCall): string {
  switch (call.op) {
    case 'putUnifiedApiScopes':
      return call.op;
    case 'patchUnifiedApiScopes':
      return `${call.op} ${call.dataType}`;
    case 'setProcessing':
      return `${call.op} ${call.type}`;
    case 'setWidgetConfig':
      return call.op;
  }
}

/**
 * Makes one data call. Both PUTs replace the whole object, so what config/ does not manage is read back
 * first and sent unchanged: the data types when only samples are declared (and the reverse), the widget's
 * config document and any branding member left out.
 */
export async function executeDataCall(client: TerraAdminClient, devId: string, call: DataCall): Promise<void> {
  switch (call.op) {
    case 'putUnifiedApiScopes': {
      let { types, samples } = call;
      if (types === undefined || samples === undefined) {
        const live = observedScopes(await client.listUnifiedApiScopes(devId));
        types ??= live.types ?? [];
        samples ??= live.samples ?? false;
      }
      const scopes = [...types, ...(samples ? [SAMPLES_TOKEN] : [])];
      try {
        await client.putUnifiedApiScopes(devId, scopes);
      } catch (error) {
        throw entitlementError(error, types) ?? error;
      }
      return;
    }
    case 'patchUnifiedApiScopes':
      await client.patchUnifiedApiScopes(devId, { data_type: call.dataType, fields: [...call.fields] });
      return;
    case 'setProcessing':
      await client.setProcessing(devId, call.type);
      return;
    case 'setWidgetConfig': {
      const current = await client.getWidgetConfig(devId);
      const widget: WidgetConfig = { ...current, widget_name: call.name ?? current.widget_name ?? null, app_logo: call.logoUrl ?? current.app_logo ?? null };
      await client.setWidgetConfig(devId, widget);
      return;
    }
  }
}

/** 403 `access_denied` on the selection: name the gated types it asked for and the entitlement each needs. */
function entitlementError(error: unknown, types: readonly string[]): TerraIacError | undefined {
  if (!(error instanceof TerraCallError) || error.code !== 'access_denied') return undefined;
  const gated = types.flatMap((t) => {
    const entitlement = findDataType(t)?.entitlement;
    return entitlement ? [`${t} needs the ${entitlement} entitlement`] : [];
  });
  const which = gated.length ? gated.join(', ') : 'a data type in data.types needs an entitlement the account lacks';
  return new TerraIacError(`Terra refused the data-type selection with 403 access_denied: ${which}`, 'auth', {
    hint: 'ask Terra to enable the entitlement on the account, or remove the data type from data.types; the selection in Terra is unchanged',
  });
}
