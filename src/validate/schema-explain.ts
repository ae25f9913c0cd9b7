import { quoteKey } from '../load/yaml-problem';
import type { DocPath } from '../core/diagnostic';
import { didYouMean } from '../core/did-you-mean';
import type { Finding } from '../core/finding';
import { deref, describeExpected, jsonType, pickBranch, typeMatches, typeWord, type SchemaNode } from './json-schema-walk';
import { formatPath } from '../core/format-path';

/** Where the generated schemas put a secret reference (`SecretRef` in src/model/secret-ref.ts). */
export const SECRET_REF = '#/$defs/SecretRef';

/**
 * Explains why a document fails its JSON Schema, as located findings with fix hints. Runs only after the
 * pre-compiled ajv validator said "invalid", so the common (valid) path never pays for it.
 */
export function explainSchemaErrors(root: SchemaNode, data: unknown): Finding[] {
  const out: Finding[] = [];
  walk(root, root, data, [], out);
  return out;
}

function walk(root: SchemaNode, node: SchemaNode, value: unknown, path: DocPath, out: Finding[]): void {
  if (node.$ref === SECRET_REF && value !== null && typeof value !== 'object') {
    out.push(plaintextSecret(path));
    return;
  }
  const n = deref(root, node);
  const union = n.anyOf ?? n.oneOf;
  if (union) {
    walkUnion(root, n, union, value, path, out);
    return;
  }
  if (!typeMatches(n, value)) {
    out.push(typeFinding(root, n, value, path));
    return;
  }
  if ((n.const !== undefined && value !== n.const) || (n.enum && !n.enum.includes(value))) {
    out.push(valueFinding(path, `must be ${describeExpected(root, n)}`, choiceHint(n, value)));
    return;
  }
  if (typeof value === 'string') checkString(n, value, path, out);
  else if (typeof value === 'number') checkNumber(n, value, path, out);
  else if (Array.isArray(value)) checkArray(root, n, value, path, out);
  else if (value !== null && typeof value === 'object') checkObject(root, n, value as Record<string, unknown>, path, out);
}

function walkUnion(root: SchemaNode, n: SchemaNode, branches: SchemaNode[], value: unknown, path: DocPath, out: Finding[]): void {
  for (const branch of branches) {
    const trial: Finding[] = [];
    walk(root, branch, value, path, trial);
    if (trial.length === 0) return;
  }
  const chosen = pickBranch(root, branches, value);
  if (!chosen) {
    out.push(typeFinding(root, n, value, path));
    return;
  }
  walk(root, chosen, value, path, out);
}

function checkString(n: SchemaNode, value: string, path: DocPath, out: Finding[]): void {
  // JSON Schema (and so ajv) counts characters as code points, not UTF-16 units.
  const length = n.minLength !== undefined || n.maxLength !== undefined ? [...value].length : 0;
  if (n.minLength !== undefined && length < n.minLength) {
    out.push(valueFinding(path, n.minLength === 1 ? 'must not be empty' : `must be at least ${n.minLength} characters`, n.description));
  } else if (n.maxLength !== undefined && length > n.maxLength) {
    out.push(valueFinding(path, `must be at most ${n.maxLength} characters`, n.description));
  } else if (n.pattern !== undefined && !new RegExp(n.pattern, 'u').test(value)) {
    out.push(valueFinding(path, 'does not have the expected format', `expected ${n.description ?? `a value matching /${n.pattern}/`}`));
  }
}

function checkNumber(n: SchemaNode, value: number, path: DocPath, out: Finding[]): void {
  if (n.minimum !== undefined && value < n.minimum) out.push(valueFinding(path, `must be at least ${n.minimum}`, n.description));
  else if (n.maximum !== undefined && value > n.maximum) out.push(valueFinding(path, `must be at most ${n.maximum}`, n.description));
}

