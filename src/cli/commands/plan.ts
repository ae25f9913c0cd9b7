import { CommandError, type Command } from '../io';

/** Placeholder until the issue that owns `plan` lands; says so plainly instead of pretending. */
export const planCommand: Command = async () => {
  throw new CommandError('the plan command is not implemented yet');
};
