/**
 * Reading a programme for a backup and writing a restore (decision 0029).
 *
 * A restore writes the initiatives, progress, details and history of a programme under their own keys
 * while the programme record does not exist: nothing lists them (every list and index starts from a
 * programme record), so a half-finished restore is invisible and can be resumed by sending its parts
 * again (each write is a plain set of the same record). Every transaction checks that the programme
 * record is still absent, so a finished programme is never overwritten by a late or repeated part. The
 * programme record (with the space's claim) is written last, and only then does the programme appear.
 */
import { Filter, FilterConditions, kvs, Sort } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Initiative, Programme } from '../shared/model';
import type { BackupDetail } from '../shared/backup-format';
import {
  decodeDetails,
  decodeHistory,
  detailKey,
  encodeDetails,
  encodeHistory,
  encodeInitiativeRecords,
  encodeProgramme,
  jsonBytes,
  type DetailRecord,
  type HistoryRecord,
  type InitiativeRecord,
  type ProgrammeRecord,
} from './codec';
import { decodePageCursor, encodePageCursor, fromCallerCursor } from './paging';
import { addNeedProgress, listInitiatives, readNeedProgress } from './initiatives';
import { findDefaultProgrammeForSpace, getProgramme, spaceClaimKey } from './programmes';
import { ENTITY, INDEX, KVS_LIMITS, REVISION_KEY } from './schema';
import { isConditionFailure, newRevision } from './write-set';
import { withKvsRetry } from './kvs-retry';

/** Every initiative of a programme, whole (with its needs' progress), in stored order. Two index reads. */
export async function readWholeInitiatives(programmeId: string): Promise<Initiative[]> {
  const [lean, progress] = await Promise.all([listInitiatives(programmeId), readNeedProgress(programmeId)]);
  return addNeedProgress(lean, progress);
}

/**
 * One page of the rows of an index, decoded, cut where the decoded items pass `byteBudget` (one item at
 * least). One KVS page read per call; the cursor remembers how many of that page were handed out, as the
 * details' pages do (details.ts), so a response stays bounded even where storage compresses well.
 */
async function readPage<R, T>(
  query: () => { limit(n: number): unknown },
  cursor: string | undefined,
  byteBudget: number,
  decode: (key: string, value: R) => T,
  what: string,
): Promise<{ items: T[]; cursor: string | null }> {
  const { c: pageCursor, s: skip } = decodePageCursor(cursor, what);
  type Q = { limit(n: number): Q; cursor(c: string): Q; getMany(): Promise<{ results: Array<{ key: string; value: R }>; nextCursor?: string }> };
  let q = (query() as Q).limit(KVS_LIMITS.pageSize);
  if (pageCursor) q = q.cursor(pageCursor);
  const built = q;
  const page = await fromCallerCursor(pageCursor !== undefined, () => withKvsRetry('Reading the backup', () => built.getMany()));
  const items: T[] = [];
  let bytes = 0;
  const rows = page.results.slice(skip);
  for (let i = 0; i < rows.length; i++) {
    const item = decode(rows[i].key, rows[i].value);
    const size = jsonBytes(item);
    if (items.length > 0 && bytes + size > byteBudget) return { items, cursor: encodePageCursor({ c: pageCursor, s: skip + i }) };
    bytes += size;
    items.push(item);
  }
  return { items, cursor: page.nextCursor ? encodePageCursor({ c: page.nextCursor, s: 0 }) : null };
}

/** One page of a programme's details, decoded, at most about `byteBudget` bytes. */
export async function readBackupDetails(programmeId: string, cursor: string | undefined, byteBudget: number): Promise<{ details: BackupDetail[]; cursor: string | null }> {
  const page = await readPage<DetailRecord, BackupDetail>(
    () => kvs.entity<DetailRecord>(ENTITY.detail).query().index(INDEX.detailsByProgramme, { partition: [programmeId] }).sort(Sort.ASC),
    cursor,
    byteBudget,
    (_key, value) => ({ initiativeId: value.initiativeId, code: value.code, details: decodeDetails(value) }),
    'backup',
  );
  return { details: page.items, cursor: page.cursor };
}

/** One page of a programme's history, oldest first, decoded, at most about `byteBudget` bytes. */
export async function readBackupHistory(programmeId: string, cursor: string | undefined, byteBudget: number): Promise<{ entries: HistoryEntry[]; cursor: string | null }> {
  const page = await readPage<HistoryRecord, HistoryEntry>(
    () => kvs.entity<HistoryRecord>(ENTITY.history).query().index(INDEX.historyByProgramme, { partition: [programmeId] }).sort(Sort.ASC),
    cursor,
    byteBudget,
    decodeHistory,
    'backup',
  );
  return { entries: page.items, cursor: page.cursor };
}

// ------------------------------------------------------------------ restore

/** The record of a restore under way: which parts of which file are written. A plain key, no index. */
const sessionKey = (programmeId: string) => `restore:${programmeId}`;
interface RestoreSession {
  checksum: string;
  written: number[];
}

