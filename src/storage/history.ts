/**
 * Reading history, newest first, a page at a time, for a programme or one initiative, optionally one region, one
 * need, one user and a date range (decision 0030: each filter has an index, the date range is the index's range).
 *
 * Forge applies filters after it has read a page, so a filtered page may hold fewer entries than asked for
 * (even none) while more follow. Unfiltered queries read exactly as many entries as the caller wants. Filtered
 * ones read full pages and may find more matches than fit; the returned cursor then remembers how many matches
 * of that page were already handed out, so nothing is skipped or repeated.
 */
import { FilterConditions, Filter, kvs, Sort, WhereConditions } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry } from '../shared/model';
import { decodeHistory, detailKey, encodeHistory, jsonBytes, type HistoryRecord } from './codec';
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
  /** Who made the change (account id): the by-user index, or a filter on the cell's (decision 0030). */
  by?: string;
  /** Inclusive bounds on the change's time, epoch milliseconds: a range condition on the index's `at`. */
  from?: number;
  to?: number;
  cursor?: string;
  limit: number;
  /** Stop adding entries before their JSON passes this many bytes (at least one is returned). */
  maxBytes?: number;
  /** Storage pages read at most; then the page ends early with a cursor (possibly with no entries). */
  maxPages?: number;
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

/** The app's history query: the index that narrows most, Forge's filters for the rest, the date range on `at`. */
function historyQueryPlan(query: HistoryQuery) {
  const { programmeId, initiativeId, regionCode, by } = query;
  const history = () => kvs.entity<HistoryRecord>(ENTITY.history).query();
  const filters = new Filter<HistoryRecord>().and('programmeId', FilterConditions.equalTo(programmeId));
  // Filters that can drop items from a page (so a page may come back short while more follow).
  let dropping = query.needId !== undefined;
  const also = (field: 'initiativeId' | 'regionCode' | 'by', value: string | undefined) => {
    if (value === undefined) return;
    filters.and(field, FilterConditions.equalTo(value));
    dropping = true;
  };
  // The partition most likely to be small first: one cell, one participant (of up to 400), one initiative (of
  // ~50), then one user (an editor may have made most of the programme's changes); the rest are filters.
  let base: () => ReturnType<ReturnType<typeof history>['index']>;
  if (initiativeId !== undefined && regionCode !== undefined) {
    base = () => history().index(INDEX.historyByCell, { partition: [detailKey(initiativeId, regionCode)] });
    also('by', by);
  } else if (regionCode !== undefined) {
    base = () => history().index(INDEX.historyByParticipant, { partition: [programmeId, regionCode] });
    also('by', by);
  } else if (initiativeId !== undefined) {
    base = () => history().index(INDEX.historyByInitiative, { partition: [initiativeId] });
    also('by', by);
  } else if (by !== undefined) {
    base = () => history().index(INDEX.historyByUser, { partition: [programmeId, by] });
  } else {
    base = () => history().index(INDEX.historyByProgramme, { partition: [programmeId] });
  }
  const { from, to } = query;
  const range =
    from !== undefined && to !== undefined
      ? WhereConditions.between(from, to)
      : from !== undefined
        ? WhereConditions.greaterThanEqualTo(from)
        : to !== undefined
          ? WhereConditions.lessThanEqualTo(to)
          : undefined;
  return {
    build: () => {
      const q = base().filters(filters).sort(Sort.DESC);
      return range ? q.where(range) : q;
    },
    dropping,
  };
}

export interface HistoryPageResult {
  entries: HistoryEntry[];
  cursor: string | null;
}

export async function queryHistory(query: HistoryQuery): Promise<HistoryPageResult> {
  const plan = historyQueryPlan(query);
  const byNeed = (entry: HistoryEntry) => query.needId === undefined || entry.needId === query.needId;
  const maxBytes = query.maxBytes ?? Number.POSITIVE_INFINITY;
  const maxPages = query.maxPages ?? Number.POSITIVE_INFINITY;

  const entries: HistoryEntry[] = [];
  let bytes = 0;
  let { c: pageCursor, s: skip } = decodePageCursor(query.cursor, 'history');
  for (let pages = 1; ; pages++) {
    const wanted = query.limit - entries.length;
    const pageSize = plan.dropping ? KVS_LIMITS.pageSize : Math.min(KVS_LIMITS.pageSize, skip + wanted);
    let builder = plan.build().limit(pageSize);
    if (pageCursor) builder = builder.cursor(pageCursor);
    const page = await fromCallerCursor(pageCursor !== undefined, () => withKvsRetry('Reading the history', () => builder.getMany()));
    const fresh = page.results
      .map((row) => decodeHistory(row.key, row.value))
      .filter(byNeed)
      .slice(skip);
    let taken = 0;
    for (const entry of fresh) {
      if (taken === wanted) break;
      // A response stays under Forge's 5 MB whatever the entries hold: stop before the one that would pass the budget.
      const size = jsonBytes(entry);
      if (entries.length > 0 && bytes + size > maxBytes) break;
      entries.push(entry);
      bytes += size;
      taken++;
    }
    if (taken < fresh.length) return { entries, cursor: encodePageCursor({ c: pageCursor, s: skip + taken }) };
    if (!page.nextCursor) return { entries, cursor: null };
    pageCursor = page.nextCursor;
    skip = 0;
    // Enough entries, or enough reading for one call (a rare filter over a long history): the caller continues.
    if (entries.length === query.limit || pages >= maxPages) return { entries, cursor: encodePageCursor({ c: pageCursor, s: 0 }) };
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
