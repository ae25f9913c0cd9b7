import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use. Files in the plain block style take fast-yaml.ts and never need it,
 * and initializing its 70 modules was a fifth of a `validate` run on the shipped project. `require`, not a
 * static import: the bundler turns a static import into an eager initialization at start-up.
 */
export function yamlLib(): typeof Yaml {
  return (lib ??= require('yaml') as typeof Yaml);
}
