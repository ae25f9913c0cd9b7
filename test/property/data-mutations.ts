import fc from 'fast-check';

type Path = (string | number)[];

/** Every path in a plain-data document, the root included, in document order. */
export function allPaths(data: unknown): Path[] {
  const out: Path[] = [];
  const pending: Array<{ value: unknown; path: Path }> = [{ value: data, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.shift()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => pending.push({ value: v, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) pending.push({ value: v, path: [...path, k] });
    }
  }
  return out;
}

function get(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], data);
}

/** A deep copy with the value at `path` replaced (or removed when `value` is REMOVE). */
function set(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    if (value === REMOVE && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = set(copy[head as number], rest, value);
    return copy;
  }
  const copy = { ...(data as Record<string, unknown>) };
  if (value === REMOVE && rest.length === 0) delete copy[head as string];
  // defineProperty, so a generated `__proto__` key becomes an own key rather than the prototype.
  else Object.defineProperty(copy, head as string, { value: set(copy[head as string], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

const REMOVE = Symbol('remove');

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Values that sit on the edges of what JSON Schema, ajv and zod might judge differently. */
export const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, 1, -1, 1.5, 7, 30, 31, 50, 51, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, Infinity, -Infinity, NaN,
    '', ' ', 'x', '😀', 'a'.repeat(300), 'https://example.com/x', 'http://localhost', 'eu-west-1', 'DE', 'testing',
    'production', 'access.tryterra.co', 'alias/key', [], [{}], {}, { fromEnv: 'TERRA_X' }, { fromStackConfig: 'terraApiKey' },
    { fromStackConfig: 'other:ns' }, { fromEnv: 'X', fromStackConfig: 'y' }, { secure: 'v1:AAAA:BBBB' },
    { type: 's3', bucketName: 'my-bucket' }, { type: 'sqs', queueName: 'q' }, { type: 's3' }, { team: 'x' }, { enabled: false },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '.', '-', '_', '/', ':', '@', ' '), loneSurrogate), maxLength: 6 }),
);

type DataMutation = (data: unknown) => unknown;

/** A structural edit of a document at a path picked by index: remove, replace, tweak a string, add a key, move a subtree. */
function dataMutation(): fc.Arbitrary<DataMutation> {
  const pick = (data: unknown, i: number) => {
    const paths = allPaths(data);
    return paths[i % paths.length]!;
  };
  return fc.oneof(
    fc.nat().map((i): DataMutation => (d) => {
      const path = pick(d, i);
      return path.length === 0 ? d : set(d, path, REMOVE);
    }),
    fc.tuple(fc.nat(), edgeValue).map(([i, v]): DataMutation => (d) => set(d, pick(d, i), v)),
    fc.tuple(fc.nat(), fc.string({ maxLength: 3 }), fc.boolean()).map(([i, s, before]): DataMutation => (d) => {
      const path = pick(d, i);
      const old = get(d, path);
      return typeof old === 'string' ? set(d, path, before ? s + old : old + s) : d;
    }),
    fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('devid', 'apikey', 'Tier', 'tiers', 'secure', 'fromEnv')), edgeValue).map(
      ([i, key, v]): DataMutation => (d) => {
        const path = pick(d, i);
        const target = get(d, path);
        return target !== null && typeof target === 'object' && !Array.isArray(target) ? set(d, [...path, key], v) : d;
      },
    ),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]): DataMutation => (d) => set(d, pick(d, i), structuredClone(get(d, pick(d, j))))),
  );
}

/** A document after one to three structural edits. */
export function mutatedData(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(dataMutation(), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((d, m) => m(d), structuredClone(base)));
}
