/**
 * Bulk loading of a whole programme (the demo dataset and the benchmarks). Unlike an edit this is not one
 * atomic change, so it is written as a series of transactions that each stay within Forge's limits.
 */
import type { HistoryEntry, InitiativeWithDetails, Programme } from '../shared/model';
import { encodeHistory, encodeProgramme, jsonBytes } from './codec';
import { initiativeRows } from './initiatives';
import { ENTITY, KVS_LIMITS } from './schema';
import { WriteSet } from './write-set';

interface Row {
  entityName: string;
  key: string;
  value: unknown;
}

export async function seedProgramme(programme: Programme, initiatives: InitiativeWithDetails[], history: HistoryEntry[] = []): Promise<void> {
  const rows: Row[] = [
    { entityName: ENTITY.programme, key: programme.id, value: encodeProgramme(programme) },
    ...initiatives.flatMap((i) => initiativeRows({ ...i, programmeId: programme.id })),
    ...history.map((h) => ({ entityName: ENTITY.history, key: h.id, value: encodeHistory(h) })),
  ];
  // Each transaction also writes the revision key, so it holds one record fewer than the limit.
  const perTransaction = KVS_LIMITS.transactionOperations - 1;
  let batch = new WriteSet('Loading the programme');
  let batchBytes = 0;
  for (const row of rows) {
    const bytes = jsonBytes(row.value);
    if (batch.size === perTransaction || batchBytes + bytes > KVS_LIMITS.transactionBytes) {
      await batch.commit();
      batch = new WriteSet('Loading the programme');
      batchBytes = 0;
    }
    batch.setEntity(row.entityName, row.key, row.value);
    batchBytes += bytes;
  }
  await batch.commit();
}
