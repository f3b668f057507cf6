/** Index queries that always follow the cursor to the end: a short or empty page is not the last page. */
import { ForgeKvsAPIError, type ListResult } from '@forge/kvs';
import { fail } from '../shared/errors';
import { KVS_LIMITS } from './schema';
import { withKvsRetry } from './kvs-retry';

interface PagedQuery<T> {
  cursor(cursor: string): PagedQuery<T>;
  limit(limit: number): PagedQuery<T>;
  getMany(): Promise<ListResult<T>>;
}

export async function queryAll<T>(build: () => PagedQuery<T>): Promise<Array<{ key: string; value: T }>> {
  const all: Array<{ key: string; value: T }> = [];
  let cursor: string | undefined;
  do {
    const query = build().limit(KVS_LIMITS.pageSize);
    const page = await withKvsRetry('Reading', () => (cursor ? query.cursor(cursor) : query).getMany());
    all.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/**
 * A page read from a cursor the caller sent back. The app's cursors wrap the storage cursor, so one that
 * is well-formed can still carry a storage cursor the KVS refuses (forged, or from another query): that is
 * the caller's mistake, a VALIDATION error on `cursor`, not an INTERNAL one.
 */
export async function fromCallerCursor<T>(hasCursor: boolean, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (hasCursor && error instanceof ForgeKvsAPIError && error.responseDetails?.status === 400) {
      fail('VALIDATION', 'The cursor is not valid', { issues: [{ path: 'cursor', message: 'Not a cursor from a previous page of this list' }] });
    }
    throw error;
  }
}

/**
 * The app's cursor over a list read from storage in pages: the storage cursor of the page being handed out,
 * and how many of its items were handed out already (a response may stop inside a page).
 */
export interface PageCursor {
  /** The storage cursor the current page was read from (absent: the first page). */
  c?: string;
  /** Items of that page already returned. */
  s: number;
}

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodePageCursor(raw: string | undefined, what: string): PageCursor {
  if (!raw) return { s: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as PageCursor;
    if ((parsed.c === undefined || typeof parsed.c === 'string') && Number.isInteger(parsed.s) && parsed.s >= 0) return parsed;
  } catch {
    // fall through to the typed error
  }
  fail('VALIDATION', `The ${what} cursor is not valid`, { issues: [{ path: 'cursor', message: 'Not a cursor from a previous page' }] });
}
