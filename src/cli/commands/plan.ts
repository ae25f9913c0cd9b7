import { resolve } from 'node:path';
import type { planEnvironment as PlanEnvironment } from '../../infra/plan/plan-environment';
import { ProgramRefusedError, ProgramTimeoutError, SecretLeakError, StackConfigError } from '../../infra/plan/plan-errors';
import { preparePlan } from '../../infra/plan/prepare-plan';
import type { renderPlanText as RenderPlanText } from '../../infra/plan/render-plan-text';
import { PassphraseFileError } from '../../infra/stack-passphrase';
import { UsageError as LoadUsageError } from '../../validate/load-project';
import { parseArgs, stringFlag } from '../args';
import { CommandError, EXIT, UsageError, type Command, type Io } from '../io';

const USAGE = `Usage: terra-iac plan --env NAME [--format text|json] [--root DIR]

Lists every resource the Pulumi program would register for config/NAME.yaml and Pulumi.NAME.yaml: type,
name, parent and inputs, secret values shown as [secret]. It runs the real program in-process under
Pulumi's mocks: no Pulumi CLI, no cloud credentials. It is a plan of the program, not a diff against
deployed state (that is \`pulumi preview\`). With PULUMI_CONFIG_PASSPHRASE set, secure stack values are
decrypted (and still never printed); without it, placeholders stand in.

Exit codes: 0 planned, 1 the configuration has errors, 2 usage, configuration or I/O error.`;

const SPEC = {
  env: { value: true },
  format: { value: true, choices: ['text', 'json'] },
  root: { value: true },
  help: {},
};

/**
 * `terra-iac plan --env NAME [--format text|json]`. Validates and builds the stack config first; only then
 * loads the Pulumi half (src/infra/plan/plan-environment.ts), so usage and config errors answer at once.
 */
export const planCommand: Command = async (args, io) => {
  const parsed = parseArgs(args, SPEC);
  if (parsed.flags.help) return help(io);
  const environment = stringFlag(parsed, 'env');
  if (!environment) throw new UsageError('plan needs --env NAME', 'for example: terra-iac plan --env production');
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`, 'plan takes --env, --format and --root');
  const root = resolve(io.cwd, stringFlag(parsed, 'root') ?? '.');
  try {
    const prepared = preparePlan({ root, environment, env: io.env });
    if (prepared.kind === 'invalid') return refused(io, environment, prepared.text);
    const { planEnvironment } = require('../../infra/plan/plan-environment') as { planEnvironment: typeof PlanEnvironment };
    const report = await planEnvironment(prepared.plan, (text) => io.stderr(text));
    if (stringFlag(parsed, 'format') === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout((require('../../infra/plan/render-plan-text') as { renderPlanText: typeof RenderPlanText }).renderPlanText(report));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ProgramRefusedError) return refused(io, environment, error.report);
    throw asCommandError(error);
  }
};

function refused(io: Io, environment: string, report: string): number {
  io.stderr(`terra-iac: ${environment} has errors, so the program would refuse to run:\n\n${report}`);
  return EXIT.findings;
}

function asCommandError(error: unknown): unknown {
  if (error instanceof LoadUsageError) return new UsageError(error.message);
  if (error instanceof StackConfigError) return new CommandError(error.message, error.hint);
  if (error instanceof PassphraseFileError) return new CommandError(error.message, error.hint);
  if (error instanceof ProgramTimeoutError) return new CommandError(error.message, 'an Output of the program never resolved; please report it');
  if (error instanceof SecretLeakError) return new CommandError(error.message, 'this is a terra-iac bug; please report it');
  return error;
}

function help(io: Io): number {
  io.stdout(`${USAGE}\n`);
  return EXIT.ok;
}
