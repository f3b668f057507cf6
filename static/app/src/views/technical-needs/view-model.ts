/**
 * Pure helpers of the technical-needs view: per-participant and per-need summaries, the order of needs
 * after a move, and how a bulk update is split into calls the server accepts.
 */
import type { TechnicalNeedsView } from '@shared/contract';
import { NEED_PROGRESS, type NeedProgress } from '@shared/vocabulary';

export type InitiativeNeeds = TechnicalNeedsView['initiatives'][number];
export type Need = InitiativeNeeds['needs'][number];
export type ProgressEntry = Need['progress'][number];

/** Participants beyond this many are summarised per need first; the per-participant table opens on request. */
export const SUMMARY_FIRST_ABOVE = 30;

/** bulkUpdateNeedProgress writes at most this many participants in one call (decision 0012). */
export const BULK_PER_CALL = 22;

/** "3 av 5 obligatoriska klara" for one participant in one initiative: required needs that apply, and those done. */
export function participantRequiredDone(entry: InitiativeNeeds, regionCode: string, progressOf: ProgressLookup = defaultLookup): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const need of entry.needs) {
    if (!need.required) continue;
    const p = progressOf(entry.initiative.id, need, regionCode);
    if (!p || p.progress === 'not-applicable') continue;
    total += 1;
    if (p.progress === 'done') done += 1;
  }
  return { done, total };
}

/** One participant's progress for a need: from the view, or as an optimistic save shows it. */
export type ProgressLookup = (initiativeId: string, need: Need, regionCode: string) => ProgressEntry | undefined;

export const defaultLookup: ProgressLookup = (_initiativeId, need, regionCode) => need.progress.find((p) => p.regionCode === regionCode);

/** How many participants are at each progress, in the vocabulary's order. */
export function progressCounts(need: Pick<Need, 'progress'>): Record<NeedProgress, number> {
  const counts = Object.fromEntries(NEED_PROGRESS.map((p) => [p, 0])) as Record<NeedProgress, number>;
  for (const p of need.progress) counts[p.progress] += 1;
  return counts;
}

/** The participants that still have the need to do (not done, and it applies), in programme order. */
export function openParticipants(need: Pick<Need, 'progress'>): string[] {
  return need.progress.filter((p) => p.progress === 'not-started' || p.progress === 'in-progress').map((p) => p.regionCode);
}

/** The needs' ids after moving one a step up (-1) or down (+1); null when it cannot move that way. */
export function movedOrder(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** A selection of participants as the calls that write it, at most BULK_PER_CALL each, in the given order. */
export function bulkBatches<T>(items: readonly T[], size: number = BULK_PER_CALL): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** The participants of a bulk selection whose progress would change, with the progress each has now. */
export function bulkExpected(need: Pick<Need, 'progress'>, selected: readonly string[], progress: NeedProgress): Record<string, NeedProgress> {
  const chosen = new Set(selected);
  const expected: Record<string, NeedProgress> = {};
  for (const p of need.progress) if (chosen.has(p.regionCode) && p.progress !== progress) expected[p.regionCode] = p.progress;
  return expected;
}

/** Where the key of one need's progress for one participant is kept in the optimistic layer. */
export const progressScope = (initiativeId: string, needId: string) => `${initiativeId}|${needId}`;
export const progressKey = (scope: string, regionCode: string) => `${scope}|${regionCode}`;
