/** What a command may touch of the outside world; only src/cli/main.ts builds it from `process`. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** stdout is a terminal: live progress is allowed, and colour unless the environment says otherwise (colorAllowed). */
  isTTY: boolean;
  /**
   * Asks a question on the terminal and resolves with the answer line; present only when stdin and stdout
   * are both terminals, so a command can tell "ask" from "refuse".
   */
  prompt?: (question: string) => Promise<string>;
}

/**
 * Colour, decided as Node decides it for its own output (util.styleText, tty.WriteStream#getColorDepth:
 * https://nodejs.org/api/tty.html#writestreamgetcolordepthenv), so terra-iac agrees with the tools around it:
 * 1. FORCE_COLOR wins when set: '', 1, 2, 3 or true turn colour on even when stdout is not a terminal (a CI
 *    log that renders ANSI); any other value (0, false) turns it off, even on a terminal;
 * 2. else NO_COLOR (https://no-color.org: set and not empty; an empty value does not opt out) or
 *    NODE_DISABLE_COLORS turn it off, and so does TERM=dumb (terminfo's terminal without colour control);
 * 3. else colour only on a terminal.
 */
export function colorAllowed(io: Pick<Io, 'env' | 'isTTY'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return FORCE_ON.has(force);
  if (io.env.NO_COLOR || io.env.NODE_DISABLE_COLORS || io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

/** The FORCE_COLOR values Node reads as 16, 256 or 16 million colours; every other value is "no colour". */
const FORCE_ON: ReadonlySet<string> = new Set(['', '1', 'true', '2', '3']);
