import type { CommandSpec } from './command';

/**
 * Every command, in the order the usage lists them. An entry loads only the command's spec (its options
 * and help); the spec loads the implementation when it runs. Adding a command is one line here plus its
 * spec and implementation files under commands/.
 */
export const COMMANDS: Readonly<Record<string, () => CommandSpec>> = {
  validate: () => require('./commands/validate').command,
  smoke: () => require('./commands/smoke').command,
  plan: () => require('./commands/plan').command,
  audit: () => require('./commands/audit').command,
  diff: () => require('./commands/diff').command,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The spec of a command, or undefined for a name that is not one (an own key only: not `constructor`). */
export function findCommand(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : undefined;
}

export function allCommands(): CommandSpec[] {
  return COMMAND_NAMES.map((name) => COMMANDS[name]!());
}
