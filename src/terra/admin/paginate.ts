import { TerraCallError } from '../http/terra-call-error';
import type { Page } from './admin-types';

/** More pages than any environment's configuration has; the CLI's own `--max-pages` defaults to 10. */
export const DEFAULT_MAX_PAGES = 50;

/**
 * Every item of a keyset-paged list (`{data, has_more, next_cursor}`, admin-api.yaml), refusing to return a
 * list that would be silently incomplete: `has_more` without a cursor, a cursor seen before (a loop), or
 * more pages than `maxPages`. drift and apply decide from these lists, so a truncated one is an error.
 */
export async function collectPages<T>(
  operation: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages: number = DEFAULT_MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const answer = await fetchPage(cursor);
    items.push(...answer.data);
    if (!answer.has_more) return items;
    const next = answer.next_cursor;
    if (next === null || next === '') throw truncated(operation, `page ${page} says more items follow (has_more) but gives no next_cursor`);
    if (seen.has(next)) throw truncated(operation, `page ${page} repeats a cursor it gave before, so the list would loop`);
    if (page >= maxPages) throw truncated(operation, `the list goes on past ${maxPages} pages`);
    seen.add(next);
    cursor = next;
  }
}

function truncated(operation: string, why: string): TerraCallError {
  return new TerraCallError({
    operation,
    kind: 'truncated',
    message: `${operation} cannot be read completely: ${why}; terra-iac will not act on a partial list`,
  });
}

/** A `{data, has_more, next_cursor}` body, or a reason why the body is not one. */
export function readPage(body: unknown): { ok: true; page: Page<unknown> } | { ok: false; reason: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'the body is not a JSON object' };
  const record = body as Record<string, unknown>;
  if (!Array.isArray(record.data)) return { ok: false, reason: '`data` is not a list' };
  if (typeof record.has_more !== 'boolean') return { ok: false, reason: '`has_more` is not true or false' };
  if (record.next_cursor !== null && typeof record.next_cursor !== 'string') return { ok: false, reason: '`next_cursor` is neither a string nor null' };
  return { ok: true, page: { data: record.data, has_more: record.has_more, next_cursor: record.next_cursor } };
}
