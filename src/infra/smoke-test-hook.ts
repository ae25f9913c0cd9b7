import type * as pulumi from '@pulumi/pulumi';

/**
 * What the smoke test needs from an environment, exposed by TerraEnvironment for the program to hand to
 * `TerraSmokeTest` (src/infra/smoke-test.ts). Non-secret targets travel as plain values; the two credentials
 * as secret Outputs; `dependsOn` makes the test run after the secrets it reads are stored.
 */
export interface SmokeTestHook {
  devId: string;
  /** Declared data-API base URL; undefined means Terra's default. */
  apiBaseUrl?: string;
  /** Declared webhook destination URL, when the environment has one. */
  webhookUrl?: string;
  /** The Terra API key, always a Pulumi secret. */
  apiKey: pulumi.Output<string>;
  /** The webhook signing secret, always a Pulumi secret; undefined without a webhook. */
  webhookSigningSecret?: pulumi.Output<string>;
  /** Pass as `dependsOn` of the smoke test resource. */
  dependsOn: pulumi.Resource[];
}
