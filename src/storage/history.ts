/**
 * Reading history, newest first, a page at a time, for a programme or one initiative, optionally one region.
 *
 * Forge applies filters after it has read a page, so a filtered page may hold fewer entries than asked for
 * (even none) while more follow. Unfiltered queries read exactly as many entries as the caller wants. Filtered
 * ones read full pages and may find more matches than fit; the returned cursor then remembers how many matches
 * of that page were already handed out, so nothing is skipped or repeated.
 */
import { FilterConditions, Filter, kvs, Sort } from '@forge/kvs';
import type { HistoryEntry } from '../shared/model';
import { decodeHistory, detailKey, type HistoryRecord } from './codec';
import { decodePageCursor, encodePageCursor, fromCallerCursor } from './paging';
import { ENTITY, INDEX, KVS_LIMITS } from './schema';
import { withKvsRetry } from './kvs-retry';

export interface HistoryQuery {
  programmeId: string;
  initiativeId?: string;
  regionCode?: string;
  cursor?: string;
  limit: number;
}

/** The latest recorded change of one cell: one small read on the by-cell index. */
export async function latestCellChange(initiativeId: string, regionCode: string): Promise<{ at: string; byName: string | null } | null> {
  const row = await withKvsRetry('Reading the history', () => kvs
    .entity<HistoryRecord>(ENTITY.history)
    .query()
    .index(INDEX.historyByCell, { partition: [detailKey(initiativeId, regionCode)] })
    .sort(Sort.DESC)
    .getOne());
  if (!row) return null;
  const entry = decodeHistory(row.key, row.value);
  return { at: entry.at, byName: entry.byName };
}

export async function queryHistory(query: HistoryQuery): Promise<{ entries: HistoryEntry[]; cursor: string | null }> {
  // One cell's history has its own index; only a region across the programme is a filtered query.
  const oneCell = query.initiativeId !== undefined && query.regionCode !== undefined;
  const filtered = query.regionCode !== undefined && !oneCell;
  const filters = new Filter<HistoryRecord>().and('programmeId', FilterConditions.equalTo(query.programmeId));
  if (filtered) filters.and('regionCode', FilterConditions.equalTo(query.regionCode as string));
  const history = () => kvs.entity<HistoryRecord>(ENTITY.history).query();
  const base = () =>
    oneCell
      ? history().index(INDEX.historyByCell, { partition: [detailKey(query.initiativeId as string, query.regionCode as string)] })
      : query.initiativeId !== undefined
        ? history().index(INDEX.historyByInitiative, { partition: [query.initiativeId] })
        : history().index(INDEX.historyByProgramme, { partition: [query.programmeId] });

  const entries: HistoryEntry[] = [];
  let { c: pageCursor, s: skip } = decodePageCursor(query.cursor, 'history');
  for (;;) {
    const wanted = query.limit - entries.length;
    const pageSize = filtered ? KVS_LIMITS.pageSize : Math.min(KVS_LIMITS.pageSize, skip + wanted);
    let builder = base().filters(filters).sort(Sort.DESC).limit(pageSize);
    if (pageCursor) builder = builder.cursor(pageCursor);
    const page = await fromCallerCursor(pageCursor !== undefined, () => withKvsRetry('Reading the history', () => builder.getMany()));
    const fresh = page.results.slice(skip).map((row) => decodeHistory(row.key, row.value));
    if (fresh.length > wanted) {
      entries.push(...fresh.slice(0, wanted));
      return { entries, cursor: encodePageCursor({ c: pageCursor, s: skip + wanted }) };
    }
    entries.push(...fresh);
    if (!page.nextCursor) return { entries, cursor: null };
    pageCursor = page.nextCursor;
    skip = 0;
    if (entries.length === query.limit) return { entries, cursor: encodePageCursor({ c: pageCursor, s: 0 }) };
  }
}
