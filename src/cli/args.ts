import { didYouMean } from '../core/did-you-mean';
import { UsageError } from './io';

export interface FlagSpec {
  /** Takes a value (`--format json`); otherwise a boolean switch. */
  value?: boolean;
  /** May be given more than once; values are collected. */
  repeat?: boolean;
  /** Allowed values, checked here so every command reports them alike. */
  choices?: readonly string[];
}

export interface ParsedArgs {
  flags: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

/**
 * Strict flag parsing: unknown flags are usage errors (with a did-you-mean), values may be given as
 * `--flag value` or `--flag=value`.
 */
export function parseArgs(args: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`, 'options are written --name');
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!flag) {
      const known = Object.keys(spec);
      const close = known.find((k) => k.startsWith(name) || name.startsWith(k)) ?? didYouMean(name, known);
      throw new UsageError(`unknown option --${name}`, close ? `did you mean --${close}?` : `options: ${known.map((k) => `--${k}`).join(', ')}`);
    }
    let value: string | boolean = true;
    if (flag.value) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) value = args[++i]!;
      else throw new UsageError(`option --${name} needs a value`, flag.choices ? `one of ${flag.choices.join(', ')}` : undefined);
      if (value === '') throw new UsageError(`option --${name} needs a value, got an empty one`);
      if (flag.choices && !flag.choices.includes(value)) {
        const close = didYouMean(value, flag.choices);
        throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')}; got "${value}"`, close ? `did you mean --${name} ${close}?` : undefined);
      }
    } else if (eq !== -1) {
      throw new UsageError(`option --${name} takes no value`);
    }
    if (flag.repeat) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else {
      if (flags[name] !== undefined) throw new UsageError(`option --${name} given twice`);
      flags[name] = value;
    }
  }
  return { flags, positionals };
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function listFlag(parsed: ParsedArgs, name: string): string[] {
  const v = parsed.flags[name];
  return Array.isArray(v) ? v : [];
}