function checkArray(root: SchemaNode, n: SchemaNode, value: unknown[], path: DocPath, out: Finding[]): void {
  if (n.minItems !== undefined && value.length < n.minItems) {
    out.push(valueFinding(path, n.minItems === 1 ? 'must list at least one item' : `must list at least ${n.minItems} items`, n.description));
  } else if (n.maxItems !== undefined && value.length > n.maxItems) {
    out.push(valueFinding(path, `must list at most ${n.maxItems} items`, n.description));
  }
  if (n.items) value.forEach((item, i) => walk(root, n.items!, item, [...path, i], out));
}

function checkObject(root: SchemaNode, n: SchemaNode, value: Record<string, unknown>, path: DocPath, out: Finding[]): void {
  const properties = n.properties ?? {};
  for (const key of n.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      // The property's own description says what this key is for; the referenced definition's is generic.
      const described = properties[key] ? properties[key]!.description ?? deref(root, properties[key]!).description : undefined;
      out.push({
        ruleId: 'schema-required',
        severity: 'error',
        message: `${path.length ? `\`${formatPath(path)}\`` : 'the file'} is missing the required key \`${key}\``,
        hint: described ? `add \`${key}\`: ${described}` : `add \`${key}\``,
        path,
        target: 'key',
      });
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const declared = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (declared) walk(root, declared, child, [...path, key], out);
    else if (n.additionalProperties === false) out.push(unknownKey(key, Object.keys(properties), path));
    else if (typeof n.additionalProperties === 'object') walk(root, n.additionalProperties, child, [...path, key], out);
  }
}

function unknownKey(key: string, known: string[], path: DocPath): Finding {
  const suggestion = didYouMean(key, known);
  return {
    ruleId: 'schema-unknown-key',
    severity: 'error',
    message: `unknown key ${key === '' ? '`` (empty)' : quoteKey(key)}${path.length ? ` in \`${formatPath(path)}\`` : ''}`,
    hint: suggestion ? `did you mean \`${suggestion}\`?` : `allowed keys: ${known.map((k) => `\`${k}\``).join(', ')}`,
    path: [...path, key],
    target: 'key',
  };
}

function typeFinding(root: SchemaNode, n: SchemaNode, value: unknown, path: DocPath): Finding {
  const found = typeWord(jsonType(value)).replace(/^(a|an) /, 'a ');
  if (path.length === 0) {
    return {
      ruleId: 'schema-root',
      severity: 'error',
      message: `expected a map of settings at the top level, found ${found}`,
      hint: 'the file must be a YAML map (key: value lines); see docs/config-reference.md',
      path,
    };
  }
  return {
    ruleId: 'schema-type',
    severity: 'error',
    message: `\`${formatPath(path)}\`: expected ${describeExpected(root, n)}, found ${found}`,
    hint: n.description ?? `write ${describeExpected(root, n)} here; see docs/config-reference.md`,
    path,
  };
}

function valueFinding(path: DocPath, what: string, hint: string | undefined): Finding {
  return {
    ruleId: 'schema-value',
    severity: 'error',
    message: `\`${formatPath(path)}\` ${what}`,
    hint: hint ?? 'see docs/config-reference.md for the values this key takes',
    path,
  };
}

/** A did-you-mean for a near miss of an allowed value (never quoting the value itself), else the field's description. */
function choiceHint(n: SchemaNode, value: unknown): string | undefined {
  const choices = (n.enum ?? [n.const]).filter((c): c is string => typeof c === 'string');
  const suggestion = typeof value === 'string' ? didYouMean(value, choices) : undefined;
  return suggestion ? `did you mean \`${suggestion}\`?` : n.description;
}

function plaintextSecret(path: DocPath): Finding {
  return {
    ruleId: 'no-plaintext-secret',
    severity: 'error',
    message: `\`${formatPath(path)}\` holds a plain value where a secret reference belongs`,
    hint:
      'store the value with `pulumi config set --secret <key> --stack <env>` and write `{ fromStackConfig: <key> }` ' +
      '(or `{ fromEnv: <VAR> }`); treat the exposed value as leaked and rotate it',
    path,
    sensitive: true,
  };
}