/** Whether a restore of this programme into this space can start or go on; a typed CONFLICT when not. */
export async function checkRestoreTarget(programmeId: string, spaceKey: string): Promise<void> {
  const [existing, inSpace] = await Promise.all([getProgramme(programmeId), findDefaultProgrammeForSpace(spaceKey)]);
  if (existing) fail('CONFLICT', 'This programme already exists on this site', { current: { programmeId: existing.id, name: existing.name }, issues: [{ path: 'programme.id', message: 'The programme of this backup exists on this site already' }] });
  if (inSpace) fail('CONFLICT', 'This space already has a programme; a space holds one programme', { current: { programmeId: inSpace.id, name: inSpace.name } });
}

/**
 * Initiative ids of the file that are taken by another programme on this site: restoring them would
 * overwrite that programme's records. Those of the restored programme itself (an earlier attempt) are fine.
 */
export async function initiativesTakenElsewhere(programmeId: string, ids: readonly string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let k = 0; k < ids.length; k += KVS_LIMITS.batchKeys) {
    const keys = ids.slice(k, k + KVS_LIMITS.batchKeys);
    const found = await withKvsRetry('Reading the initiatives', () => kvs.batchGet<InitiativeRecord>(keys.map((key) => ({ key, entityName: ENTITY.initiative }))));
    for (const row of found.successfulKeys) if (row.value.programmeId !== programmeId) taken.push(row.key);
  }
  return taken;
}

export async function readRestoreSession(programmeId: string): Promise<RestoreSession | null> {
  return (await withKvsRetry('Reading the restore', () => kvs.get<RestoreSession>(sessionKey(programmeId)))) ?? null;
}

interface Row {
  entityName: string;
  key: string;
  value: unknown;
}

/** The stored records of restored data, exactly as the edits would have written them. */
export function restoreRows(programmeId: string, part: { initiatives?: Initiative[]; details?: BackupDetail[]; entries?: HistoryEntry[] }): Row[] {
  const rows: Row[] = [];
  for (const initiative of part.initiatives ?? []) {
    const records = encodeInitiativeRecords(initiative);
    rows.push({ entityName: ENTITY.initiative, key: initiative.id, value: records.initiative });
    if (records.progress) rows.push({ entityName: ENTITY.progress, key: initiative.id, value: records.progress });
  }
  for (const d of part.details ?? []) {
    const record = encodeDetails(programmeId, d.initiativeId, d.code, d.details);
    if (record) rows.push({ entityName: ENTITY.detail, key: detailKey(d.initiativeId, d.code), value: record });
  }
  for (const entry of part.entries ?? []) rows.push({ entityName: ENTITY.history, key: entry.id, value: encodeHistory(entry) });
  return rows;
}

const programmeAbsent = <T extends { version: number } = ProgrammeRecord>() => new Filter<T>().and('version', FilterConditions.notExists());
interface SpaceClaim {
  version: number;
  data: { programmeId: string };
}

async function commit(tx: ReturnType<typeof kvs.transact>, what: string): Promise<string> {
  const revision = newRevision();
  tx.set(REVISION_KEY, revision);
  try {
    await withKvsRetry(what, () => tx.execute());
  } catch (error) {
    if (isConditionFailure(error)) fail('CONFLICT', 'The programme was restored or created meanwhile');
    throw error;
  }
  return revision;
}

/**
 * Writes one part's records in transactions of at most 25 operations (the records, the check that the
 * programme is still absent, and the revision), then notes the part as written. Returns the revision.
 */
export async function writeRestorePart(programmeId: string, checksum: string, index: number, rows: readonly Row[]): Promise<string> {
  const perTransaction = KVS_LIMITS.transactionOperations - 2;
  let revision = '';
  for (let k = 0; k < rows.length; ) {
    const tx = kvs.transact().check(programmeId, { entityName: ENTITY.programme, conditions: programmeAbsent() });
    let bytes = 0;
    let n = 0;
    while (k < rows.length && n < perTransaction && (n === 0 || bytes + jsonBytes(rows[k].value) <= KVS_LIMITS.transactionBytes)) {
      const row = rows[k];
      if (jsonBytes(row.value) > KVS_LIMITS.valueBytes) fail('LIMIT', `A ${row.entityName} record of the backup would be over 240 KiB`);
      tx.set(row.key, row.value, { entityName: row.entityName });
      bytes += jsonBytes(row.value);
      n++;
      k++;
    }
    revision = await commit(tx, 'Restoring the programme');
  }
  const session = await readRestoreSession(programmeId);
  const written = session && session.checksum === checksum ? session.written : [];
  const tx = kvs.transact().check(programmeId, { entityName: ENTITY.programme, conditions: programmeAbsent() });
  tx.set(sessionKey(programmeId), { checksum, written: [...new Set([...written, index])].sort((a, b) => a - b) });
  return (await commit(tx, 'Restoring the programme')) || revision;
}

/**
 * The last step: the programme record and the space's claim, both only if absent, in one transaction, and
 * the restore's own record removed. From now on the programme is listed and its macros show it.
 */
export async function finishRestore(programme: Programme): Promise<string> {
  const tx = kvs
    .transact()
    .set(programme.id, encodeProgramme(programme), { entityName: ENTITY.programme, conditions: programmeAbsent() })
    .set<SpaceClaim>(spaceClaimKey(programme.spaceKey), { version: 1, data: { programmeId: programme.id } }, { entityName: ENTITY.programme, conditions: programmeAbsent<SpaceClaim>() })
    .delete(sessionKey(programme.id));
  return commit(tx, 'Restoring the programme');
}
