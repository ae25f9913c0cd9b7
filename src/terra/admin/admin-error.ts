import { TerraIacError, type ExitKind } from '../../core/errors';

/** Why the admin client refused to work before or around a call (not an answer from Terra). */
export type AdminErrorReason =
  | 'token-missing'
  | 'data-token'
  | 'token-kind'
  | 'token-expired'
  | 'audience'
  | 'scope-missing'
  | 'base-url-missing'
  | 'base-url-invalid'
  | 'read-only';

/**
 * A problem with how the admin API is being used: no or the wrong token, a token that cannot do what is
 * planned, no base URL, a mutation in read-only mode. Answers from Terra are TerraCallErrors instead.
 * It has a method of its own so that `instanceof` survives Pulumi's closure serialization (pulumi/pulumi#10974).
 */
export class AdminError extends TerraIacError {
  override name = 'AdminError';

  constructor(
    readonly reason: AdminErrorReason,
    message: string,
    exitKind: ExitKind,
    hint?: string,
  ) {
    super(message, exitKind, hint === undefined ? {} : { hint });
  }

  /** Message and hint on one line, as a check or a report line shows them. */
  describe(): string {
    return this.hint ? `${this.message}; ${this.hint}` : this.message;
  }
}
