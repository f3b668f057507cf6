/**
 * Participant details (notes, links, contacts, need notes): one record per initiative × participant that
 * has any, read on demand in small requests, never by the overviews themselves (decision 0017).
 */
import { kvs } from '@forge/kvs';
import type { ParticipantDetails } from '../shared/model';
import { decodeDetails, detailKey, jsonBytes, type DetailRecord } from './codec';
import { decodePageCursor, encodePageCursor, fromCallerCursor } from './paging';
import { ENTITY, INDEX, KVS_LIMITS } from './schema';
import { reportUnreadable } from './unreadable';
import { withKvsRetry } from './kvs-retry';

export type DetailsMap = Map<string, ParticipantDetails>;

/**
 * An unreadable detail record reads as no details (logged with its key) rather than failing the popover,
 * the list or the export; the next edit of that cell writes a good record over it.
 */
function decodeOrEmpty(key: string, record: DetailRecord | undefined): ParticipantDetails {
  try {
    return decodeDetails(record);
  } catch (error) {
    reportUnreadable(ENTITY.detail, key, error);
    return decodeDetails(undefined);
  }
}

/** Far below Forge's 5 MB invoke response, whatever the notes hold: one page of details is at most this much. */
export const DETAILS_PAGE_BYTES = 1_000_000;

const details = () => kvs.entity<DetailRecord>(ENTITY.detail);

/** The details of the given participants of one initiative; participants without a record get empty details. */
export async function readDetails(initiativeId: string, codes: readonly string[]): Promise<DetailsMap> {
  const byKey = await readDetailsByKey(codes.map((code) => ({ initiativeId, code })));
  return new Map(codes.map((code) => [code, byKey.get(detailKey(initiativeId, code))!]));
}

/** The details of any initiative × participant pairs (keyed by detailKey), in batches of Forge's 25 keys. */
export async function readDetailsByKey(pairs: ReadonlyArray<{ initiativeId: string; code: string }>): Promise<Map<string, ParticipantDetails>> {
  const unique = [...new Map(pairs.map((p) => [detailKey(p.initiativeId, p.code), p])).values()];
  const found = new Map<string, DetailRecord>();
  const batches: Array<typeof unique> = [];
  for (let i = 0; i < unique.length; i += KVS_LIMITS.batchKeys) batches.push(unique.slice(i, i + KVS_LIMITS.batchKeys));
  await Promise.all(
    batches.map(async (batch) => {
      const result = await withKvsRetry('Reading details', () => kvs.batchGet<DetailRecord>(batch.map((p) => ({ key: detailKey(p.initiativeId, p.code), entityName: ENTITY.detail }))));
      for (const row of result.successfulKeys) found.set(row.key, row.value);
      // A missing record is reported as a failed key; anything else is a real failure.
      const failed = result.failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND');
      if (failed.length > 0) throw new Error(`Reading details failed: ${failed[0].error.code}`);
    }),
  );
  return new Map(
    unique.map((p) => {
      const key = detailKey(p.initiativeId, p.code);
      return [key, decodeOrEmpty(key, found.get(key))];
    }),
  );
}

export interface DetailsPageEntry {
  initiativeId: string;
  code: string;
  details: ParticipantDetails;
}

/**
 * One page of stored details, of one initiative or a whole programme, as many as fit in `byteBudget` (at
 * least one). A storage page is 100 records; when they do not all fit, the cursor remembers how many of that
 * page were handed out, so a response stays far below Forge's 5 MB even when every note is at its maximum.
 */
export async function queryDetailsPage(
  scope: { initiativeId: string } | { programmeId: string },
  cursor?: string,
  byteBudget = DETAILS_PAGE_BYTES,
): Promise<{ entries: DetailsPageEntry[]; cursor: string | null }> {
  const { c: pageCursor, s: skip } = decodePageCursor(cursor, 'details');
  let query =
    'initiativeId' in scope
      ? details().query().index(INDEX.detailsByInitiative, { partition: [scope.initiativeId] })
      : details().query().index(INDEX.detailsByProgramme, { partition: [scope.programmeId] });
  query = query.limit(KVS_LIMITS.pageSize);
  if (pageCursor) query = query.cursor(pageCursor);
  const page = await fromCallerCursor(pageCursor !== undefined, () => withKvsRetry('Reading details', () => query.getMany()));
  const entries: DetailsPageEntry[] = [];
  let bytes = 0;
  const rows = page.results.slice(skip);
  for (let i = 0; i < rows.length; i++) {
    const size = jsonBytes(rows[i].value);
    if (entries.length > 0 && bytes + size > byteBudget) {
      return { entries, cursor: encodePageCursor({ c: pageCursor, s: skip + i }) };
    }
    bytes += size;
    entries.push({ initiativeId: rows[i].value.initiativeId, code: rows[i].value.code, details: decodeOrEmpty(rows[i].key, rows[i].value) });
  }
  return { entries, cursor: page.nextCursor ? encodePageCursor({ c: page.nextCursor, s: 0 }) : null };
}
