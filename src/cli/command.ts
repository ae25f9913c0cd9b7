import type { Io } from './io';
import type { OptionTable, ParsedArgs } from './options';

/** A positional argument as usage shows it: `FILES...`, `ENV_A`. */
export interface PositionalSpec {
  name: string;
  description: string;
}

/**
 * What a command declares in its spec module (commands/<name>.ts): what `--help` and the top-level usage
 * print, and the options it is parsed with. A spec module stays light (no Pulumi, AWS, Terra SDK or browser
 * code); the implementation is a separate module (commands/<name>-run.ts), loaded only when it runs.
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
}

/** What a run module (commands/<name>-run.ts) exports: the command itself, given the parsed options. */
export type RunCommand<O extends OptionTable> = (args: ParsedArgs<O>, io: Io) => Promise<number>;

/** A spec with its `run`, as the table hands it to main.ts. */
export interface Command<O extends OptionTable = OptionTable> extends CommandSpec<O> {
  run(args: ParsedArgs<O>, io: Io): Promise<number>;
}

/** A command of the table, whatever its options: main.ts parses with the command's own options before `run`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

/** Infers the option types of a spec, so its run module sees `values.format` as `'text' | 'json'`. */
export function defineSpec<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/**
 * A table entry: loads the spec when the command is named (or help lists it), and the run module only when
 * it runs. The types make the run module take exactly the options its spec declares.
 */
export function lazyCommand<O extends OptionTable>(
  loadSpec: () => Promise<{ spec: CommandSpec<O> }>,
  loadRun: () => Promise<{ run: RunCommand<O> }>,
): () => Promise<AnyCommand> {
  return async () => {
    const { spec } = await loadSpec();
    return { ...spec, run: async (args: ParsedArgs<O>, io: Io) => (await loadRun()).run(args, io) };
  };
}
