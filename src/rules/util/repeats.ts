/**
 * Calls `onRepeat` for every item whose key an earlier item already had, with the file that had it first.
 * The cross-environment uniqueness rules (dev-ids, webhook URLs, environment variables) share this.
 */
export function forEachRepeat<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string | undefined,
  fileOf: (item: T) => string,
  onRepeat: (item: T, firstFile: string) => void,
): void {
  const first = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const owner = first.get(key);
    if (owner === undefined) first.set(key, fileOf(item));
    else if (owner !== fileOf(item)) onRepeat(item, owner);
  }
}
