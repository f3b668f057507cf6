/**
 * "Behöver ses över": which entries the programme office should review because nobody has confirmed them
 * within the programme's staleness threshold.
 */
import type { Initiative, IsoDateTime } from '../shared/model';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The form `Date.prototype.toISOString` produces, e.g. '2026-11-22T10:15:00.000Z'. */
function isCanonicalInstant(at: string): boolean {
  return at.length === 24 && at.charCodeAt(23) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */ && at.charCodeAt(4) === 45 /* - */;
}

// A view checks thousands of entries against the same cutoff; computing it once per (now, days) keeps the
// check to a string comparison (canonical ISO instants order as strings).
let lastCutoff = { now: NaN, days: NaN, iso: '' };
function cutoffIso(days: number, now: Date): string {
  const t = now.getTime();
  if (lastCutoff.now !== t || lastCutoff.days !== days) lastCutoff = { now: t, days, iso: new Date(t - days * DAY_MS).toISOString() };
  return lastCutoff.iso;
}

/** True when the instant is missing, unreadable, or more than `days` days before `now`. */
export function isOlderThan(at: IsoDateTime | null, days: number, now: Date): boolean {
  if (at === null) return true;
  if (isCanonicalInstant(at)) {
    const cutoff = cutoffIso(days, now);
    if (isCanonicalInstant(cutoff)) return at < cutoff;
  }
  const t = Date.parse(at);
  // An unreadable timestamp says nothing about freshness; asking for a review is the safe answer.
  if (Number.isNaN(t)) return true;
  return now.getTime() - t > days * DAY_MS;
}

/**
 * An initiative is under way once someone has placed it in a rollout phase and it is not archived. Until
 * then its regions have nothing to report, so an empty matrix is expected rather than neglected.
 */
export function isInitiativeActive(initiative: Pick<Initiative, 'phase' | 'archived'>): boolean {
  return initiative.phase !== null && !initiative.archived;
}

/**
 * The staleness rule for one per-region entry (a cell, or a technical need's progress in a region).
 *
 * Decision, taken the way the programme office reads the overview:
 * - Archived initiatives are never stale: nobody maintains them any more, and flagging them would bury the
 *   entries that do need attention.
 * - An entry nobody ever touched (no timestamp, still at its default) is stale only while the initiative
 *   is active: a planned initiative that has not started has empty regions by design, but once it is in a
 *   phase, a region that has never reported is exactly what the office must chase.
 * - An entry with a value but no timestamp (e.g. imported) is stale: its age is unknown.
 * - Otherwise it is stale when last updated more than `stalenessDays` days before `now`.
 */
export function isEntryStale(
  entry: { updatedAt: IsoDateTime | null; untouchedDefault: boolean },
  initiative: Pick<Initiative, 'phase' | 'archived'>,
  stalenessDays: number,
  now: Date,
): boolean {
  if (initiative.archived) return false;
  if (entry.updatedAt === null && entry.untouchedDefault) return isInitiativeActive(initiative);
  return isOlderThan(entry.updatedAt, stalenessDays, now);
}

/**
 * The initiative's own details (phase, national windows, contact). Creating it counts as the first
 * update, so a fresh initiative is not flagged before anyone could have reviewed it.
 */
export function isInitiativeStale(
  initiative: Pick<Initiative, 'phase' | 'archived' | 'updatedAt' | 'createdAt'>,
  stalenessDays: number,
  now: Date,
): boolean {
  if (initiative.archived) return false;
  return isOlderThan(initiative.updatedAt ?? initiative.createdAt ?? null, stalenessDays, now);
}
