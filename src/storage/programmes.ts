/** Programme records: one per programme, found by id, by space (oldest first) or by being published. */
import { ForgeKvsAPIError, kvs, Sort } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Programme } from '../shared/model';
import { decodeProgramme, encodeHistory, encodeProgramme, type ProgrammeRecord } from './codec';
import { queryAll } from './paging';
import { ENTITY, INDEX } from './schema';
import { decodeOrFail, decodeRows } from './unreadable';
import { WriteSet } from './write-set';
import { withKvsRetry } from './kvs-retry';

const programmes = () => kvs.entity<ProgrammeRecord>(ENTITY.programme);

/** A malformed programme is a typed error naming it, not "no programme here yet". */
const decodeNamed = (id: string, record: ProgrammeRecord): Programme => decodeOrFail(ENTITY.programme, id, () => decodeProgramme(id, record));

export async function getProgramme(id: string): Promise<Programme | null> {
  const record = await withKvsRetry('Reading the programme', () => programmes().get(id));
  return record ? decodeNamed(id, record) : null;
}

/** Lists for choosing a programme: an unreadable one is left out (and logged) rather than failing the list. */
export async function listProgrammesInSpace(spaceKey: string): Promise<Programme[]> {
  const rows = await queryAll(() => programmes().query().index(INDEX.programmesBySpace, { partition: [spaceKey] }).sort(Sort.ASC));
  return decodeRows(ENTITY.programme, rows, decodeProgramme);
}

export async function listPublishedProgrammes(): Promise<Programme[]> {
  const rows = await queryAll(() => programmes().query().index(INDEX.programmesByPublished, { partition: [true] }).sort(Sort.ASC));
  return decodeRows(ENTITY.programme, rows, decodeProgramme);
}

/** A space may hold several programmes (from before the one-per-space rule); a macro without a configured one shows the oldest. */
export async function findDefaultProgrammeForSpace(spaceKey: string): Promise<Programme | null> {
  const first = await withKvsRetry('Reading the space', () => programmes().query().index(INDEX.programmesBySpace, { partition: [spaceKey] }).sort(Sort.ASC).getOne());
  return first ? decodeNamed(first.key, first.value) : null;
}

/**
 * The claim a space's first programme writes with itself, conditioned on its absence: of two editors who
 * create a programme in an empty space at the same moment, exactly one gets it. The ':' keeps the key out
 * of the programme ids a macro config can name, and the claim has none of the indexed attributes, so no
 * list or index ever sees it.
 */
export const spaceClaimKey = (spaceKey: string) => `space:${spaceKey}`;

function spaceTaken(existing: Programme | null): never {
  return fail('CONFLICT', 'This space already has a programme; a space holds one programme', {
    ...(existing ? { current: { programmeId: existing.id, name: existing.name } } : {}),
  });
}

/**
 * Stores a new programme with its history entry; returns the new revision. One programme per space (what
 * getCapabilities offers): a space that has one already is refused with CONFLICT and nothing is written.
 */
export async function createProgramme(programme: Programme, history: HistoryEntry): Promise<string> {
  const existing = await findDefaultProgrammeForSpace(programme.spaceKey);
  if (existing) spaceTaken(existing);
  const write = new WriteSet('Creating the programme')
    .setEntity(ENTITY.programme, programme.id, encodeProgramme(programme))
    .setEntity(ENTITY.programme, spaceClaimKey(programme.spaceKey), { version: 1, data: { programmeId: programme.id } }, 'absent')
    .setEntity(ENTITY.history, history.id, encodeHistory(history));
  try {
    return await write.commit();
  } catch (error) {
    // Forge does not document how a failed condition is answered (finding 7b): whatever the status, if the
    // space has a programme now, someone else created it first.
    if (error instanceof ForgeKvsAPIError) {
      const now = await findDefaultProgrammeForSpace(programme.spaceKey);
      if (now) spaceTaken(now);
    }
    throw error;
  }
}
