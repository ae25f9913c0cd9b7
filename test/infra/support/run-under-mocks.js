'use strict';
// What both loaders do once the program is found: run it the way `pulumi up` does, inside the root stack
// (@pulumi/pulumi cmd/run/run.ts), under the mock monitor instead of the engine, with the stack config of
// TEST_STACK and TEST_CONFIG, then print the registrations, the dynamic providers and the outputs as JSON.

/** `pulumi`: the @pulumi/pulumi the project resolves; `load`: requires the program after the mocks are set. */
async function runUnderMocks(pulumi, load, shownAs) {
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
  const program = load();
  if (typeof program !== 'function') throw new Error(`${shownAs} exports a ${typeof program}, not a function`);
  const outputs = await pulumi.runtime.runInPulumiStack(async () => program());
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify({ registered, providers, environment: outputs.environment }));
}

module.exports = { runUnderMocks };
