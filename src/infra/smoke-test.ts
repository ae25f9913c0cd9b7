import * as pulumi from '@pulumi/pulumi';
import type { Tier } from '../catalog/environment-limits';
import type { Environment } from '../model/environment';
import { smokeProviders } from '../terra/smoke/smoke-target';
import type { CheckId, CheckResult, DeclaredProvider } from '../terra/smoke/smoke-types';
import { smokeTestProvider } from './smoke-test-provider';
import type { DynamicProviderMode } from './dynamic-provider-mode';
import { UnserializedDynamicResource } from './unserialized-dynamic-resource';

/** Inputs of `TerraSmokeTest`. Targets are plain; the two credentials must be Pulumi secrets. */
export interface TerraSmokeTestArgs {
  /** Environment name (config/<name>.yaml), used in the report and the resource id. */
  environment: pulumi.Input<string>;
  /** Environment tier; testing and staging get the 50-user quota check. */
  tier?: pulumi.Input<Tier>;
  /** Terra dev-id (not a secret). */
  devId: pulumi.Input<string>;
  /** Data-API base URL; Terra's default host when omitted. */
  apiBaseUrl?: pulumi.Input<string>;
  /** Webhook destination to test; the webhook checks are skipped without one. */
  webhookUrl?: pulumi.Input<string>;
  /** Declared providers (see `smokeProviders(model)`). */
  providers: pulumi.Input<DeclaredProvider[]>;
  /** Time limit of each check in milliseconds (stack config `terra-iac:smokeTimeoutMs`, default 10000). */
  timeoutMs?: pulumi.Input<number>;
  /** Check ids not to run, e.g. `widget.session`. */
  skip?: pulumi.Input<CheckId[]>;
  /** Terra API key; wrapped in `pulumi.secret` here in case the caller did not. */
  apiKey: pulumi.Input<string>;
  /** The webhook destination's signing secret; wrapped in `pulumi.secret` here too. */
  webhookSigningSecret?: pulumi.Input<string>;
}

const MODULE = 'terra-iac';
const TYPE = 'TerraSmokeTest';

/**
 * Runs the Terra smoke test inside `pulumi up`, after the resources it `dependsOn` (the stored secrets):
 * a failing check fails the deployment with the check report. It reports a change on every preview by
 * design (https://www.pulumi.com/docs/iac/concepts/resources/dynamic-providers/); stack config `terra-iac:smokeTest: false` leaves it out.
 */
export class TerraSmokeTest extends pulumi.dynamic.Resource {
  /** One line per status count, e.g. `testing: 8 passed, 0 warnings, 0 failed, 0 skipped`. */
  declare readonly summary: pulumi.Output<string>;
  /** Every check with status, message and duration. */
  declare readonly checks: pulumi.Output<CheckResult[]>;
  /** ISO time of the last run. */
  declare readonly ranAt: pulumi.Output<string>;

  constructor(name: string, args: TerraSmokeTestArgs, opts?: pulumi.CustomResourceOptions) {
    super(smokeTestProvider, name, smokeTestProps(args), smokeTestOptions(opts), MODULE, TYPE);
  }
}

/**
 * The smoke test as the program registers it: a `TerraSmokeTest` (provider serialized) for `pulumi up`, or with
 * `skip` (`terra-iac plan`, where nothing runs it) the same type, name, inputs and options without the provider.
 */
export function registerSmokeTest(
  name: string,
  args: TerraSmokeTestArgs,
  opts: pulumi.CustomResourceOptions | undefined,
  providers: DynamicProviderMode,
): pulumi.CustomResource {
  if (providers === 'serialize') return new TerraSmokeTest(name, args, opts);
  return new UnserializedDynamicResource(MODULE, TYPE, name, smokeTestProps(args), smokeTestOptions(opts));
}

/** The inputs, credentials wrapped in `pulumi.secret`, and the outputs the provider fills in. */
function smokeTestProps(args: TerraSmokeTestArgs): pulumi.Inputs {
  return {
    ...args,
    apiKey: pulumi.secret(args.apiKey),
    webhookSigningSecret: args.webhookSigningSecret === undefined ? undefined : pulumi.secret(args.webhookSigningSecret),
    summary: undefined,
    checks: undefined,
    ranAt: undefined,
  };
}

function smokeTestOptions(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: ['apiKey', 'webhookSigningSecret'] };
}

/** Whether this stack runs the smoke test: `terra-iac:smokeTest`, default true (Pulumi.yaml). */
export function smokeTestEnabled(config: pulumi.Config): boolean {
  return config.getBoolean('smokeTest') ?? true;
}

/** The per-check time limit from `terra-iac:smokeTimeoutMs`, when set. */
export function smokeTimeoutMs(config: pulumi.Config): number | undefined {
  return config.getNumber('smokeTimeoutMs');
}

/** Args from the validated model plus the credentials (e.g. `TerraEnvironment.smokeTest`), for the program. */
export function smokeTestArgs(
  environment: string,
  model: Environment,
  tier: Tier | undefined,
  credentials: { apiKey: pulumi.Input<string>; webhookSigningSecret?: pulumi.Input<string> },
  timeoutMs?: number,
): TerraSmokeTestArgs {
  return {
    environment,
    tier,
    devId: model.terra.devId,
    apiBaseUrl: model.terra.apiBaseUrl,
    webhookUrl: model.webhook?.url,
    providers: smokeProviders(model),
    timeoutMs,
    apiKey: credentials.apiKey,
    webhookSigningSecret: credentials.webhookSigningSecret,
  };
}
