/**
 * CSV imports (decision 0028): each transaction of an import writes one initiative's changed cells, their
 * history entries (each with the import's id), a part record listing those cells with their old and new
 * status, and the import record (who, when, which file, counts). Undo reads the parts back by key prefix,
 * so it never scans the history. Plain keys: nothing queries them but by their prefix.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Initiative, ParticipantDetails } from '../shared/model';
import type { ImportChange } from '../domain/import/import-diff';
import type { ImportLineChange } from '../shared/import-csv';
import { detailKey, encodeDetails, encodeHistory, encodeInitiativeRecords } from './codec';
import { readDetails, type DetailsMap } from './details';
import { getInitiative } from './initiatives';
import { withKvsRetry } from './kvs-retry';
import { fromCallerCursor } from './paging';
import { readRevision } from './revision';
import { ENTITY, KVS_LIMITS } from './schema';
import { isConditionFailure, WriteSet } from './write-set';

export interface ImportRecord {
  importId: string;
  programmeId: string;
  at: string;
  by: string;
  byName: string | null;
  fileName: string;
  /** As the preview counted them: the cells the file changes, and those it leaves as they are. */
  changes: number;
  unchanged: number;
  /** Initiatives the file named that the programme did not have (as previewed); absent: none. */
  created?: number;
  /** Cells written so far (a part that conflicted wrote none); absent on records older than the list. */
  applied?: number;
  /** Cells undo gave back their old status so far. */
  restored?: number;
  /** Set once an undo has run (it may have left cells edited since). */
  undoneAt?: string;
}

export interface ImportPart {
  programmeId: string;
  importId: string;
  initiativeId: string;
  cells: ImportChange[];
  /** A cell lines import's cells, field by field (decision 0031); absent in a matrix import's part. */
  lines?: ImportLineChange[];
}

const recordKey = (importId: string) => `import:${importId}`;
const partPrefix = (importId: string) => `import-part:${importId}:`;
/** One part per initiative and first cell: a retried batch rewrites its own part, never a second one. */
const partKey = (importId: string, initiativeId: string, firstCode: string) => `${partPrefix(importId)}${initiativeId}:${firstCode}`;
/** An initiative the import created (undo archives it after its cells, if untouched): a prefix of its own, read last. */
const createdPrefix = (importId: string) => `import-new:${importId}:`;
/**
 * The space page's list of a programme's imports, newest first: the key sorts by the time reversed, and holds
 * the import's id (the record stays at its own key, which apply and undo read by id).
 */
const listPrefix = (programmeId: string) => `import-list:${programmeId}:`;
const LATEST = 9_999_999_999_999;
const listKey = (record: ImportRecord) => `${listPrefix(record.programmeId)}${String(LATEST - Date.parse(record.at)).padStart(13, '0')}:${record.importId}`;

export interface ImportCreated {
  programmeId: string;
  importId: string;
  initiativeId: string;
  name: string;
}

const ATTEMPTS = 10;

export async function readImportRecord(importId: string): Promise<ImportRecord | null> {
  return (await withKvsRetry('Reading the import', () => kvs.get<ImportRecord>(recordKey(importId)))) ?? null;
}

/**
 * The first `limit` parts not undone yet (undo deletes a part with the cells it restores), and whether more
 * follow: one small read per undo call, however large the import.
 */
export async function openImportParts(importId: string, limit: number): Promise<{ parts: Array<{ key: string; part: ImportPart }>; more: boolean }> {
  const page = await withKvsRetry('Reading the import', () => kvs.query().where('key', WhereConditions.beginsWith(partPrefix(importId))).limit(limit).getMany<ImportPart>());
  return { parts: page.results.map((row) => ({ key: row.key, part: row.value })), more: page.nextCursor !== undefined };
}

/**
 * An import's record and its line in the programme's list, written once, before its first change: a retry of
 * the first call finds the record and so never lists the import twice. An import that then fails entirely is
 * listed with 0 cells, which is what happened.
 */
export async function startImportRecord(record: ImportRecord): Promise<void> {
  await new WriteSet('Starting the import').setKey(recordKey(record.importId), record).setKey(listKey(record), record.importId).commit();
}

/** A page of a programme's imports, newest first. */
export async function listImportRecords(programmeId: string, limit: number, cursor?: string): Promise<{ records: ImportRecord[]; cursor: string | null }> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(listPrefix(programmeId))).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await fromCallerCursor(cursor !== undefined, () => withKvsRetry('Reading the imports', () => query.getMany<string>()));
  const ids = page.results.map((row) => row.value);
  const records = new Map<string, ImportRecord>();
  for (let k = 0; k < ids.length; k += KVS_LIMITS.batchKeys) {
    const keys = ids.slice(k, k + KVS_LIMITS.batchKeys).map((id) => ({ key: recordKey(id) }));
    const found = await withKvsRetry('Reading the imports', () => kvs.batchGet<ImportRecord>(keys));
    for (const row of found.successfulKeys) records.set(row.value.importId, row.value);
  }
  return { records: ids.flatMap((id) => records.get(id) ?? []), cursor: page.nextCursor ?? null };
}

