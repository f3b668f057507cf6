/**
 * Changes of a programme record (its milestone template): read, change, and write conditioned on the version
 * that was read, with the history entries and a new revision in one transaction. A programme is changed
 * rarely and on the version the editor saw, so a lost race is answered with CONFLICT rather than re-applied.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { fail } from '../shared/errors';
import type { HistoryEntry, Programme } from '../shared/model';
import { encodeHistory, encodeProgramme } from './codec';
import { getProgramme } from './programmes';
import { readRevision } from './revision';
import { ENTITY } from './schema';
import { isConditionFailure, WriteSet } from './write-set';

export type ProgrammeMutation = (current: Programme) => { next: Programme; history: HistoryEntry[] };

export async function updateProgrammeWith(id: string, mutate: ProgrammeMutation): Promise<{ programme: Programme; revision: string; changed: boolean }> {
  const current = await getProgramme(id);
  if (!current) fail('NOT_FOUND', 'No such programme');
  const { next, history } = mutate(current);
  if (history.length === 0) return { programme: current, revision: await readRevision(), changed: false };
  const stored: Programme = { ...next, id: current.id, spaceKey: current.spaceKey, version: current.version + 1 };
  const write = new WriteSet('Saving the programme').setEntity(ENTITY.programme, id, encodeProgramme(stored), current.version);
  for (const entry of history) write.setEntity(ENTITY.history, entry.id, encodeHistory(entry));
  try {
    return { programme: stored, revision: await write.commit(), changed: true };
  } catch (error) {
    if (isConditionFailure(error) || (error instanceof ForgeKvsAPIError && (await getProgramme(id))?.version !== current.version)) {
      fail('CONFLICT', 'The programme was changed meanwhile; please try again', { conflictingFields: ['version'] });
    }
    throw error;
  }
}
