import Module = require('node:module');
import { dirname, join } from 'node:path';

/**
 * What `terra-iac plan` never uses of `@pulumi/pulumi`, which its index loads anyway: the Automation API
 * (`pulumi.automation`, with execa and js-yaml), and @npmcli/arborist and normalize-package-data
 * (runtime/closure/codePaths.js, to find the packages a closure or asset needs). With the closure serializer
 * itself skipped (skipClosureSerialization, which keeps TypeScript out), most of what is left of the time it
 * takes to load the SDK. For this process each becomes a module that loads on first use: every property read,
 * key listing, call or `in` loads the real one, so anything that does use them still works, only later.
 * Pulumi's own `pulumi up` process is left alone. Must run before `@pulumi/pulumi` is first required; files
 * that are missing (another SDK layout) are left to Pulumi.
 */
export function deferUnusedPulumiModules(): void {
  let pulumiDir: string;
  try {
    pulumiDir = dirname(require.resolve('@pulumi/pulumi/package.json'));
  } catch {
    return;
  }
  deferModule('@npmcli/arborist', pulumiDir);
  deferModule('normalize-package-data', pulumiDir);
  deferModule(join(pulumiDir, 'automation', 'index.js'));
}

/** Replaces one module, for this process, by a proxy that loads it on first use (exported for its test). */
export function deferModule(request: string, from?: string): void {
  let filename: string;
  try {
    filename = require.resolve(request, from ? { paths: [from] } : undefined);
  } catch {
    return;
  }
  if (require.cache[filename]) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      // Node documents adding and replacing require.cache entries; removing ours lets require load the real file.
      delete require.cache[filename];
      real = require(filename) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const stub = new Module(filename);
  stub.filename = filename;
  stub.loaded = true;
  // A bound function: callable and constructible like a module that exports a function or class, and without
  // the non-configurable `prototype` that would pin the proxy's answers about its own keys.
  const target = function deferred() {}.bind(null);
  stub.exports = new Proxy(target, {
    // TypeScript's `__importStar`/`__importDefault` ask first; true keeps them from copying (so loading) the module.
    get: (_, key) => (key === '__esModule' ? true : key === 'default' ? defaultExport(load()) : load()[key]),
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    apply: (_, self, args) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(load() as unknown as new (...a: unknown[]) => object, args),
  });
  require.cache[filename] = stub;
}

/** What `__importStar(require(x)).default` gives for the real module. */
function defaultExport(real: Record<PropertyKey, unknown>): unknown {
  return real.__esModule ? real.default : real;
}
