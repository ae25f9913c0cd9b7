import type { AnyCommand } from './command';

type Spec = { command: AnyCommand };

/**
 * Every command, in the order the usage lists them. An entry loads only the command's spec (its options
 * and help); the spec loads the implementation when it runs, so `validate` never loads what `plan` or
 * `smoke` need. Adding a command is one line here plus its spec and implementation files under commands/.
 * (`import()`, not `require()`: esbuild turns both into the same lazy init, and vitest can follow it.)
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Spec>>> = {
  validate: () => import('./commands/validate.js'),
  smoke: () => import('./commands/smoke.js'),
  plan: () => import('./commands/plan.js'),
  audit: () => import('./commands/audit.js'),
  diff: () => import('./commands/diff.js'),
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The spec of a command, or undefined for a name that is not one (an own key only: not `constructor`). */
export async function findCommand(name: string): Promise<AnyCommand | undefined> {
  return Object.hasOwn(COMMANDS, name) ? (await COMMANDS[name]!()).command : undefined;
}

export async function allCommands(): Promise<AnyCommand[]> {
  return Promise.all(COMMAND_NAMES.map(async (name) => (await COMMANDS[name]!()).command));
}
