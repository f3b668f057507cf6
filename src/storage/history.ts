/**
 * Reading history, newest first, a page at a time, for a programme or one initiative, optionally one region or one need.
 *
 * Forge applies filters after it has read a page, so a filtered page may hold fewer entries than asked for
 * (even none) while more follow. Unfiltered queries read exactly as many entries as the caller wants. Filtered
 * ones read full pages and may find more matches than fit; the returned cursor then remembers how many matches
 * of that page were already handed out, so nothing is skipped or repeated.
 */
import { FilterConditions, Filter, kvs, Sort } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry } from '../shared/model';
import { decodeHistory, detailKey, encodeHistory, type HistoryRecord } from './codec';
import { decodePageCursor, encodePageCursor, fromCallerCursor } from './paging';
import { readRevision } from './revision';
import { ENTITY, INDEX, KVS_LIMITS } from './schema';
import { withKvsRetry } from './kvs-retry';
import { isConditionFailure, WriteSet } from './write-set';

export interface HistoryQuery {
  programmeId: string;
  initiativeId?: string;
  regionCode?: string;
  /** One need's entries (its definition and progress); filtered after reading, within the initiative or cell. */
  needId?: string;
  cursor?: string;
  limit: number;
}

/**
 * The latest recorded change of one cell, or with `needId` of that participant's progress on that need. The
 * by-cell index holds both (an initiative × participant's need progress is recorded there too), so the
 * latest entry is read first (usually the one: one small read) and, if it is of the other kind, full pages.
 */
export async function latestCellChange(
  initiativeId: string,
  regionCode: string,
  needId?: string,
): Promise<{ at: string; byName: string | null } | null> {
  const matches = (entry: HistoryEntry) => (needId === undefined ? entry.target === 'cell' : entry.target === 'need-progress' && entry.needId === needId);
  let cursor: string | undefined;
  for (let size = 1; ; size = KVS_LIMITS.pageSize) {
    let builder = kvs
      .entity<HistoryRecord>(ENTITY.history)
      .query()
      .index(INDEX.historyByCell, { partition: [detailKey(initiativeId, regionCode)] })
      .sort(Sort.DESC)
      .limit(size);
    if (cursor) builder = builder.cursor(cursor);
    const page = await withKvsRetry('Reading the history', () => builder.getMany());
    const entry = page.results.map((row) => decodeHistory(row.key, row.value)).find(matches);
    if (entry) return { at: entry.at, byName: entry.byName };
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
}

/** One history entry by its id, or null. */
export async function getHistoryEntry(id: string): Promise<HistoryEntry | null> {
  const record = await withKvsRetry('Reading the history', () => kvs.entity<HistoryRecord>(ENTITY.history).get(id));
  return record ? decodeHistory(id, record) : null;
}

/**
 * The latest change of one need among an initiative's latest page of history (one read): enough to tell an
 * edit that the need it names was removed meanwhile, without scanning a long history for an id that never was.
 */
export async function recentNeedChange(initiativeId: string, needId: string): Promise<HistoryEntry | null> {
  const page = await withKvsRetry('Reading the history', () =>
    kvs
      .entity<HistoryRecord>(ENTITY.history)
      .query()
      .index(INDEX.historyByInitiative, { partition: [initiativeId] })
      .sort(Sort.DESC)
      .limit(KVS_LIMITS.pageSize)
      .getMany(),
  );
  return page.results.map((row) => decodeHistory(row.key, row.value)).find((entry) => entry.needId === needId) ?? null;
}

export async function queryHistory(query: HistoryQuery): Promise<{ entries: HistoryEntry[]; cursor: string | null }> {
  // One cell's history has its own index; only a region across the programme is a filtered query.
  const oneCell = query.initiativeId !== undefined && query.regionCode !== undefined;
  const byNeed = (entry: HistoryEntry) => query.needId === undefined || entry.needId === query.needId;
  const filtered = (query.regionCode !== undefined && !oneCell) || query.needId !== undefined;
  const filters = new Filter<HistoryRecord>().and('programmeId', FilterConditions.equalTo(query.programmeId));
  if (query.regionCode !== undefined && !oneCell) filters.and('regionCode', FilterConditions.equalTo(query.regionCode));
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
    const fresh = page.results
      .map((row) => decodeHistory(row.key, row.value))
      .filter(byNeed)
      .slice(skip);
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

/** How often a redaction is re-applied after another redaction of the same entry landed first. */
const REDACTION_ATTEMPTS = 5;

/**
 * Overwrites one history entry with what `mutate` makes of it (a redaction: domain/history-redaction.ts),
 * conditioned on the entry's version, so two redactions of the same entry at once cannot write back a
 * value the other removed; the loser re-applies its redaction to the fresh entry. `mutate` answers null when
 * there is nothing to change (then nothing is written). An entry of another programme is NOT_FOUND.
 */
export async function redactHistoryWith(
  id: string,
  programmeId: string,
  mutate: (entry: HistoryEntry) => HistoryEntry | null,
): Promise<{ entry: HistoryEntry; revision: string; changed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const record = await withKvsRetry('Reading the history', () => kvs.entity<HistoryRecord>(ENTITY.history).get(id));
    const entry = record ? decodeHistory(id, record) : null;
    if (!record || !entry || entry.programmeId !== programmeId) {
      fail('NOT_FOUND', 'No such change in this programme', { issues: [{ path: 'historyId', message: 'Unknown change; reload the history and choose it again' }] });
    }
    const next = mutate(entry);
    if (!next) return { entry, revision: await readRevision(), changed: false };
    const version = record.version ?? 0;
    const write = new WriteSet('Removing a value from the history').setEntity(
      ENTITY.history,
      id,
      { ...encodeHistory({ ...next, id, programmeId }), version: version + 1 },
      record.version ?? 'absent',
    );
    try {
      return { entry: next, revision: await write.commit(), changed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (attempt >= REDACTION_ATTEMPTS) fail('CONFLICT', 'The change is being edited by someone else; please try again');
    }
  }
}
