import { TerraIacError } from '../../core/errors';

/** A diff that cannot be made (unknown environment, invalid file): exit code 2, with a hint. */
export class DiffError extends TerraIacError {
  override name = 'DiffError';
  constructor(message: string, hint?: string) {
    super(message, 'config', hint === undefined ? {} : { hint });
  }
}
