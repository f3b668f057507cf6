/**
 * CSV imports (decision 0028): each transaction of an import writes one initiative's changed cells, their
 * history entries (each with the import's id), a part record listing those cells with their old and new
 * status, and the import record (who, when, which file, counts). Undo reads the parts back by key prefix,
 * so it never scans the history. Plain keys: nothing queries them but by their prefix.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Initiative } from '../shared/model';
import type { ImportChange } from '../domain/import/import-diff';
import { encodeHistory, encodeInitiativeRecords } from './codec';
import { getInitiative } from './initiatives';
import { withKvsRetry } from './kvs-retry';
import { readRevision } from './revision';
import { ENTITY } from './schema';
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
  /** Set once an undo has run (it may have left cells edited since). */
  undoneAt?: string;
}

export interface ImportPart {
  programmeId: string;
  importId: string;
  initiativeId: string;
  cells: ImportChange[];
}

const recordKey = (importId: string) => `import:${importId}`;
const partPrefix = (importId: string) => `import-part:${importId}:`;
/** One part per initiative and first cell: a retried batch rewrites its own part, never a second one. */
const partKey = (importId: string, initiativeId: string, firstCode: string) => `${partPrefix(importId)}${initiativeId}:${firstCode}`;

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

export type ImportBatchMutation = (current: Initiative) => { next: Initiative; history: HistoryEntry[]; cells: ImportChange[] };

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
): Promise<{ revision: string; cells: ImportChange[] }> {
  for (let attempt = 1; ; attempt++) {
    const current = await getInitiative(initiativeId);
    if (!current || current.programmeId !== programmeId) fail('NOT_FOUND', 'No such initiative in this programme');
    const { next, history, cells } = mutate(current);
    const write = new WriteSet('Importing');
    if (history.length > 0) {
      const stored: Initiative = { ...next, id: current.id, programmeId, version: current.version + 1 };
      write.setEntity(ENTITY.initiative, stored.id, encodeInitiativeRecords(stored).initiative, current.version);
      for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
    }
    if (undoing) write.deleteKey(undoing.key);
    else if (cells.length > 0) {
      write.setKey(partKey(record.importId, initiativeId, cells[0].regionCode), { programmeId, importId: record.importId, initiativeId, cells } satisfies ImportPart);
    }
    if (write.size === 0) return { revision: await readRevision(), cells };
    write.setKey(recordKey(record.importId), record);
    try {
      return { revision: await write.commit(), cells };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (attempt >= ATTEMPTS) fail('CONFLICT', 'Too many simultaneous changes to this initiative; please try again');
    }
  }
}
