/**
 * Initiative records (what the overviews draw) and, with them, the participants' detail records.
 *
 * Every change is a read-modify-write of the record(s), conditioned on the version of the initiative that
 * was read, in one transaction with the changed detail records, the history entries and a new revision.
 * Every change to a participant's details also changes the initiative record (its updated date and
 * has-details flag), so the initiative's version guards the details too. If someone else wrote in between,
 * the condition fails, and the change is re-applied to fresh records: the edit functions work on fields,
 * so edits of different fields both land, and an edit made from a stale value of the same field becomes a
 * CONFLICT.
 */
import { ForgeKvsAPIError, kvs, Sort } from '@forge/kvs';
import { fail } from '../shared/errors';
import { splitDetails, type HistoryEntry, type Initiative, type InitiativeWithDetails } from '../shared/model';
import {
  decodeInitiative,
  detailKey,
  encodeDetails,
  encodeHistory,
  encodeInitiative,
  encodeInitiativeRecords,
  withNeedProgress,
  type InitiativeRecord,
  type ProgressRecord,
} from './codec';
import { readDetails, type DetailsMap } from './details';
import { queryAll } from './paging';
import { readRevision } from './revision';
import { ENTITY, INDEX } from './schema';
import { decodeOrFail, decodeRows, reportUnreadable, type UnreadableRecord } from './unreadable';
import { isConditionFailure, WriteSet } from './write-set';
import { withKvsRetry } from './kvs-retry';

/**
 * How often a change is re-applied after losing a race before the caller is asked to try again. Every
 * edit of an initiative's cells writes its one record, so twenty editors saving at the same moment means
 * up to twenty rounds for the last of them; a short random pause between rounds spreads them out.
 */
export const MAX_WRITE_ATTEMPTS = 30;
const RACE_PAUSE_MS = 15;

const initiatives = () => kvs.entity<InitiativeRecord>(ENTITY.initiative);
const progressRecords = () => kvs.entity<ProgressRecord>(ENTITY.progress);

/** The whole initiative, its needs' progress included (what an edit works on). */
export async function getInitiative(id: string): Promise<Initiative | null> {
  const [record, progress] = await Promise.all([
    withKvsRetry('Reading the initiative', () => initiatives().get(id)),
    withKvsRetry('Reading the progress', () => progressRecords().get(id)),
  ]);
  if (!record) return null;
  // An edit needs the whole record: an unreadable one is a typed error naming it, and nothing is written.
  const lean = decodeOrFail(ENTITY.initiative, id, () => decodeInitiative(id, record));
  return decodeOrFail(ENTITY.progress, id, () => withNeedProgress(lean, progress));
}

/**
 * All initiatives of a programme (archived too), in stored order, as the overviews that draw no need
 * progress see them (with a progressSummary). `readNeedProgress` makes them whole. An unreadable record is
 * left out, logged, and added to `unreadable` when given (unreadable.ts).
 */
export async function listInitiatives(programmeId: string, unreadable?: UnreadableRecord[]): Promise<Initiative[]> {
  const rows = await queryAll(() =>
    initiatives().query().index(INDEX.initiativesByProgramme, { partition: [programmeId] }).sort(Sort.ASC),
  );
  return decodeRows(ENTITY.initiative, rows, decodeInitiative, unreadable);
}

/** The needs' progress of every initiative of a programme, by initiative id. */
export async function readNeedProgress(programmeId: string): Promise<Map<string, ProgressRecord>> {
  const rows = await queryAll(() => progressRecords().query().index(INDEX.progressByProgramme, { partition: [programmeId] }));
  return new Map(rows.map((row) => [row.key, row.value]));
}

/**
 * The lean initiatives made whole with their needs' progress (the technical-needs overview). An unreadable
 * progress record leaves its initiative without progress (logged, and added to `unreadable` when given)
 * instead of failing the overview.
 */
export function addNeedProgress(
  lean: readonly Initiative[],
  progress: ReadonlyMap<string, ProgressRecord>,
  unreadable?: UnreadableRecord[],
): Initiative[] {
  return lean.map((initiative) => {
    try {
      return withNeedProgress(initiative, progress.get(initiative.id));
    } catch (error) {
      unreadable?.push(reportUnreadable(ENTITY.progress, initiative.id, error));
      return withNeedProgress(initiative, null);
    }
  });
}

function addHistory(write: WriteSet, history: readonly HistoryEntry[]): WriteSet {
  for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
  return write;
}

/** The detail records of an initiative described with its details inline (seeding). */
export function initiativeRows(full: InitiativeWithDetails): Array<{ entityName: string; key: string; value: unknown }> {
  const { initiative, details } = splitDetails(full);
  const records = encodeInitiativeRecords(initiative);
  const rows: Array<{ entityName: string; key: string; value: unknown }> = [
    { entityName: ENTITY.initiative, key: initiative.id, value: records.initiative },
  ];
  if (records.progress) rows.push({ entityName: ENTITY.progress, key: initiative.id, value: records.progress });
  for (const [code, d] of details) {
    const record = encodeDetails(initiative.programmeId, initiative.id, code, d);
    if (record) rows.push({ entityName: ENTITY.detail, key: detailKey(initiative.id, code), value: record });
  }
  return rows;
}

/** Stores a new initiative with its history entries; returns the new revision. */
export async function insertInitiative(initiative: Initiative, history: readonly HistoryEntry[]): Promise<string> {
  const records = encodeInitiativeRecords(initiative);
  const write = new WriteSet('Creating the initiative').setEntity(ENTITY.initiative, initiative.id, records.initiative);
  if (records.progress) write.setEntity(ENTITY.progress, initiative.id, records.progress);
  return addHistory(write, history).commit();
}