/**
 * An initiative the import creates, with its history (each entry carrying the import's id), the note undo
 * reads back, and the import record, in one transaction.
 */
export async function insertImportedInitiative(initiative: Initiative, history: readonly HistoryEntry[], record: ImportRecord): Promise<string> {
  const records = encodeInitiativeRecords(initiative);
  const write = new WriteSet('Creating the initiative').setEntity(ENTITY.initiative, initiative.id, records.initiative, 'absent');
  if (records.progress) write.setEntity(ENTITY.progress, initiative.id, records.progress);
  for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
  write.setKey(`${createdPrefix(record.importId)}${initiative.id}`, {
    programmeId: initiative.programmeId,
    importId: record.importId,
    initiativeId: initiative.id,
    name: initiative.name,
  } satisfies ImportCreated);
  write.setKey(recordKey(record.importId), record);
  return write.commit();
}

/** The initiatives an import created that undo has not handled yet (undo deletes each note as it handles it). */
export async function openImportCreated(importId: string, limit: number): Promise<{ created: Array<{ key: string; created: ImportCreated }>; more: boolean }> {
  const page = await withKvsRetry('Reading the import', () => kvs.query().where('key', WhereConditions.beginsWith(createdPrefix(importId))).limit(limit).getMany<ImportCreated>());
  return { created: page.results.map((row) => ({ key: row.key, created: row.value })), more: page.nextCursor !== undefined };
}

export type ImportBatchMutation = (
  current: Initiative,
  details: DetailsMap,
) => { next: Initiative; history: HistoryEntry[]; cells: ImportChange[]; lines?: ImportLineChange[]; details?: ReadonlyMap<string, ParticipantDetails> };

/**
 * One batch: `mutate` (pure; re-run on a fresh record after a lost race) decides the initiative's next
 * state; it is written conditioned on the version read, with its history, its part (the `cells` it
 * changed; when undoing, the undone part deleted) and the import record, in one transaction.
 */
export async function writeImportBatch(
  initiativeId: string,
  programmeId: string,
  mutate: ImportBatchMutation,
  record: ImportRecord,
  /** Undo: the part it undoes, deleted in the same transaction (the history keeps every entry of the import). */
  undoing?: { key: string },
  /** A cell lines import: the participants whose details (note, link) the batch reads and may write, guarded by the initiative's version. */
  detailsFor: readonly string[] = [],
): Promise<{ revision: string; cells: ImportChange[]; lines: ImportLineChange[]; record: ImportRecord }> {
  for (let attempt = 1; ; attempt++) {
    const [current, loaded] = await Promise.all([getInitiative(initiativeId), readDetails(initiativeId, detailsFor)]);
    if (!current || current.programmeId !== programmeId) fail('NOT_FOUND', 'No such initiative in this programme');
    const { next, history, cells, lines = [], details } = mutate(current, loaded);
    const write = new WriteSet('Importing');
    if (history.length > 0) {
      const stored: Initiative = { ...next, id: current.id, programmeId, version: current.version + 1 };
      write.setEntity(ENTITY.initiative, stored.id, encodeInitiativeRecords(stored).initiative, current.version);
      for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
      for (const [code, changed] of details ?? []) {
        if (!loaded.has(code)) throw new Error(`Details of ${code} were changed without being read`);
        const encoded = encodeDetails(programmeId, current.id, code, changed);
        if (encoded) write.setEntity(ENTITY.detail, detailKey(current.id, code), encoded);
        else write.deleteEntity(ENTITY.detail, detailKey(current.id, code));
      }
    }
    if (undoing) write.deleteKey(undoing.key);
    else if (cells.length > 0 || lines.length > 0) {
      const first = cells[0]?.regionCode ?? lines[0].regionCode;
      const part: ImportPart = { programmeId, importId: record.importId, initiativeId, cells, ...(lines.length > 0 ? { lines } : {}) };
      write.setKey(partKey(record.importId, initiativeId, first), part);
    }
    const count = cells.length + lines.length;
    if (write.size === 0) return { revision: await readRevision(), cells, lines, record };
    // The record counts what was written, in the same transaction, so the list of imports never over- or under-counts.
    const counted: ImportRecord = undoing ? { ...record, restored: (record.restored ?? 0) + count } : { ...record, applied: (record.applied ?? 0) + count };
    write.setKey(recordKey(record.importId), counted);
    try {
      return { revision: await write.commit(), cells, lines, record: counted };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (attempt >= ATTEMPTS) fail('CONFLICT', 'Too many simultaneous changes to this initiative; please try again');
    }
  }
}

/** An undo that found nothing left to restore still marks the import undone, so the list says so. */
export async function markImportUndone(record: ImportRecord): Promise<void> {
  await withKvsRetry('Undoing the import', () => kvs.set(recordKey(record.importId), record));
}
