import { CommandError, type Command } from '../io';

/** Placeholder until the issue that owns `smoke` lands; says so plainly instead of pretending. */
export const smokeCommand: Command = async () => {
  throw new CommandError('the smoke command is not implemented yet');
};
