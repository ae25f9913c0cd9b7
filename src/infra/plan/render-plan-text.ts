import { stringify } from 'yaml';
import { escapeUnsafe, escapeUnsafeLine } from '../../core/safe-text';
import { SECRET_MARKER, type PlanReport, type PlanResource } from './plan-report';

/**
 * `terra-iac plan` for people: the note first, then the resource tree (indentation follows parents) with
 * each resource's inputs as YAML, JSON policy documents unfolded, then the stack outputs and a count.
 */
export function renderPlanText(report: PlanReport): string {
  const lines: string[] = [
    `terra-iac plan: environment ${escapeUnsafeLine(report.environment)}, stack ${escapeUnsafeLine(report.stack)}`,
    '',
    ...wrap(report.note, 100),
    ...wrap(secretLine(report), 100),
    '',
  ];
  const depth = new Map<string, number>();
  for (const r of report.resources) {
    const level = r.parent === null ? 0 : (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.name, level);
    const pad = '  '.repeat(level);
    const kind = r.custom ? '' : r.parent === null ? ' (stack)' : ' (component)';
    const [type, name, parent] = [r.type, r.name, r.parent].map((field) => (field === null ? null : escapeUnsafeLine(field)));
    lines.push(`${pad}+ ${type}  ${name}${kind}${parent ? `  [parent: ${parent}]` : ''}`);
    lines.push(...inputLines(r, `${pad}    `));
  }
  lines.push('', 'Stack outputs:');
  lines.push(...indent(stringify(report.outputs, { sortMapEntries: true, lineWidth: 0 }), '  '));
  const { resources, components, awsResources, dynamicResources } = report.summary;
  lines.push(
    '',
    `${resources} resources: ${awsResources} AWS resources, ${dynamicResources} dynamic resources (Terra objects and the smoke test), ${components} stack and component resources. Secret values show as ${SECRET_MARKER}.`,
  );
  // Unfolded JSON can bring back what planReport escaped (a `\u202E` escape in a policy string): once more, last.
  return `${escapeUnsafe(lines.join('\n'))}\n`;
}

function secretLine(report: PlanReport): string {
  const { source, secretsProvider, unsetEnvironmentVariables } = report.secretValues;
  const from = {
    decrypted: 'secure stack values decrypted with PULUMI_CONFIG_PASSPHRASE',
    placeholders:
      secretsProvider === undefined
        ? 'PULUMI_CONFIG_PASSPHRASE is not set, so placeholders stand in for secure stack values'
        : `Pulumi.${report.stack}.yaml uses the ${secretsProvider} secrets provider, and terra-iac plan can only decrypt passphrase stacks, so placeholders stand in for secure stack values`,
    none: 'the stack holds no secure values',
  }[source];
  const unset = unsetEnvironmentVariables.length
    ? `; placeholders stand in for unset environment variables ${unsetEnvironmentVariables.join(', ')}`
    : '';
  return `Secret values: ${from}${unset}. No secret value is ever printed: each shows as ${SECRET_MARKER}.`;
}

function inputLines(resource: PlanResource, pad: string): string[] {
  const inputs = Object.fromEntries(Object.entries(resource.inputs).map(([k, v]) => [k, unfoldJson(v)]));
  if (Object.keys(inputs).length === 0) return [];
  return indent(stringify(inputs, { sortMapEntries: true, lineWidth: 0 }), pad);
}

/** Policy documents arrive as JSON strings; unfolded they read like the rest of the inputs. */
function unfoldJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[{[]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function indent(text: string, pad: string): string[] {
  return text.replace(/\n$/, '').split('\n').map((line) => `${pad}${line}`);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Code spans (`pulumi up`) stay on one line.
  for (const word of text.match(/`[^`]*`\S*|\S+/g) ?? []) {
    // A word from a name never starts a line with `::`: GitHub Actions would run that line as a command.
    if (line && line.length + word.length + 1 > width && !word.startsWith('::')) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
