/**
 * Errors of `terra-iac plan` that are about the user's files or environment, not bugs. Kept free of
 * @pulumi/* imports so the CLI can recognise them without loading Pulumi.
 */

/** A `secure:` value that does not open with the stack's key, or a passphrase that does not unlock the stack. */
export class StackConfigError extends Error {
  override name = 'StackConfigError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The program did not finish in time under the mocks (an Output that never resolves). */
export class ProgramTimeoutError extends Error {
  override name = 'ProgramTimeoutError';
}

/** A secret value would have reached the printed plan unmasked: a program bug, refused rather than printed. */
export class SecretLeakError extends Error {
  override name = 'SecretLeakError';
}

/** The program refused to run (ProjectInvalidError); `report` holds the located diagnostics. */
export class ProgramRefusedError extends Error {
  override name = 'ProgramRefusedError';
  constructor(readonly report: string) {
    super('the program refused to run');
  }
}
