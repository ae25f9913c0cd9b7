import { formatText } from '../../formatters/text';
import { collectSecretRefs, PROJECT_NAMESPACE } from '../../model/secret-refs';
import type { Diagnostic } from '../../core/diagnostic';
import { loadProject } from '../../project';
import { VERSION } from '../../core/version';
import { passphraseFromEnv } from '../../load/stack-passphrase';
import { programConfig, type ProgramConfig } from './stack-config';

export interface PlanRequest {
  root: string;
  /** config/<environment>.yaml; the stack is Pulumi.<environment>.yaml. */
  environment: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Everything a plan needs before Pulumi is loaded. */
export interface PreparedPlan extends PlanRequest {
  config: ProgramConfig;
  /** Environment variables the environment's `fromEnv` references name. */
  envRefs: string[];
}

export type Preparation = { kind: 'invalid'; text: string; diagnostics: readonly Diagnostic[] } | { kind: 'ready'; plan: PreparedPlan };

/**
 * The part of a plan that needs no Pulumi: validate the environment with the same pipeline as
 * `terra-iac validate` (its stack config is needed before the program can run), and build the config
 * `pulumi up` would give the program. Throws a UsageError for an unknown environment.
 */
export function preparePlan(request: PlanRequest): Preparation {
  const { root, environment, env } = request;
  const project = loadProject({ root, envs: [environment] });
  if (project.summary.errors > 0) {
    const sources = new Map(project.files.map((f) => [f.path, f.text]));
    const text = formatText(project.diagnostics, { sources, summary: project.summary, color: false, toolVersion: VERSION });
    return { kind: 'invalid', text, diagnostics: project.diagnostics };
  }
  const config = programConfig({
    projectName: project.projectFile?.model?.name ?? PROJECT_NAMESPACE,
    project: project.projectFile?.model,
    stackName: environment,
    stack: project.stacks.find((s) => s.name === environment)?.model,
    passphrase: passphraseFromEnv(env),
  });
  const model = project.environments.find((e) => e.name === environment)?.model;
  const envRefs = collectSecretRefs(model).flatMap((f) => ('fromEnv' in f.ref ? [f.ref.fromEnv] : []));
  return { kind: 'ready', plan: { ...request, config, envRefs } };
}
