import { CommandError, type Command } from '../io';

/** Placeholder until the issue that owns `audit` lands; says so plainly instead of pretending. */
export const auditCommand: Command = async () => {
  throw new CommandError('the audit command is not implemented yet');
};
