/** The subset of JSON Schema that z.toJSONSchema emits for our model. */
export interface SchemaNode {
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  title?: string;
}

/** Follows local `#/$defs/...` references (the only kind zod emits). */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.$ref && hops < 32; hops++) {
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // .inf, .nan and numbers past 1.8e308 parse to values JSON (and so ajv and zod) do not count as numbers.
  if (typeof value === 'number') return !Number.isFinite(value) ? 'non-finite' : Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value has one of the JSON types a schema node allows (ignoring every other keyword). */
export function typeMatches(node: SchemaNode, value: unknown): boolean {
  if (node.type === undefined) return node.const === undefined || node.const === value;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const actual = jsonType(value);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

/**
 * The union branch the author most likely meant: a matching `const` discriminator first, then the right
 * JSON type with the most keys in common and the fewest unknown ones.
 */
export function pickBranch(root: SchemaNode, branches: SchemaNode[], value: unknown): SchemaNode | undefined {
  const resolved = branches.map((b) => deref(root, b));
  const typed = resolved.filter((b) => typeMatches(b, value) || (b.type === undefined && (b.anyOf || b.oneOf)));
  if (typed.length === 0) return undefined;
  if (typed.length === 1 || jsonType(value) !== 'object') return typed[0];
  const record = value as Record<string, unknown>;
  const discriminated = typed.find((b) =>
    Object.entries(b.properties ?? {}).some(([key, prop]) => prop.const !== undefined && record[key] === prop.const),
  );
  if (discriminated) return discriminated;
  let best = typed[0];
  let bestScore = -Infinity;
  for (const branch of typed) {
    const known = Object.keys(branch.properties ?? {});
    const keys = Object.keys(record);
    const score = keys.filter((k) => known.includes(k)).length * 2 - keys.filter((k) => !known.includes(k)).length;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

/** What a node expects, in words, for "expected ..." messages. */
export function describeExpected(root: SchemaNode, node: SchemaNode): string {
  const n = deref(root, node);
  if (n.const !== undefined) return `\`${String(n.const)}\``;
  if (n.enum) return `one of ${n.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const union = n.anyOf ?? n.oneOf;
  if (union) return [...new Set(union.map((b) => describeExpected(root, b)))].join(' or ');
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
  return types.map(typeWord).join(' or ') || 'a value';
}

export function typeWord(type: string): string {
  return (
    {
      object: 'a map',
      array: 'a list',
      string: 'a string',
      integer: 'a whole number',
      number: 'a number',
      boolean: 'true or false',
      null: 'nothing',
      'non-finite': 'a number that is infinite, not a number (.nan) or too large',
    }[type] ??
    type
  );
}