/**
 * A pure change of one initiative. `details` holds the details of the participants asked for with
 * `detailsFor`; the change returns the details it changed (whole, per participant), if any.
 */
export type InitiativeMutation = (
  current: Initiative,
  details: DetailsMap,
) => { next: Initiative; history: HistoryEntry[]; details?: DetailsMap };

export interface InitiativeWrite {
  initiative: Initiative;
  revision: string;
  /** False when the mutation changed nothing: then nothing was written and no history recorded. */
  changed: boolean;
}

/** Someone else wrote the record(s) between our read and our write: re-apply the change to fresh ones. */
class LostRace extends Error {}

/**
 * Commits, and tells a lost race from any other failure. Forge does not document how a failed transaction
 * condition is answered, so a 409 is not trusted alone: after any other refusal, the versions are read
 * again, and if one moved, the race was lost whatever the status said.
 */
async function commitOrLostRace(write: WriteSet, versions: ReadonlyArray<{ id: string; version: number }>): Promise<string> {
  try {
    return await write.commit();
  } catch (error) {
    if (isConditionFailure(error)) throw new LostRace();
    if (error instanceof ForgeKvsAPIError) {
      const now = await Promise.all(versions.map(({ id }) => withKvsRetry('Reading the initiative', () => initiatives().get(id))));
      if (now.some((record, i) => record?.version !== versions[i].version)) throw new LostRace();
    }
    throw error;
  }
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (n >= MAX_WRITE_ATTEMPTS) {
        fail('CONFLICT', 'Too many simultaneous changes to this initiative; please try again');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * RACE_PAUSE_MS * Math.min(n, 8)));
    }
  }
}

/**
 * Applies `mutate` to the stored initiative and writes the result. `mutate` may throw an AppFailure (e.g. a
 * CONFLICT); it is re-run on a fresh record after a lost race, so it must be pure. With `scope`, an initiative
 * of another programme is reported as not found.
 */
export async function updateInitiativeWith(
  id: string,
  mutate: InitiativeMutation,
  scope: { programmeId?: string; detailsFor?: readonly string[] } = {},
): Promise<InitiativeWrite & { details: DetailsMap }> {
  return withRetries(async () => {
    const [current, loaded] = await Promise.all([getInitiative(id), readDetails(id, scope.detailsFor ?? [])]);
    if (!current || (scope.programmeId !== undefined && current.programmeId !== scope.programmeId)) {
      fail('NOT_FOUND', 'No such initiative in this programme');
    }
    const { next, history, details } = mutate(current, loaded);
    if (history.length === 0) return { initiative: current, details: loaded, revision: await readRevision(), changed: false };
    const stored: Initiative = { ...next, id: current.id, programmeId: current.programmeId, version: current.version + 1 };
    const records = encodeInitiativeRecords(stored);
    const write = new WriteSet('Saving the initiative').setEntity(ENTITY.initiative, stored.id, records.initiative, current.version);
    // The progress record is written only when it changed; the initiative's version guards it too.
    const before = encodeInitiativeRecords(current).progress;
    if (JSON.stringify(records.progress) !== JSON.stringify(before)) {
      if (records.progress) write.setEntity(ENTITY.progress, stored.id, records.progress);
      else write.deleteEntity(ENTITY.progress, stored.id);
    }
    for (const [code, changed] of details ?? []) {
      if (!loaded.has(code)) throw new Error(`Details of ${code} were changed without being read`);
      const record = encodeDetails(stored.programmeId, stored.id, code, changed);
      if (record) write.setEntity(ENTITY.detail, detailKey(stored.id, code), record);
      else write.deleteEntity(ENTITY.detail, detailKey(stored.id, code));
    }
    const revision = await commitOrLostRace(addHistory(write, history), [{ id: current.id, version: current.version }]);
    return { initiative: stored, details: new Map([...loaded, ...(details ?? [])]), revision, changed: true };
  });
}

export type ProgrammeInitiativesMutation = (all: Initiative[]) => { next: Initiative[]; history: HistoryEntry[] };

/**
 * Like updateInitiativeWith, for a change that spans several initiatives of a programme (reordering).
 * `next` holds only the initiatives that change; all of them are written in one transaction, each
 * conditioned on the version that was read.
 */
export async function updateProgrammeInitiativesWith(
  programmeId: string,
  mutate: ProgrammeInitiativesMutation,
): Promise<{ initiatives: Initiative[]; revision: string; changed: boolean }> {
  return withRetries(async () => {
    const all = await listInitiatives(programmeId);
    const byId = new Map(all.map((i) => [i.id, i]));
    const { next, history } = mutate(all);
    if (history.length === 0 && next.length === 0) return { initiatives: [], revision: await readRevision(), changed: false };
    const write = new WriteSet('Saving the new order');
    const read: Array<{ id: string; version: number }> = [];
    const stored = next.map((initiative) => {
      const current = byId.get(initiative.id);
      if (!current) fail('NOT_FOUND', 'No such initiative in this programme');
      read.push({ id: current.id, version: current.version });
      const updated: Initiative = { ...initiative, programmeId, version: current.version + 1 };
      write.setEntity(ENTITY.initiative, updated.id, encodeInitiative(updated), current.version);
      return updated;
    });
    const revision = await commitOrLostRace(addHistory(write, history), read);
    return { initiatives: stored, revision, changed: true };
  });
}
