/**
 * Who is editing and when. Passed into every edit so the edit logic stays pure: the clock and the id
 * source come from the caller, which makes every outcome reproducible in tests.
 */
import type { HistoryAction, HistoryChange, HistoryEntry, HistoryTargetKind, IsoDateTime } from '../../shared/model';

export interface EditContext {
  /** Atlassian account id of the editor. */
  by: string;
  /** The editor's display name now: stored as an audit snapshot, since names change. */
  byName: string | null;
  at: IsoDateTime;
  /** A fresh unique id (history entries, new programmes and initiatives). */
  newId: () => string;
}

export interface HistorySubject {
  programmeId: string;
  initiativeId?: string | null;
  regionCode?: string | null;
  needId?: string | null;
  milestoneId?: string;
  target: HistoryTargetKind;
  action: HistoryAction;
}

export function historyEntry(ctx: EditContext, subject: HistorySubject, changes: HistoryChange[]): HistoryEntry {
  return {
    id: ctx.newId(),
    programmeId: subject.programmeId,
    initiativeId: subject.initiativeId ?? null,
    regionCode: subject.regionCode ?? null,
    needId: subject.needId ?? null,
    ...(subject.milestoneId !== undefined ? { milestoneId: subject.milestoneId } : {}),
    target: subject.target,
    action: subject.action,
    at: ctx.at,
    by: ctx.by,
    byName: ctx.byName,
    changes,
  };
}

/** The result of every edit: the next state of the record and what to record about it. No history means no write. */
export interface Edit<T> {
  next: T;
  history: HistoryEntry[];
}
