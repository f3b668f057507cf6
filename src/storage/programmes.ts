/** Programme records: one per programme, found by id, by space (oldest first) or by being published. */
import { kvs, Sort } from '@forge/kvs';
import type { HistoryEntry, Programme } from '../shared/model';
import { decodeProgramme, encodeHistory, encodeProgramme, type ProgrammeRecord } from './codec';
import { queryAll } from './paging';
import { ENTITY, INDEX } from './schema';
import { WriteSet } from './write-set';
import { withKvsRetry } from './kvs-retry';

const programmes = () => kvs.entity<ProgrammeRecord>(ENTITY.programme);

export async function getProgramme(id: string): Promise<Programme | null> {
  const record = await withKvsRetry('Reading the programme', () => programmes().get(id));
  return record ? decodeProgramme(id, record) : null;
}

export async function listProgrammesInSpace(spaceKey: string): Promise<Programme[]> {
  const rows = await queryAll(() => programmes().query().index(INDEX.programmesBySpace, { partition: [spaceKey] }).sort(Sort.ASC));
  return rows.map((row) => decodeProgramme(row.key, row.value));
}

export async function listPublishedProgrammes(): Promise<Programme[]> {
  const rows = await queryAll(() => programmes().query().index(INDEX.programmesByPublished, { partition: [true] }).sort(Sort.ASC));
  return rows.map((row) => decodeProgramme(row.key, row.value));
}

/** A space may hold several programmes; a macro without a configured one shows the oldest. */
export async function findDefaultProgrammeForSpace(spaceKey: string): Promise<Programme | null> {
  const first = await withKvsRetry('Reading the space', () => programmes().query().index(INDEX.programmesBySpace, { partition: [spaceKey] }).sort(Sort.ASC).getOne());
  return first ? decodeProgramme(first.key, first.value) : null;
}

/** Stores a new programme with its history entry; returns the new revision. */
export async function createProgramme(programme: Programme, history: HistoryEntry): Promise<string> {
  return new WriteSet('Creating the programme')
    .setEntity(ENTITY.programme, programme.id, encodeProgramme(programme))
    .setEntity(ENTITY.history, history.id, encodeHistory(history))
    .commit();
}
