/**
 * How the program registers its dynamic resources.
 * - `serialize`: through `pulumi.dynamic.Resource`, which serializes the provider's code into the `__provider`
 *   input so the engine's dynamic provider host can run it: what `pulumi up` needs.
 * - `skip`: same type token, name, inputs and options, but `__provider` only says it was not serialized. For runs
 *   in which nothing will ever call the provider (`terra-iac plan`, under Pulumi's mocks): serializing means
 *   parsing every function the provider reaches with TypeScript, most of a plan's time.
 * Free of @pulumi/* imports: the plan sets Pulumi up with it before loading the SDK.
 */
export type DynamicProviderMode = 'serialize' | 'skip';

/** What the `__provider` input holds when the provider was not serialized. */
export const PROVIDER_NOT_SERIALIZED = '[dynamic provider not serialized: terra-iac plan never runs it; pulumi up serializes it]';
