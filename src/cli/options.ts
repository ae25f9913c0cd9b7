/**
 * One option of a command, as `node:util` parseArgs takes it (`type`, `multiple`, `short`, `default`) plus
 * what is ours: allowed values and what `--help` prints.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
  short?: string;
  default?: string;
  /** Allowed values, checked by the parser so every command reports them alike (with a did-you-mean). */
  choices?: readonly string[];
  /** The value's placeholder in usage: `--env NAME`. */
  valueName?: string;
  /** One line for `--help`; choices, the default and "repeatable" are added to it. */
  description: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** `--root DIR`: every command reads the project from it. */
export const ROOT_OPTION = {
  type: 'string',
  valueName: 'DIR',
  description: 'project root, holding config/ and Pulumi.yaml (default: the nearest such folder at or above the current directory)',
} as const satisfies OptionSpec;

/** `--format F` with the command's own formats and default. */
export function formatOption<const C extends readonly string[], const D extends C[number]>(choices: C, defaultFormat: D, description = 'output format') {
  return { type: 'string', valueName: 'F', choices, default: defaultFormat, description } as const satisfies OptionSpec;
}

/** Options every command takes; `cli/main.ts` acts on them before the command runs. */
export const GLOBAL_OPTIONS = {
  verbose: { type: 'boolean', description: 'print the stack trace of an internal error' },
  help: { type: 'boolean', short: 'h', description: 'print the usage and exit' },
} as const satisfies OptionTable;

type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { choices: readonly (infer C extends string)[] }
      ? C
      : string;

type DefaultedKeys<O> = { [K in keyof O]: O[K] extends { default: string } ? K : never }[keyof O];

/** What parsing gives a command: the value of each option (always set when it has a default). */
export type OptionValues<O> = { [K in DefaultedKeys<O>]: ValueOf<O[K]> } & { [K in Exclude<keyof O, DefaultedKeys<O>>]?: ValueOf<O[K]> };

export interface ParsedArgs<O extends OptionTable = OptionTable> {
  values: OptionValues<O & typeof GLOBAL_OPTIONS>;
  positionals: string[];
}

/** `--env NAME`, `--format F`, `-h, --help`: how usage names an option. */
export function optionLabel(name: string, spec: OptionSpec): string {
  const long = spec.type === 'string' ? `--${name} ${spec.valueName ?? 'VALUE'}` : `--${name}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

/** The description with what the spec adds to it: `(text|json, default text)`, `(repeatable)`. */
export function optionDescription(spec: OptionSpec): string {
  const notes: string[] = [];
  if (spec.choices) notes.push(spec.default === undefined ? spec.choices.join('|') : `${spec.choices.join('|')}, default ${spec.default}`);
  else if (spec.default !== undefined) notes.push(`default ${spec.default}`);
  if (spec.multiple) notes.push('repeatable');
  return notes.length ? `${spec.description} (${notes.join('; ')})` : spec.description;
}
