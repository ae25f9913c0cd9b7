import { TerraIacError } from '../../core/errors';

/**
 * Errors of `terra-iac plan`, each with its exit kind and hint. Kept free of @pulumi/* imports so nothing
 * Pulumi loads before the plan runs.
 */

/** A `secure:` value that does not open with the stack's key (`config`), or a passphrase that does not unlock the stack (`auth`). */
export class StackConfigError extends TerraIacError {
  override name = 'StackConfigError';
  declare readonly hint: string;
  constructor(message: string, hint: string, exitKind: 'config' | 'auth' = 'config') {
    super(message, exitKind, { hint });
  }
}

/** The program did not finish in time under the mocks (an Output that never resolves). */
export class ProgramTimeoutError extends TerraIacError {
  override name = 'ProgramTimeoutError';
  constructor(message: string) {
    super(message, 'config', { hint: 'an Output of the program never resolved; please report it' });
  }
}

/** A secret value would have reached the printed plan unmasked: a program bug, refused rather than printed. */
export class SecretLeakError extends TerraIacError {
  override name = 'SecretLeakError';
  constructor(message: string) {
    super(message, 'config', { hint: 'this is a terra-iac bug; please report it' });
  }
}
