import { OPERATIONS } from './contract';
import { AdminProblem } from './problem';
import type { RequestContext } from './context';

/**
 * Every admin list returns `{data, has_more, next_cursor}` (all required). Only some operations declare
 * a `cursor` parameter (e.g. listWebhookEvents); the fake honours `cursor` on every list, so a client that
 * pages them works, and the `cursorIgnored` fault shows what happens when Terra does not.
 */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

const encode = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function decode(cursor: string): number | undefined {
  try {
    const offset = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
    return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

export function paginate<T>(ctx: RequestContext, items: readonly T[], limit?: number): Page<T> {
  const faults = ctx.server.faults();
  const configured = faults.pageSize ?? ctx.server.options.pageSize ?? Number.POSITIVE_INFINITY;
  const size = Math.max(1, Math.min(configured, limit ?? Number.POSITIVE_INFINITY));
  let offset = 0;
  const cursor = ctx.query.cursor;
  if (cursor !== undefined && !faults.cursorIgnored) {
    const decoded = decode(cursor);
    if (decoded === undefined) {
      // Only where `cursor` is declared can a bad one be a 400; elsewhere it is an unknown parameter.
      if ('cursor' in OPERATIONS[ctx.operationId].query) {
        throw new AdminProblem(400, 'validation_failed', 'invalid cursor', { errors: ['cursor: is not a cursor this server issued'] });
      }
    } else offset = decoded;
  }
  const data = items.slice(offset, offset + size);
  const hasMore = offset + size < items.length;
  return { data, has_more: hasMore, next_cursor: hasMore ? encode(offset + size) : null };
}
