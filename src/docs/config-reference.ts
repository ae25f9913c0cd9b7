import environmentSchema from '../../schemas/environment.schema.json';
import stackSchema from '../../schemas/pulumi-stack.schema.json';
import { deref, describeExpected, type SchemaNode } from '../validate/json-schema-walk';
import { generatedNote, table } from './markdown';

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

const SECRET_REF = '#/$defs/SecretRef';
const HEADER = ['Field', 'Type', 'Required', 'Description'] as const;

/** Words for a node's type: enums listed, lists with their item type, secret references named. */
function typeText(root: SchemaNode, node: SchemaNode): string {
  if (node.$ref === SECRET_REF) return 'secret reference';
  const n = deref(root, node);
  if (n.type === 'array' && n.items) return `list of ${typeText(root, n.items).replace(/^an? /, '')}`;
  const range = n.minimum !== undefined || n.maximum !== undefined ? rangeText(n) : '';
  return `${describeExpected(root, n)}${range}`;
}

function rangeText(n: SchemaNode): string {
  const max = n.maximum !== undefined && n.maximum < Number.MAX_SAFE_INTEGER ? n.maximum : undefined;
  if (n.minimum !== undefined && max !== undefined) return ` (${n.minimum}–${max})`;
  if (n.minimum !== undefined) return ` (≥ ${n.minimum})`;
  return max !== undefined ? ` (≤ ${max})` : '';
}

function descriptionOf(root: SchemaNode, node: SchemaNode): string {
  return node.description ?? deref(root, node).description ?? deref(root, node).title ?? '';
}

/** The object a node describes (through `$ref`s and list items), when its fields should be listed too. */
function objectBehind(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  if (node.$ref === SECRET_REF) return undefined;
  const n = deref(root, node);
  if (n.type === 'array' && n.items) return objectBehind(root, n.items);
  return n.type === 'object' && n.properties ? n : undefined;
}

function unionBehind(root: SchemaNode, node: SchemaNode): SchemaNode[] | undefined {
  const n = deref(root, node);
  const items = n.type === 'array' && n.items ? deref(root, n.items) : n;
  return items.oneOf ?? undefined;
}

function walk(root: SchemaNode, object: SchemaNode, prefix: string, note: string, out: Row[]): void {
  const required = new Set(object.required ?? []);
  for (const [key, child] of Object.entries(object.properties ?? {})) {
    const path = `${prefix}${key}`;
    const isList = deref(root, child).type === 'array';
    const description = descriptionOf(root, child);
    out.push({ path, type: typeText(root, child), required: required.has(key), description: note && description ? `${note}: ${description}` : note || description });
    const childPrefix = `${path}${isList ? '[]' : ''}.`;
    const nested = objectBehind(root, child);
    if (nested) walk(root, nested, childPrefix, note, out);
    for (const branch of unionBehind(root, child) ?? []) {
      const b = deref(root, branch);
      walk(root, b, childPrefix, b.title ?? note, out);
    }
  }
}

/** Provider codes grouped by the settings shape they share (one shape per `$ref`). */
function providerGroups(root: SchemaNode, providers: SchemaNode): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [code, node] of Object.entries(providers.properties ?? {})) {
    const ref = node.$ref ?? '';
    groups.set(ref, [...(groups.get(ref) ?? []), code]);
  }
  return groups;
}

function environmentRows(): { rows: Row[]; codes: string[] } {
  const root = environmentSchema as unknown as SchemaNode;
  const top = deref(root, root);
  const rows: Row[] = [];
  const { providers, ...rest } = top.properties ?? {};
  walk(root, { ...top, properties: rest }, '', '', rows);
  const codes: string[] = [];
  const providerNode = deref(root, providers!);
  rows.push({ path: 'providers', type: 'a map', required: (top.required ?? []).includes('providers'), description: descriptionOf(root, providerNode) });
  for (const [ref, group] of providerGroups(root, providerNode)) {
    const shape = deref(root, { $ref: ref });
    const single = group.length === 1;
    const path = single ? `providers.${group[0]}` : 'providers.<CODE>';
    if (!single) codes.push(...group);
    rows.push({ path, type: 'a map', required: false, description: single ? `Settings of ${group[0]}.` : 'Settings of every other provider code (listed below).' });
    walk(root, shape, `${path}.`, '', rows);
  }
  return { rows, codes };
}

function stackRows(): Row[] {
  const root = stackSchema as unknown as SchemaNode;
  const top = deref(root, root);
  const rows: Row[] = [];
  for (const [key, node] of Object.entries(top.properties ?? {})) {
    rows.push({ path: key, type: typeText(root, node), required: false, description: descriptionOf(root, node) });
    const n = deref(root, node);
    if (key !== 'config') continue;
    for (const [configKey, child] of Object.entries(n.properties ?? {})) {
      rows.push({ path: `config.${configKey}`, type: typeText(root, child), required: false, description: descriptionOf(root, child) });
    }
    const secure = root.$defs?.SecureValue;
    rows.push({
      path: 'config.<namespace>:<name>',
      type: 'any value',
      required: false,
      description: `Any other stack config; secrets are \`{ secure: <ciphertext> }\` maps (${(secure?.properties?.secure?.description ?? 'encrypted').replace(/\.$/, '')}).`,
    });
  }
  return rows;
}

const render = (rows: Row[]) => table(HEADER, rows.map((r) => [`\`${r.path}\``, r.type, r.required ? 'yes' : '', r.description]));

/** docs/config-reference.md, generated from the committed JSON Schemas (themselves generated from src/model). */
export function renderConfigReference(): string {
  const { rows, codes } = environmentRows();
  const secretRef = descriptionOf(environmentSchema as unknown as SchemaNode, { $ref: SECRET_REF });
  return [
    '# Config reference',
    '',
    generatedNote('`schemas/*.json` (which `npm run generate` writes from `src/model/`)'),
    '',
    'Every field of the two kinds of file terra-iac reads. A path like `destinations[].queueName` is a field of each',
    'item of a list; `providers.<CODE>` stands for every provider code listed after the first table. For a worked',
    'example, see [Adding an environment](adding-an-environment.md); for what each check means, the [rules](rules.md).',
    '',
    '## Environment file',
    '',
    '`config/<env>.yaml`, checked against `schemas/environment.schema.json`.',
    '',
    render(rows),
    '',
    `A **secret reference** is ${secretRef.charAt(0).toLowerCase()}${secretRef.slice(1)}`,
    '',
    `Provider codes with the generic settings (\`providers.<CODE>\`): ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    'Any other key is reported by [`provider-unknown`](rules.md#provider-unknown).',
    '',
    '## Stack file',
    '',
    '`Pulumi.<env>.yaml`, checked against `schemas/pulumi-stack.schema.json`.',
    '',
    render(stackRows()),
    '',
  ].join('\n');
}
