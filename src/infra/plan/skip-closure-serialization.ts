import Module = require('node:module');
import { dirname, join } from 'node:path';
import { PROVIDER_NOT_SERIALIZED } from '../dynamic-provider-mode';

/**
 * For the `terra-iac plan` process: Pulumi's closure serializer answers every function with the note
 * PROVIDER_NOT_SERIALIZED instead of serializing it. The program registers its own dynamic resources without it
 * (DynamicProviderMode `skip`); this covers every other `pulumi.dynamic.Resource` (the Terra resources of
 * `terra-iac:applyToTerra`, anything added later), which serializes its provider in its constructor
 * (@pulumi/pulumi dynamic/index.js) by parsing every function it reaches with TypeScript: seconds, for code
 * that under the mocks nothing ever runs. Pulumi's own `pulumi up` process is left alone. Node documents adding
 * require.cache entries; this must run before `@pulumi/pulumi` is first required, and leaves an SDK whose
 * serializer lives elsewhere as it is.
 */
export function skipClosureSerialization(): void {
  let filename: string;
  try {
    filename = join(dirname(require.resolve('@pulumi/pulumi/package.json')), 'runtime', 'closure', 'serializeClosure.js');
    require.resolve(filename);
  } catch {
    return;
  }
  if (require.cache[filename]) return;
  const stub = new Module(filename);
  stub.filename = filename;
  stub.loaded = true;
  // The shapes of runtime/closure/serializeClosure.ts: a SerializedFunction, and the deprecated text-only form.
  stub.exports = {
    serializeFunction: async () => ({ text: PROVIDER_NOT_SERIALIZED, exportName: 'handler', containsSecrets: false }),
    serializeFunctionAsync: async () => PROVIDER_NOT_SERIALIZED,
  };
  require.cache[filename] = stub;
}
