import * as pulumi from '@pulumi/pulumi';
import type { Diagnostic } from '../core/diagnostic';

/**
 * The project does not pass validation, or a secret value is missing: the program stops before creating
 * anything. A `RunError`, so Pulumi prints the message (the located diagnostics, as `terra-iac validate`
 * prints them) without a stack trace (@pulumi/pulumi errors.ts).
 */
export class ProjectInvalidError extends pulumi.RunError {
  override name = 'ProjectInvalidError';
  constructor(
    /** The formatted report: `file:line:column severity message [rule]`, code frame and hint per finding. */
    readonly report: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(`terra-iac: the project has errors; nothing was deployed.\n\n${report}`);
  }
}

/** The stack points at an environment with no config/<env>.yaml. */
export class UnknownEnvironmentError extends pulumi.RunError {
  override name = 'UnknownEnvironmentError';
}
