/**
 * How a failure ends the process. Only `cli/main.ts` turns a kind into an exit code:
 * `findings` is 1 (the command ran and found something), every other kind is 2.
 */
export type ExitKind = 'usage' | 'config' | 'io' | 'auth' | 'findings';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export function exitCodeOf(kind: ExitKind): number {
  return kind === 'findings' ? EXIT.findings : EXIT.error;
}

export interface ErrorDetails {
  /** How to fix it, printed after the message as `hint: ...`. */
  hint?: string;
  cause?: unknown;
}

/**
 * The one error base of terra-iac: a message that never quotes a secret, an exit kind and a hint. Every typed
 * error extends it; `cli/main.ts` alone prints it and maps it to an exit code, without a stack trace.
 */
export class TerraIacError extends Error {
  override name = 'TerraIacError';
  readonly hint?: string;

  constructor(
    message: string,
    readonly exitKind: ExitKind = 'config',
    details: ErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    // Set again on purpose: Pulumi's closure serializer turns classes into functions that call
    // `Error.call(this, message)`, which returns a new error and leaves `this.message` empty (and it drops
    // class field initializers), so the smoke test's serialized provider would report empty messages.
    this.message = message;
    if (details.hint !== undefined) this.hint = details.hint;
  }
}

/** Wrong flags or arguments: exit code 2, the message, the hint and a pointer to `--help`. */
export class UsageError extends TerraIacError {
  override name = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, 'usage', hint === undefined ? {} : { hint });
  }
}
