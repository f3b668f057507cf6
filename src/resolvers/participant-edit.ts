/** What the edits of one initiative × participant share (updateCell, updateNeedProgress, the bulk edits). */
import { buildCellView } from '../domain/build-view';
import { requireParticipants } from '../domain/edits';
import type { CellView } from '../shared/contract';
import type { HistoryEntry, Initiative, ParticipantDetails, Programme } from '../shared/model';
import { AppFailure } from '../shared/errors';
import { updateInitiativeWith, type DetailsMap } from '../storage';

/** An edit of one participant as storage takes it: the participant's changed details, if any, by code. */
export function forParticipant(
  regionCode: string,
  edit: { next: Initiative; history: HistoryEntry[]; details?: ParticipantDetails },
): { next: Initiative; history: HistoryEntry[]; details?: DetailsMap } {
  return { ...edit, details: edit.details ? new Map([[regionCode, edit.details]]) : undefined };
}

/**
 * Runs an edit; a CONFLICT is told who changed the entry meanwhile and when, from its history (the editor
 * whose edit conflicts sees it in the conflict dialog).
 */
export async function namingLastChange<T>(run: () => Promise<T>, lastChange: () => Promise<{ at: string; byName: string | null } | null>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'CONFLICT') {
      const last = await lastChange();
      if (last) throw new AppFailure({ ...error.error, changedAt: last.at, changedByName: last.byName });
    }
    throw error;
  }
}

/**
 * One change for several participants of an initiative in one transaction (bulkUpdateCells,
 * bulkUpdateContacts): only what the views draw changes, so no detail record is read or written, and the
 * answer is the participants' new cells.
 */
export async function bulkParticipantEdit(
  programme: Programme,
  initiativeId: string,
  regionCodes: readonly string[],
  apply: (current: Initiative) => { next: Initiative; history: HistoryEntry[] },
): Promise<{ cells: CellView[]; initiativeVersion: number; revision: string }> {
  requireParticipants(programme, regionCodes, 'regionCodes');
  const { initiative, revision } = await updateInitiativeWith(initiativeId, apply, { programmeId: programme.id });
  const now = new Date();
  return {
    cells: [...new Set(regionCodes)].map((code) => buildCellView(programme, initiative, code, now)),
    initiativeVersion: initiative.version,
    revision,
  };
}
