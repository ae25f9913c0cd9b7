import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors';
import { didYouMean } from '../core/did-you-mean';
import type { OptionSpec, OptionTable, ParsedArgs } from './options';

/** `help` when `--help` or `-h` was given (before any `--`): it wins over every other problem. */
export type ParseResult<O extends OptionTable> = { help: true } | ({ help: false } & ParsedArgs<O>);

type Token = NonNullable<ReturnType<typeof nodeParseArgs>['tokens']>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

/**
 * `node:util` parseArgs (strict) with what it does not say well: unknown options and wrong choices get a
 * did-you-mean, and a missing, empty, doubled or unwanted value is named the same way in every command.
 * A first, non-strict pass reads the tokens so these checks can speak first; the strict pass then gives
 * the values.
 */
export function parseCommandArgs<O extends OptionTable>(args: readonly string[], options: O): ParseResult<O> {
  const config = nodeOptions(options);
  const { tokens } = nodeParseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const given = tokens.filter((t): t is OptionToken => t.kind === 'option');
  if (given.some((t) => t.name === 'help' && Object.hasOwn(options, 'help'))) return { help: true };
  const seen = new Set<string>();
  for (const token of given) {
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw unknownOption(token, options);
    checkValue(token, spec);
    if (!spec.multiple && seen.has(token.name)) throw new UsageError(`option --${token.name} given twice`);
    seen.add(token.name);
  }
  try {
    const { values, positionals } = nodeParseArgs({ args: [...args], options: config, strict: true, allowPositionals: true });
    return { help: false, values: values as ParsedArgs<O>['values'], positionals };
  } catch (error) {
    // The checks above leave nothing for the strict pass to refuse; should it still, say what it said.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

function nodeOptions(options: OptionTable): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = {
      type: spec.type,
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.default !== undefined ? { default: spec.default } : {}),
    };
  }
  return config;
}

function unknownOption(token: OptionToken, options: OptionTable): UsageError {
  if (!token.rawName.startsWith('--')) return new UsageError(`unknown option ${token.rawName}`, 'options are written --name');
  const known = Object.keys(options);
  const close = known.find((k) => k.startsWith(token.name) || token.name.startsWith(k)) ?? didYouMean(token.name, known);
  return new UsageError(`unknown option --${token.name}`, close ? `did you mean --${close}?` : `options: ${known.map((k) => `--${k}`).join(', ')}`);
}

function checkValue(token: OptionToken, spec: OptionSpec): void {
  const name = token.name;
  if (spec.type === 'boolean') {
    if (token.inlineValue) throw new UsageError(`option --${name} takes no value`);
    return;
  }
  // parseArgs takes the next argument as the value whatever it is; one that looks like an option is more
  // likely a forgotten value (the strict pass would call it ambiguous).
  const value = token.value;
  if (value === undefined || (token.inlineValue === false && value.length > 1 && value.startsWith('-'))) {
    const dashed = value !== undefined && !value.startsWith('--') ? `a value that starts with "-" is written --${name}=${value}` : undefined;
    throw new UsageError(`option --${name} needs a value`, spec.choices ? `one of ${spec.choices.join(', ')}` : dashed);
  }
  if (value === '') throw new UsageError(`option --${name} needs a value, got an empty one`);
  if (spec.choices && !spec.choices.includes(value)) {
    const close = didYouMean(value, spec.choices);
    throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${value}"`, close ? `did you mean --${name} ${close}?` : undefined);
  }
}
