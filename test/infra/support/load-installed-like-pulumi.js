'use strict';
// Loads Pulumi.yaml's `main` of a repository made by `terra-iac init` (plain JavaScript, typescript: false)
// the way `pulumi up` does: `require(main)` from the project folder, then calls the exported function inside
// the root stack (@pulumi/pulumi cmd/run/run.ts), under the mock monitor instead of the engine. The
// @pulumi/pulumi is the project's own (node_modules). Prints the registrations and the dynamic providers.
const path = require('node:path');

async function main() {
  const root = process.cwd();
  const pulumi = require(require.resolve('@pulumi/pulumi', { paths: [root] }));
  const project = require('node:fs').readFileSync(path.join(root, 'Pulumi.yaml'), 'utf8');
  const entry = /^main:\s*(\S+)$/m.exec(project)[1];
  const registered = [];
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
  const program = require(path.join(root, entry));
  if (typeof program !== 'function') throw new Error(`${entry} exports a ${typeof program}, not a function`);
  const outputs = await pulumi.runtime.runInPulumiStack(async () => program());
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify({ registered, providers, environment: outputs.environment }));
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
