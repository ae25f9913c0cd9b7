import { EXIT, UsageError } from '../../core/errors';
import type { planEnvironment as PlanEnvironment } from '../../infra/plan/plan-environment';
import { deferUnusedPulumiModules } from '../../infra/plan/defer-unused-pulumi-modules';
import { preparePlan } from '../../infra/plan/prepare-plan';
import { skipClosureSerialization } from '../../infra/plan/skip-closure-serialization';
import type { renderPlanText as RenderPlanText } from '../../infra/plan/render-plan-text';
import type { Io } from '../io';
import type { PlanArgs } from './plan';
import { projectRoot } from '../project-root';

/**
 * `terra-iac plan --env NAME [--format text|json] [--root DIR]`. Validates and builds the stack config
 * first; only then loads the Pulumi half (src/infra/plan/plan-environment.ts), so usage and config errors
 * answer at once.
 */
export async function run({ values, positionals }: PlanArgs, io: Io): Promise<number> {
  const environment = values.env;
  if (!environment) throw new UsageError('plan needs --env NAME', 'for example: terra-iac plan --env production');
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`, 'plan takes --env, --format and --root');
  const root = projectRoot(values.root, io.cwd);
  const prepared = preparePlan({ root, environment, env: io.env });
  if (prepared.kind === 'invalid') return refused(io, environment, prepared.text);
  skipClosureSerialization();
  deferUnusedPulumiModules();
  const { planEnvironment } = require('../../infra/plan/plan-environment') as { planEnvironment: typeof PlanEnvironment };
  const outcome = await planEnvironment(prepared.plan, (text) => io.stderr(text));
  if (outcome.kind === 'refused') return refused(io, environment, outcome.text);
  if (values.format === 'json') io.stdout(`${JSON.stringify(outcome.report, null, 2)}\n`);
  else io.stdout((require('../../infra/plan/render-plan-text') as { renderPlanText: typeof RenderPlanText }).renderPlanText(outcome.report));
  return EXIT.ok;
}

/** The environment has errors: they are the findings (exit 1), printed located as `validate` prints them. */
function refused(io: Io, environment: string, report: string): number {
  io.stderr(`terra-iac: ${environment} has errors, so the program would refuse to run:\n\n${report}`);
  return EXIT.findings;
}
