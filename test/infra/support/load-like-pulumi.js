'use strict';
// Loads Pulumi.yaml's `main` (src/index.ts) the way `pulumi up` does for a TypeScript project: Pulumi's own
// ts-node registration (the vendored ts-node 7 and the project's TypeScript, tsconfig.json, nodenext), then
// `require(main)`, then calls the exported function inside the root stack (@pulumi/pulumi cmd/run/run.ts).
// Under the mock monitor instead of the engine. Type checking is left to `npm run typecheck` (transpileOnly),
// which is what PULUMI_NODEJS_TRANSPILE_ONLY=true does. Prints the registrations, the dynamic providers and the outputs as JSON.
const path = require('node:path');

async function main() {
  const root = process.cwd();
  const pulumiDir = path.dirname(require.resolve('@pulumi/pulumi/package.json', { paths: [root] }));
  const tsutils = require(path.join(pulumiDir, 'tsutils'));
  const compilerOptions = tsutils.loadTypeScriptCompilerOptions('tsconfig.json');
  const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
  require(tsnodeRequire).register({
    compiler: typescriptRequire,
    transpileOnly: true,
    project: 'tsconfig.json',
    skipProject: false,
    compilerOptions: { target: 'ES2020', module: 'nodenext', moduleResolution: 'nodenext', sourceMap: 'true', ...compilerOptions },
  });
  const pulumi = require('@pulumi/pulumi');
  const registered = [];
  /** The `__provider` input of each dynamic resource, by name. */
  const providers = {};
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(`${args.type} ${args.name}`);
        if (typeof args.inputs.__provider === 'string') providers[args.name] = args.inputs.__provider;
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn-of-${args.name}` } };
      },
      call: (args) => {
        throw new Error(`unexpected call ${args.token}`);
      },
    },
    'terra-iac',
    process.env.TEST_STACK,
    false,
  );
  const { config, secretKeys } = JSON.parse(process.env.TEST_CONFIG);
  pulumi.runtime.setAllConfig(config, secretKeys);
  const main = require(path.join(root, 'src', 'index.ts'));
  if (typeof main !== 'function') throw new Error(`src/index.ts exports a ${typeof main}, not a function`);
  const outputs = await pulumi.runtime.runInPulumiStack(async () => main());
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify({ registered, providers, environment: outputs.environment }));
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
