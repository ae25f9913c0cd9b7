import type * as ReadlinePromises from 'node:readline/promises';
import type * as Tty from 'node:tty';
import { EXIT, exitCodeOf, TerraIacError, UsageError } from '../core/errors';
import { didYouMean } from '../core/did-you-mean';
import { VERSION } from '../core/version';
import { parseCommandArgs } from './args';
import { allCommands, COMMAND_NAMES, findCommand } from './command-table';
import type { AnyCommand } from './command';
import type { Io } from './io';
import { GLOBAL_OPTIONS } from './options';
import { OutputChannel } from './output-channel';
import { commandUsage, topLevelUsage } from './usage';

/**
 * `terra-iac <command> [options]`: finds the command in the table, answers `--help`, parses the options
 * the command declares, runs it, and is the one place that turns a thrown TerraIacError into its message,
 * hint and exit code.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const verbose = argv.includes('--verbose');
  // `terra-iac --verbose validate` as well as `terra-iac validate --verbose`.
  const start = argv.findIndex((a) => a !== '--verbose');
  const [name, ...rest] = start === -1 ? [] : argv.slice(start);
  let spec: AnyCommand | undefined;
  try {
    if (name === undefined) {
      io.stdout(topLevelUsage(await allCommands()));
      return EXIT.error;
    }
    if (name === '--help' || name === '-h' || name === 'help') return await help(rest, io);
    if (name === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    spec = await command(name);
    const parsed = parseCommandArgs(rest, { ...spec.options, ...GLOBAL_OPTIONS });
    if (parsed.help) {
      io.stdout(commandUsage(spec));
      return EXIT.ok;
    }
    return await spec.run(parsed, io);
  } catch (error) {
    return reportError(error, io, verbose, spec?.name);
  }
}

/** `terra-iac help [<command>]`. */
async function help(args: readonly string[], io: Io): Promise<number> {
  const rest = args.filter((a) => a !== '--verbose');
  if (rest.length > 1) throw new UsageError(`help takes one command name, got ${rest.length}`, `terra-iac help ${rest[0]}`);
  io.stdout(rest[0] === undefined ? topLevelUsage(await allCommands()) : commandUsage(await command(rest[0])));
  return EXIT.ok;
}

async function command(name: string): Promise<AnyCommand> {
  const spec = await findCommand(name);
  if (spec) return spec;
  const close = didYouMean(name, COMMAND_NAMES);
  throw new UsageError(`unknown command "${name}"`, close ? `did you mean ${close}?` : `commands: ${COMMAND_NAMES.join(', ')}`);
}

/** The only place an error becomes output and an exit code; no stack trace without --verbose. */
function reportError(error: unknown, io: Io, verbose: boolean, commandName: string | undefined): number {
  if (error instanceof TerraIacError) {
    const lines = [`terra-iac: ${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    if (error.exitKind === 'usage') lines.push(`Run terra-iac ${commandName ? `${commandName} ` : ''}--help for usage.`);
    // What it was made from (a Node error code, a git failure) is for --verbose.
    if (verbose && error.cause instanceof Error && error.cause.stack) lines.push(`caused by: ${error.cause.stack}`);
    io.stderr(`${lines.join('\n')}\n`);
    return exitCodeOf(error.exitKind);
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`terra-iac: internal error: ${message}\n${verbose && error instanceof Error ? `${error.stack}\n` : '  (run with --verbose for details)\n'}`);
  return EXIT.error;
}

/** One line from the terminal; the interface is closed again so the process can exit. */
async function askOnTerminal(question: string): Promise<string> {
  // Required here: loading readline (and touching process.stdin) costs every other run its start-up time.
  const { createInterface } = require('node:readline/promises') as typeof ReadlinePromises;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The process entry point: the only place that reads `process`. */
export function run(): void {
  const { isatty } = require('node:tty') as typeof Tty;
  const fail = () => process.exit(EXIT.error);
  const out = new OutputChannel(1, () => process.stdout, fail, isatty(1));
  const err = new OutputChannel(2, () => process.stderr, fail, isatty(2));
  const io: Io = {
    stdout: (text) => out.write(text),
    stderr: (text) => err.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: isatty(1),
  };
  // isatty(0), not process.stdin.isTTY: the first touch of process.stdin builds its stream (about 15 ms).
  if (io.isTTY && isatty(0)) io.prompt = askOnTerminal;
  main(process.argv.slice(2), io).then(
    (code) => {
      // Exit as soon as the command is done: terra-api 2.1.0 leaves a timer armed after a failed request, which
      // would keep the process alive until its timeout. But only once stdout and stderr are flushed: a pipe
      // takes 64 KiB at a time and process.exit drops what is still queued (a large report came out cut).
      process.exitCode = code;
      out.flush(() => err.flush(() => process.exit(code)));
    },
    (error) => {
      err.write(`terra-iac: internal error: ${(error as Error).message}\n`);
      process.exitCode = EXIT.error;
    },
  );
}
