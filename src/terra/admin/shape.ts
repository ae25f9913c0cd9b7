/** Small readers for the JSON the admin API answers: enough to refuse a body that is not the spec's shape. */

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

type FieldType = 'string' | 'boolean' | 'number' | 'string[]' | 'object';

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (type === 'object') return isRecord(value);
  return typeof value === type;
}

/**
 * `body` as T when it is an object whose `required` members have their types, and whose `optional`
 * members, when present and not null, do too. The reason names the first member that does not fit.
 */
export function readObject<T>(body: unknown, required: Readonly<Record<string, FieldType>>, optional: Readonly<Record<string, FieldType>> = {}): Read<T> {
  if (!isRecord(body)) return { ok: false, reason: 'the body is not a JSON object' };
  for (const [name, type] of Object.entries(required)) {
    if (!hasType(body[name], type)) return { ok: false, reason: `\`${name}\` is missing or not a ${type}` };
  }
  for (const [name, type] of Object.entries(optional)) {
    const value = body[name];
    if (value !== undefined && value !== null && !hasType(value, type)) return { ok: false, reason: `\`${name}\` is not a ${type}` };
  }
  return { ok: true, value: body as T };
}

/** Every item read with `item`; the reason says which one failed. */
export function readEach<T>(items: readonly unknown[], item: (value: unknown) => Read<T>): Read<T[]> {
  const out: T[] = [];
  for (const [index, value] of items.entries()) {
    const read = item(value);
    if (!read.ok) return { ok: false, reason: `item ${index + 1}: ${read.reason}` };
    out.push(read.value);
  }
  return { ok: true, value: out };
}
