import * as pulumi from '@pulumi/pulumi';
import { PROVIDER_NOT_SERIALIZED } from './dynamic-provider-mode';

/**
 * A dynamic resource as the engine would see it from `pulumi.dynamic.Resource` (type
 * `pulumi-nodejs:dynamic/<module>:<type>`, @pulumi/pulumi dynamic/index.ts), minus the serialized provider.
 */
export class UnserializedDynamicResource extends pulumi.CustomResource {
  constructor(module: string, type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    if (props.__provider !== undefined) throw new Error('A dynamic resource must not define the __provider key');
    super(`pulumi-nodejs:dynamic/${module}:${type}`, name, { ...props, __provider: PROVIDER_NOT_SERIALIZED }, opts);
  }
}
