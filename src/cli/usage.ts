import type { CommandSpec } from './command';
import { GLOBAL_OPTIONS, optionDescription, optionLabel, type OptionTable } from './options';

const WIDTH = 100;

/** `terra-iac <command> --help`: the synopsis, what it does, every argument and option, the exit codes. */
export function commandUsage(spec: CommandSpec): string {
  const sections = [synopsis(spec, 'Usage: '), ...(spec.description ? [spec.description] : [])];
  if (spec.positionals.length) sections.push(`Arguments:\n${table(spec.positionals.map((p) => [p.name, p.description]), '  ')}`);
  sections.push(`Options:\n${table(optionRows({ ...spec.options, ...GLOBAL_OPTIONS }), '  ')}`);
  sections.push(`Exit codes: ${spec.exitCodes}`);
  return `${sections.join('\n\n')}\n`;
}

/** `terra-iac`, `terra-iac --help`: every command with its synopsis, arguments and options. */
export function topLevelUsage(commands: readonly CommandSpec[]): string {
  const nameWidth = Math.max(...commands.map((c) => c.name.length));
  const blocks = commands.map((spec) => {
    const rows = [...spec.positionals.map((p): [string, string] => [p.name, p.description]), ...optionRows(spec.options)];
    return `  ${spec.name.padEnd(nameWidth)}  ${spec.summary}\n${synopsis(spec, '    ')}\n${table(rows, '      ')}`;
  });
  return [
    'Usage: terra-iac <command> [options]\n       terra-iac <command> --help   (or: terra-iac help <command>)\n       terra-iac --version',
    `Commands:\n\n${blocks.join('\n\n')}`,
    `Every command also takes:\n${table(optionRows(GLOBAL_OPTIONS), '  ')}`,
    'Exit codes: 0 ok, 1 findings or failed checks, 2 usage, configuration or I/O error.',
  ].join('\n\n') + '\n';
}

function optionRows(options: OptionTable): Array<[string, string]> {
  return Object.entries(options).map(([name, spec]) => [optionLabel(name, spec), optionDescription(spec)]);
}

/** One row per entry, descriptions lined up; a label too long for the column keeps its own width. */
function table(rows: ReadonlyArray<readonly [string, string]>, indent: string): string {
  const width = Math.min(24, Math.max(...rows.map(([label]) => label.length)));
  return rows.map(([label, text]) => `${indent}${label.padEnd(width)}  ${text}`).join('\n');
}

/** `terra-iac <name> <usage>`, wrapped between bracketed groups and continued under the first argument. */
function synopsis(spec: CommandSpec, prefix: string): string {
  const head = `${prefix}terra-iac ${spec.name} `;
  const words = spec.usage.match(/\[[^\]]*\](?:\.\.\.)?|\S+/g) ?? [];
  const lines: string[] = [];
  let line = head;
  for (const word of words) {
    if (line.length > head.length && line.length + word.length > WIDTH) {
      lines.push(line.trimEnd());
      line = ' '.repeat(head.length);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}
