import { CommandError, type Command } from '../io';

/** Placeholder until the issue that owns `diff` lands; says so plainly instead of pretending. */
export const diffCommand: Command = async () => {
  throw new CommandError('the diff command is not implemented yet');
};
