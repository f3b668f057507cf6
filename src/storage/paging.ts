/** Index queries that always follow the cursor to the end: a short or empty page is not the last page. */
import type { ListResult } from '@forge/kvs';
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
