/**
 * Initiative records: the aggregate of one initiative with its cells, needs and milestones.
 *
 * Every change is a read-modify-write of the record(s), conditioned on the version that was read, in one
 * transaction with the history entries and a new revision. If someone else wrote in between, the condition
 * fails, and the change is re-applied to the fresh record: the edit functions work on fields, so edits of
 * different fields both land, and an edit made from a stale value of the same field becomes a CONFLICT.
 */
import { kvs, Sort } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Initiative } from '../shared/model';
import { decodeInitiative, encodeHistory, encodeInitiative, type InitiativeRecord } from './codec';
import { queryAll } from './paging';
import { readRevision } from './revision';
import { ENTITY, INDEX } from './schema';
import { isConditionFailure, WriteSet } from './write-set';

/** How often a change is re-applied after losing a race before the caller is asked to try again. */
export const MAX_WRITE_ATTEMPTS = 5;

const initiatives = () => kvs.entity<InitiativeRecord>(ENTITY.initiative);

export async function getInitiative(id: string): Promise<Initiative | null> {
  const record = await initiatives().get(id);
  return record ? decodeInitiative(id, record) : null;
}

/** All initiatives of a programme (archived too), in stored order. */
export async function listInitiatives(programmeId: string): Promise<Initiative[]> {
  const rows = await queryAll(() =>
    initiatives().query().index(INDEX.initiativesByProgramme, { partition: [programmeId] }).sort(Sort.ASC),
  );
  return rows.map((row) => decodeInitiative(row.key, row.value));
}

function addHistory(write: WriteSet, history: readonly HistoryEntry[]): WriteSet {
  for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
  return write;
}

/** Stores a new initiative with its history entries; returns the new revision. */
export async function insertInitiative(initiative: Initiative, history: readonly HistoryEntry[]): Promise<string> {
  const write = new WriteSet('Creating the initiative').setEntity(ENTITY.initiative, initiative.id, encodeInitiative(initiative));
  return addHistory(write, history).commit();
}

export type InitiativeMutation = (current: Initiative) => { next: Initiative; history: HistoryEntry[] };

export interface InitiativeWrite {
  initiative: Initiative;
  revision: string;
  /** False when the mutation changed nothing: then nothing was written and no history recorded. */
  changed: boolean;
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (n >= MAX_WRITE_ATTEMPTS) {
        fail('CONFLICT', 'Too many simultaneous changes to this initiative; please try again');
      }
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
  scope: { programmeId?: string } = {},
): Promise<InitiativeWrite> {
  return withRetries(async () => {
    const current = await getInitiative(id);
    if (!current || (scope.programmeId !== undefined && current.programmeId !== scope.programmeId)) {
      fail('NOT_FOUND', 'No such initiative in this programme');
    }
    const { next, history } = mutate(current);
    if (history.length === 0) return { initiative: current, revision: await readRevision(), changed: false };
    const stored: Initiative = { ...next, id: current.id, programmeId: current.programmeId, version: current.version + 1 };
    const write = new WriteSet('Saving the initiative').setEntity(
      ENTITY.initiative,
      stored.id,
      encodeInitiative(stored),
      current.version,
    );
    const revision = await addHistory(write, history).commit();
    return { initiative: stored, revision, changed: true };
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
    const stored = next.map((initiative) => {
      const current = byId.get(initiative.id);
      if (!current) fail('NOT_FOUND', 'No such initiative in this programme');
      const updated: Initiative = { ...initiative, programmeId, version: current.version + 1 };
      write.setEntity(ENTITY.initiative, updated.id, encodeInitiative(updated), current.version);
      return updated;
    });
    const revision = await addHistory(write, history).commit();
    return { initiatives: stored, revision, changed: true };
  });
}
