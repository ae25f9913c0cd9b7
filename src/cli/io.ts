/** What a command may touch of the outside world; only src/cli/main.ts builds it from `process`. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** stdout is a terminal: colour and live progress are allowed (unless NO_COLOR). */
  isTTY: boolean;
  /**
   * Asks a question on the terminal and resolves with the answer line; present only when stdin and stdout
   * are both terminals, so a command can tell "ask" from "refuse".
   */
  prompt?: (question: string) => Promise<string>;
}

/** Colour is for people at a terminal that did not opt out with NO_COLOR (an empty value does not opt out). */
export function colorAllowed(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR;
}
