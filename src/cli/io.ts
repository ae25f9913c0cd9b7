/** What a command may touch of the outside world; only src/cli/main.ts builds it from `process`. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** stdout is a terminal: colour and live progress are allowed (unless NO_COLOR). */
  isTTY: boolean;
}

/** Colour is for people at a terminal that did not opt out with NO_COLOR (an empty value does not opt out). */
export function colorAllowed(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR;
}

/** Wrong flags or arguments: exit code 2 with the message and usage. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A problem with configuration or I/O that is not a finding: exit code 2, no stack trace. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export type Command = (args: readonly string[], io: Io) => Promise<number>;
