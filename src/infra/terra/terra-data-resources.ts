import * as pulumi from '@pulumi/pulumi';
import type { ProcessingFormat } from '../../catalog/data-types';
import type { DesiredTerraState } from '../../terra/admin/desired';
import { terraProvider } from './terra-provider';
import type { TerraCommonArgs } from './terra-resources';

export interface TerraDataTypesArgs extends TerraCommonArgs {
  /** Upper case, sorted, without ATHLETE; left out: Terra's selection is kept. */
  types?: readonly string[];
  /** The SAMPLES flag; left out: Terra's is kept. */
  samples?: boolean;
}

export interface TerraDataFieldsArgs extends TerraCommonArgs {
  /** Lower case: `activity`. */
  dataType: string;
  fields: readonly string[];
}

export interface TerraProcessingArgs extends TerraCommonArgs {
  type: ProcessingFormat;
}

export interface TerraWidgetConfigArgs extends TerraCommonArgs {
  /** widget_name; left out: Terra's is kept. */
  name?: string;
  /** app_logo; left out: Terra's is kept. */
  logoUrl?: string;
}

const TOKEN_NAMESPACE = 'terra-iac';

/** Which data types Terra collects, and the samples flag (`putUnifiedApiScopes`). */
export class TerraDataTypes extends pulumi.dynamic.Resource {
  declare readonly types: pulumi.Output<string[]>;
  declare readonly samples: pulumi.Output<boolean>;

  constructor(name: string, args: TerraDataTypesArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'dataTypes', types: undefined, samples: undefined, ...args }, opts, TOKEN_NAMESPACE, 'TerraDataTypes');
  }
}

/** The fields Terra sends for one data type (`patchUnifiedApiScopes`). */
export class TerraDataFields extends pulumi.dynamic.Resource {
  declare readonly fields: pulumi.Output<string[]>;

  constructor(name: string, args: TerraDataFieldsArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'dataFields', ...args }, opts, TOKEN_NAMESPACE, 'TerraDataFields');
  }
}

/** The payloads' output format (`setProcessing`). */
export class TerraProcessing extends pulumi.dynamic.Resource {
  declare readonly type: pulumi.Output<ProcessingFormat | null>;

  constructor(name: string, args: TerraProcessingArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'processing', ...args }, opts, TOKEN_NAMESPACE, 'TerraProcessing');
  }
}

/** The widget's name and logo (`setWidgetConfig`; the config document is kept as Terra has it). */
export class TerraWidgetConfig extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string | null>;
  declare readonly logoUrl: pulumi.Output<string | null>;

  constructor(name: string, args: TerraWidgetConfigArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'widget', name: undefined, logoUrl: undefined, ...args }, opts, TOKEN_NAMESPACE, 'TerraWidgetConfig');
  }
}

/**
 * The data configuration and widget of one environment as resources, for what config/ manages only. None
 * of them can be undone through the admin API, so all are retained on delete; the fields of a data type
 * wait for the data-type selection.
 */
export function terraDataResources(environment: string, desired: DesiredTerraState, common: TerraCommonArgs, parent: pulumi.Resource): pulumi.CustomResource[] {
  const out: pulumi.CustomResource[] = [];
  const opts = { parent, retainOnDelete: true };
  const data = desired.data;
  let types: TerraDataTypes | undefined;
  if (data && (data.types !== undefined || data.samples !== undefined)) {
    const args: TerraDataTypesArgs = { ...common, ...(data.types ? { types: [...data.types] } : {}), ...(data.samples !== undefined ? { samples: data.samples } : {}) };
    out.push((types = new TerraDataTypes(`${environment}-data-types`, args, opts)));
  }
  for (const f of data?.fields ?? []) {
    out.push(new TerraDataFields(`${environment}-data-fields-${f.dataType}`, { ...common, dataType: f.dataType, fields: [...f.fields] }, { ...opts, dependsOn: types ? [types] : [] }));
  }
  if (data?.processing) out.push(new TerraProcessing(`${environment}-processing`, { ...common, type: data.processing }, opts));
  const widget = desired.widget;
  if (widget && (widget.name !== undefined || widget.logoUrl !== undefined)) {
    const args: TerraWidgetConfigArgs = { ...common, ...(widget.name !== undefined ? { name: widget.name } : {}), ...(widget.logoUrl !== undefined ? { logoUrl: widget.logoUrl } : {}) };
    out.push(new TerraWidgetConfig(`${environment}-widget`, args, opts));
  }
  return out;
}
