import type { DocPath } from '../../core/diagnostic';
import { deref, type SchemaNode } from '../../validate/json-schema-walk';
import { loadSchema } from '../../validate/schema-check';
import { SECRET_REF } from '../../validate/schema-explain';

/**
 * Whether the environment schema puts a secret reference at `path`. There the schema stage already reports a
 * literal as `no-plaintext-secret`, so other rules stay quiet rather than report it twice.
 */
export function schemaExpectsSecretRef(path: DocPath): boolean {
  const root = loadSchema('environment.schema.json');
  return expectsAt(root, root, path, 0);
}

function expectsAt(root: SchemaNode, node: SchemaNode, path: DocPath, index: number): boolean {
  if (node.$ref === SECRET_REF) return index === path.length;
  if (index === path.length) return false;
  const n = deref(root, node);
  const union = n.anyOf ?? n.oneOf;
  if (union) return union.some((branch) => expectsAt(root, branch, path, index));
  const segment = path[index]!;
  if (typeof segment === 'number') return n.items ? expectsAt(root, n.items, path, index + 1) : false;
  const next = n.properties && Object.hasOwn(n.properties, segment) ? n.properties[segment] : n.additionalProperties;
  return typeof next === 'object' ? expectsAt(root, next, path, index + 1) : false;
}
