import type { Io } from './io';
import type { OptionTable, ParsedArgs } from './options';

/** A positional argument as usage shows it: `FILES...`, `ENV_A`. */
export interface PositionalSpec {
  name: string;
  description: string;
}

/**
 * One command of the table: what `--help` and the top-level usage print, and how it runs. The spec module
 * must stay light (no Pulumi, AWS, Terra SDK or browser code): `run` loads the implementation only when
 * the command runs, so `validate` never pays for the others.
 */
export interface CommandSpec<O extends OptionTable = OptionTable> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `terra-iac <name>`: `--env NAME [--format text|json] [--root DIR]`. */
  usage: string;
  /** What `--help` adds after the synopsis: what the command does, where its inputs come from. */
  description?: string;
  positionals: readonly PositionalSpec[];
  /** The command's own options; GLOBAL_OPTIONS (`--verbose`, `--help`) are added to every command. */
  options: O;
  /** The exit codes line of `--help`. */
  exitCodes: string;
  run(args: ParsedArgs<O>, io: Io): Promise<number>;
}

/** A command of the table, whatever its options: main.ts parses with the command's own options before `run`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandSpec<any>;

/** Infers the option types, so `run` sees `values.format` as `'text' | 'json'`. */
export function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}
