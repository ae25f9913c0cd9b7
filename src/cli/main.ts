import { VERSION } from '../core/version';
import { CommandError, EXIT, UsageError, type Command, type Io } from './io';

const USAGE = `Usage: terra-iac <command> [options]

Commands:
  validate [FILES...] [--env NAME]... [--format text|json|sarif|github|junit] [--output FILE] [--fail-on error|warning] [--root DIR]
  smoke    --env NAME [--api-base-url URL] [--webhook-url URL] [--format text|json] [--timeout-ms N] [--skip CHECK]...
  plan     --env NAME [--format text|json]
  audit    [--format md|csv|json|html] [--output FILE]
  diff     ENV_A ENV_B | --since GIT_REF  [--format text|json]

Exit codes: 0 ok, 1 findings or failed checks, 2 usage, configuration or I/O error.
Add --verbose to any command to see stack traces of internal errors.`;

/** Commands load lazily so `validate` never pays for Pulumi, AWS or the Terra SDK. */
const COMMANDS: Record<string, () => Command> = {
  validate: () => require('./commands/validate').validateCommand,
  smoke: () => require('./commands/smoke').smokeCommand,
  plan: () => require('./commands/plan').planCommand,
  audit: () => require('./commands/audit').auditCommand,
  diff: () => require('./commands/diff').diffCommand,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.error;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`terra-iac: unknown command "${name}"\n\n${USAGE}\n`);
    return EXIT.error;
  }
  try {
    return await load()(rest, io);
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

function reportError(error: unknown, io: Io, verbose: boolean): number {
  if (error instanceof UsageError || (error as Error)?.name === 'UsageError') {
    const hint = (error as UsageError).hint;
    io.stderr(`terra-iac: ${(error as Error).message}${hint ? `\n  hint: ${hint}` : ''}\nRun terra-iac --help for usage.\n`);
    return EXIT.error;
  }
  if (error instanceof CommandError) {
    io.stderr(`terra-iac: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`terra-iac: internal error: ${message}\n${verbose && error instanceof Error ? `${error.stack}\n` : '  (run with --verbose for details)\n'}`);
  return EXIT.error;
}

/** The process entry point: the only place that reads `process`. */
export function run(): void {
  const io: Io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
  // A reader that stops early (`validate | head`) closes the pipe: the command still ends with its own exit
  // code, without a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.exit(EXIT.error);
    });
  }
  main(process.argv.slice(2), io).then(
    (code) => {
      // Exit as soon as the command is done: terra-api 2.1.0 leaves a timer armed after a failed request, which
      // would keep the process alive until its timeout. But only once stdout and stderr are flushed: a pipe
      // takes 64 KiB at a time and process.exit drops what is still queued (a large report came out cut).
      process.exitCode = code;
      let pending = 2;
      for (const stream of [process.stdout, process.stderr]) {
        stream.write('', () => {
          if (--pending === 0) process.exit(code);
        });
      }
    },
    (error) => {
      process.stderr.write(`terra-iac: internal error: ${(error as Error).message}\n`);
      process.exitCode = EXIT.error;
    },
  );
}
