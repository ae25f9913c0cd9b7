import { deployedEnvironment } from '../model/stack-values';
import * as pulumi from '@pulumi/pulumi';
import { UsageError } from '../core/errors';
import { formatText } from '../formatters/text';
import type { Environment } from '../model/environment';
import { enabledProviderCodes } from '../model/enabled-providers';
import type { EnvironmentEntry } from '../validate/project-view';
import { summarize, type Diagnostic } from '../core/diagnostic';
import { loadProject } from '../project';
import type { LoadedProject } from '../validate/load-project';
import { VERSION } from '../core/version';
import { ProjectInvalidError, UnknownEnvironmentError } from './program-errors';
import { TerraS3Destination } from './s3-destination';
import { registerSmokeTest, smokeTestArgs, smokeTestEnabled, smokeTimeoutMs } from './smoke-test';
import { resolveSecretValues, type MissingSecrets } from './secret-values';
import { TerraEnvironment } from './terra-environment';
import { resolveAdminBaseUrl } from '../terra/admin/admin-base-url';
import type { DynamicProviderMode } from './dynamic-provider-mode';

/** Everything the program reads from outside: given by src/index.ts under Pulumi, by `terra-iac plan` under mocks. */
export interface ProgramContext {
  /** Project root: config/, Pulumi.yaml and the stack files. */
  root: string;
  /** Stack name (`pulumi.getStack()`). */
  stack: string;
  /** Environment variables, for `fromEnv` secret references. */
  env: Readonly<Record<string, string | undefined>>;
  /** `fail` under Pulumi; `placeholder` when planning without the secrets. */
  missingSecrets: MissingSecrets;
  /** Where validation warnings go (`pulumi.log.warn` under Pulumi). */
  warn: (text: string) => void;
  /** `serialize` (the default) under Pulumi; `skip` when nothing will run the dynamic providers (plan, under mocks). */
  dynamicProviders?: DynamicProviderMode;
}

/** Stack outputs: names, ARNs and a summary. Never a secret value. */
export interface StackOutputs {
  environment: string;
  tier: string | null;
  summary: { devId: string; apiBaseUrl: string | null; enabledProviders: string[]; webhookHost: string | null };
  secrets: Record<string, { name: string; arn: pulumi.Output<string> }>;
  kmsKey: pulumi.Output<string>;
  readPolicyArn: pulumi.Output<string>;
  destinations: Array<Record<string, string | pulumi.Output<string>>>;
}

/**
 * The terra-iac Pulumi program: validates the project with the same pipeline as `terra-iac validate`, refuses
 * to run on errors, and builds the stack's environment.
 */
export function terraIacProgram(ctx: ProgramContext): StackOutputs {
  const config = new pulumi.Config();
  const environment = deployedEnvironment(ctx.stack, config.get('environment'));
  const project = loadEnvironment(ctx, environment);
  const entry = project.environments.find((e) => e.name === environment);
  if (project.summary.errors > 0 || !entry?.model) throw invalid(project, project.diagnostics);
  // Warnings, not infos: they would print on every `pulumi up`; `terra-iac validate` lists both.
  const warnings = project.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) ctx.warn(report(project, warnings));
  const modeled = entry as EnvironmentEntry & { model: Environment };

  const secrets = resolveSecretValues(modeled, { config, env: ctx.env, stack: ctx.stack, missing: ctx.missingSecrets });
  if (secrets.missing.length > 0) throw invalid(project, secrets.missing);

  const component = new TerraEnvironment(environment, {
    environment,
    model: modeled.model,
    tier: modeled.tier,
    secretValues: secrets.values,
    defaultRegion: new pulumi.Config('aws').get('region'),
    ...(applyToTerra(config) ? { terra: { adminBaseUrl: resolveAdminBaseUrl(undefined, ctx.env.TERRA_ADMIN_BASE_URL, modeled.model.terra.admin?.baseUrl).url } } : {}),
  });
  if (smokeTestEnabled(config)) {
    // Runs after the secrets are stored; a failing check fails `pulumi up` with the (redacted) report.
    registerSmokeTest(
      `${environment}-smoke-test`,
      smokeTestArgs(environment, modeled.model, modeled.tier, component.smokeTest, smokeTimeoutMs(config)),
      { parent: component, dependsOn: component.smokeTest.dependsOn },
      ctx.dynamicProviders ?? 'serialize',
    );
  }
  return stackOutputs(environment, modeled, component);
}

/** Whether `pulumi up` applies the environment to Terra too: `terra-iac:applyToTerra`, default false (Pulumi.yaml). */
function applyToTerra(config: pulumi.Config): boolean {
  return config.getBoolean('applyToTerra') ?? false;
}

function loadEnvironment(ctx: ProgramContext, environment: string): LoadedProject {
  try {
    return loadProject({ root: ctx.root, envs: [environment] });
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UnknownEnvironmentError(
        `terra-iac: stack ${ctx.stack}: ${error.message}\n  hint: name the stack after a config/<env>.yaml file, or set it: pulumi config set environment <env> --stack ${ctx.stack}`,
      );
    }
    throw error;
  }
}

function report(project: LoadedProject, diagnostics: readonly Diagnostic[]): string {
  const sources = new Map(project.files.map((f) => [f.path, f.text]));
  return formatText(diagnostics, { sources, summary: summarize(diagnostics, project.files.length), color: false, toolVersion: VERSION });
}

function invalid(project: LoadedProject, diagnostics: readonly Diagnostic[]): ProjectInvalidError {
  return new ProjectInvalidError(report(project, diagnostics), diagnostics);
}

function stackOutputs(environment: string, entry: EnvironmentEntry & { model: Environment }, component: TerraEnvironment): StackOutputs {
  const { model } = entry;
  return {
    environment,
    tier: entry.tier ?? null,
    summary: {
      devId: model.terra.devId,
      apiBaseUrl: model.terra.apiBaseUrl ?? null,
      enabledProviders: enabledProviderCodes(model),
      webhookHost: model.webhook ? new URL(model.webhook.url).host : null,
    },
    secrets: Object.fromEntries(component.secrets.map((s) => [s.purpose, { name: s.name, arn: s.secret.arn }])),
    kmsKey: component.kmsKeyRef,
    readPolicyArn: component.readPolicyArn,
    destinations: component.destinations.map((d): StackOutputs['destinations'][number] =>
      d instanceof TerraS3Destination
        ? { type: 's3', bucketName: d.bucketName, bucketArn: d.bucketArn, credentialsSecretName: d.credentialsSecretName, credentialsSecretArn: d.credentialsSecretArn }
        : { type: 'sqs', queueUrl: d.queueUrl, queueArn: d.queueArn, credentialsSecretName: d.credentialsSecretName, credentialsSecretArn: d.credentialsSecretArn },
    ),
  };
}
