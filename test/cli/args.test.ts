import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args';
import { formatOption, GLOBAL_OPTIONS, ROOT_OPTION } from '../../src/cli/options';
import { UsageError } from '../../src/core/errors';

/** A command's options the way a spec declares them, plus the global ones main.ts adds. */
const OPTIONS = {
  env: { type: 'string', multiple: true, valueName: 'NAME', description: 'environment' },
  format: formatOption(['text', 'json', 'sarif'], 'text'),
  output: { type: 'string', valueName: 'FILE', description: 'output file' },
  root: ROOT_OPTION,
  ...GLOBAL_OPTIONS,
} as const;

function parse(args: string[]) {
  return parseCommandArgs(args, OPTIONS);
}

/** The UsageError a parse throws, as main.ts would print it: message and hint. */
function refusal(args: string[]): { message: string; hint?: string } {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitKind).toBe('usage');
    return { message: (error as UsageError).message, hint: (error as UsageError).hint };
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('what parseArgs gives back', () => {
  it('values, defaults, repeated options in order, positionals and the -- terminator', () => {
    const parsed = parse(['a.yaml', '--env', 'staging', '--env=production', '--output', 'out.txt', '--', '--format']);
    expect(parsed).toEqual({
      help: false,
      values: { env: ['staging', 'production'], output: 'out.txt', format: 'text' },
      positionals: ['a.yaml', '--format'],
    });
  });

  it('an inline value may start with a dash, and a lone dash is a value', () => {
    expect(parse(['--output=--x', '--root', '-'])).toMatchObject({ values: { output: '--x', root: '-' } });
  });
});

describe('help wins', () => {
  it('--help and -h answer even next to a problem', () => {
    expect(parse(['--formt', 'json', '--help'])).toEqual({ help: true });
    expect(parse(['--format', 'yaml', '-h'])).toEqual({ help: true });
  });

  it('but not after --, where it is an argument', () => {
    expect(parse(['--', '--help'])).toMatchObject({ help: false, positionals: ['--help'] });
  });
});

describe('choices', () => {
  it('a wrong value lists the choices and suggests the close one', () => {
    expect(refusal(['--format', 'sarf'])).toEqual({ message: '--format must be one of text, json, sarif; got "sarf"', hint: 'did you mean --format sarif?' });
    expect(refusal(['--format=jsn'])).toEqual({ message: '--format must be one of text, json, sarif; got "jsn"', hint: 'did you mean --format json?' });
  });

  it('a value close to none gets no guess', () => {
    expect(refusal(['--format', 'xml'])).toEqual({ message: '--format must be one of text, json, sarif; got "xml"', hint: undefined });
  });
});

describe('unknown options', () => {
  it('a typo gets a did-you-mean', () => {
    expect(refusal(['--formt', 'json'])).toEqual({ message: 'unknown option --formt', hint: 'did you mean --format?' });
  });

  it('a prefix, or a name with more after a known one, gets that one', () => {
    expect(refusal(['--out', 'x'])).toEqual({ message: 'unknown option --out', hint: 'did you mean --output?' });
    expect(refusal(['--formats'])).toEqual({ message: 'unknown option --formats', hint: 'did you mean --format?' });
  });

  it('a name close to none lists the options', () => {
    expect(refusal(['--zzzzzzzz'])).toEqual({ message: 'unknown option --zzzzzzzz', hint: 'options: --env, --format, --output, --root, --verbose, --help' });
  });

  it('a short option that is not declared says how options are written', () => {
    expect(refusal(['-f', 'json'])).toEqual({ message: 'unknown option -f', hint: 'options are written --name' });
  });

  it('names of Object.prototype are not options', () => {
    expect(refusal(['--constructor']).message).toBe('unknown option --constructor');
    expect(refusal(['--__proto__']).message).toBe('unknown option --__proto__');
  });
});

describe('values', () => {
  it('an option given twice is refused unless it is repeatable', () => {
    expect(refusal(['--format', 'json', '--format', 'text'])).toEqual({ message: 'option --format given twice', hint: undefined });
    expect(refusal(['--verbose', '--verbose']).message).toBe('option --verbose given twice');
  });

  it('a missing value, at the end or before another option', () => {
    expect(refusal(['--output'])).toEqual({ message: 'option --output needs a value', hint: undefined });
    expect(refusal(['--output', '--verbose'])).toEqual({ message: 'option --output needs a value', hint: undefined });
    expect(refusal(['--format'])).toEqual({ message: 'option --format needs a value', hint: 'one of text, json, sarif' });
  });

  it('a value that looks like a short option must be written inline', () => {
    expect(refusal(['--output', '-x'])).toEqual({ message: 'option --output needs a value', hint: 'a value that starts with "-" is written --output=-x' });
    expect(parse(['--output=-x'])).toMatchObject({ values: { output: '-x' } });
  });

  it('an empty value, inline or separate', () => {
    expect(refusal(['--output='])).toEqual({ message: 'option --output needs a value, got an empty one', hint: undefined });
    expect(refusal(['--root', ''])).toEqual({ message: 'option --root needs a value, got an empty one', hint: undefined });
  });

  it('a switch takes no value', () => {
    expect(refusal(['--verbose=yes'])).toEqual({ message: 'option --verbose takes no value', hint: undefined });
  });
});
