import { ProjectInvalidError } from '../program-errors';
import { SecretLeakError } from './plan-errors';
import { findSecretLeak, planReport, type PlanReport } from './plan-report';
import type { PreparedPlan } from './prepare-plan';
import { runProgramUnderMocks } from './run-program';

/** The plan, or the program's refusal (ProjectInvalidError) with its located diagnostics: findings, not an error. */
export type PlanOutcome = { kind: 'planned'; report: PlanReport } | { kind: 'refused'; text: string };

/**
 * Runs the real program for a prepared plan under Pulumi's mocks and masks the result. Refuses (throws
 * SecretLeakError) rather than return a report in which any secret value the run used appears in clear.
 */
export async function planEnvironment(plan: PreparedPlan, warn: (text: string) => void): Promise<PlanOutcome> {
  const { root, environment: stack, env, config, envRefs } = plan;
  let run;
  try {
    run = await runProgramUnderMocks({ root, stack, env, missingSecrets: 'placeholder', warn, config: config.values, secretKeys: config.secretKeys });
  } catch (error) {
    if (error instanceof ProjectInvalidError) return { kind: 'refused', text: error.report };
    throw error;
  }
  const report = planReport(run, {
    environment: String(run.outputs.environment?.value ?? stack),
    stack,
    secretValues: {
      source: config.secrets,
      ...(config.secretsProvider === undefined ? {} : { secretsProvider: config.secretsProvider }),
      unsetEnvironmentVariables: envRefs.filter((name) => !env[name]),
    },
  });
  const secrets = [...config.decryptedSecrets, ...envRefs.flatMap((name) => (env[name] ? [env[name]!] : []))];
  const leak = findSecretLeak(report, secrets);
  if (leak) throw new SecretLeakError(`refusing to print the plan: a secret value reaches ${leak} unmasked`);
  return { kind: 'planned', report };
}
