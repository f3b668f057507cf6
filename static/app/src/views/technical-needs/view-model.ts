/**
 * Pure helpers of the technical-needs view: per-participant and per-need summaries, the order of needs
 * after a move, and how a bulk update is split into calls the server accepts.
 */
import type { TechnicalNeedsView } from '@shared/contract';
import type { Participant } from '@shared/model';
import { rollUp } from '@shared/participant-groups';
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

export const defaultLookup: ProgressLookup = (_initiativeId, need, regionCode) => entryOf(need, regionCode);

/**
 * A need's progress for one participant, through an index built once per need: a county's roll-up reads
 * all 290 municipalities of every need, and a search of the list each time would make that quadratic.
 */
const indexes = new WeakMap<Pick<Need, 'progress'>, Map<string, ProgressEntry>>();
export function entryOf(need: Pick<Need, 'progress'>, regionCode: string): ProgressEntry | undefined {
  let index = indexes.get(need);
  if (!index) {
    index = new Map(need.progress.map((p) => [p.regionCode, p]));
    indexes.set(need, index);
  }
  return index.get(regionCode);
}

/** "Klart i 12 av 26 kommuner" for one need in one county: members done, of those it applies to. */
export function countyNeedDone(initiativeId: string, need: Need, members: ReadonlyArray<Participant>, progressOf: ProgressLookup = defaultLookup): { done: number; total: number } {
  const { total, counts } = rollUp(members, NEED_PROGRESS, (p) => progressOf(initiativeId, need, p.code)?.progress);
  return { done: counts.done, total: total - counts['not-applicable'] };
}

/** "Alla obligatoriska klara i 5 av 26 kommuner": members with every required need that applies done, of those with one. */
export function countyRequiredDone(entry: InitiativeNeeds, members: ReadonlyArray<Participant>, progressOf: ProgressLookup = defaultLookup): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const member of members) {
    const one = participantRequiredDone(entry, member.code, progressOf);
    if (one.total === 0) continue;
    total += 1;
    if (one.done === one.total) done += 1;
  }
  return { done, total };
}

/** One need of a county's to-do: how far its municipalities are, and where it is still open. */
export interface CountyTodoItem {
  initiative: InitiativeNeeds['initiative'];
  need: Need;
  done: number;
  /** Members the need applies to. */
  total: number;
  /** Members where it is still open (not started or in progress), in the county's order. */
  open: Participant[];
}

/**
 * A county's to-do list (a county chosen as "Min region", decision 0027): every need of every initiative
 * with how many of the county's municipalities are done, open required needs first, then open optional
 * ones, each in the initiatives' and needs' order; what is done everywhere (or applies nowhere) last.
 */
export function buildCountyTodo(initiatives: ReadonlyArray<InitiativeNeeds>, members: ReadonlyArray<Participant>, progressOf: ProgressLookup = defaultLookup): CountyTodoItem[] {
  const items: Array<CountyTodoItem & { rank: number }> = [];
  for (const entry of initiatives) {
    for (const need of entry.needs) {
      const { done, total } = countyNeedDone(entry.initiative.id, need, members, progressOf);
      const open = members.filter((m) => {
        const p = progressOf(entry.initiative.id, need, m.code)?.progress;
        return p === 'not-started' || p === 'in-progress';
      });
      items.push({ initiative: entry.initiative, need, done, total, open, rank: open.length === 0 ? 2 : need.required ? 0 : 1 });
    }
  }
  // A stable sort keeps the initiatives' and needs' order within each rank.
  return items.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...item }) => item);
}

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
