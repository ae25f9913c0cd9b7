import { ProjectInvalidError } from '../program-errors';
import { ProgramRefusedError, SecretLeakError } from './plan-errors';
import { findSecretLeak, planReport, type PlanReport } from './plan-report';
import type { PreparedPlan } from './prepare-plan';
import { runProgramUnderMocks } from './run-program';

/**
 * Runs the real program for a prepared plan under Pulumi's mocks and masks the result. Refuses (throws
 * SecretLeakError) rather than return a report in which any secret value the run used appears in clear.
 */
export async function planEnvironment(plan: PreparedPlan, warn: (text: string) => void): Promise<PlanReport> {
  const { root, environment: stack, env, config, envRefs } = plan;
  let run;
  try {
    run = await runProgramUnderMocks({ root, stack, env, missingSecrets: 'placeholder', warn, config: config.values, secretKeys: config.secretKeys });
  } catch (error) {
    if (error instanceof ProjectInvalidError) throw new ProgramRefusedError(error.report);
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
  return report;
}
