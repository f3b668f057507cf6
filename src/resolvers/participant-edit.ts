/** What the edits of one initiative × participant share (updateCell, updateNeedProgress). */
import type { HistoryEntry, Initiative, ParticipantDetails } from '../shared/model';
import { AppFailure } from '../shared/errors';
import type { DetailsMap } from '../storage';

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
