import { assertBuilt, baseEnv, runCli, type CliResult } from '../../cli/helpers';
import { REPO } from './shipped';

export { STACK_FRAME, type CliResult } from '../../cli/helpers';

/** `node bin/terra-iac.js ...args` in a fresh process with PATH and HOME only, plus `env`. */
export function terraIac(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  assertBuilt();
  return runCli(args, { cwd: options.cwd ?? REPO, env: baseEnv(options.env), timeoutMs: 120_000 });
}
