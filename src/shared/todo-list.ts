/**
 * A participant's to-do list (overview 2): everything one region or municipality must build, across every
 * initiative, in the order it should be done. Pure and free of zod, so the UI derives it from the
 * technical-needs view it already has, for whichever participant the reader chooses, without a server
 * call; the export builds the same list from the same view.
 */
import type { InitiativeHeader, TechnicalNeedsView } from './contract';
import { isNeedOpen, type YearMonth } from './model';

type NeedsEntry = TechnicalNeedsView['initiatives'][number];
type NeedItem = NeedsEntry['needs'][number];

export interface TodoItem {
  initiative: InitiativeHeader;
  need: Omit<NeedItem, 'progress' | 'doneCount' | 'applicableCount'>;
  progress: NeedItem['progress'][number];
  /** The participant's planned pilot, else the national pilot window's start: when the need is due. */
  dueBy: YearMonth | null;
  /** Whether the month is the participant's own plan or only the national window. */
  dueFrom: 'participant' | 'national' | null;
  /** The participant's rollout status and consistency warnings for the initiative, as the matrix shows them. */
  plan: Omit<NeedsEntry['plans'][number], 'regionCode'>;
  open: boolean;
}

/** The order of work: open required items, then open optional ones, then what is done or does not apply. */
function group(item: Pick<TodoItem, 'open' | 'need'>): number {
  if (item.open) return item.need.required ? 0 : 1;
  return 2;
}

/**
 * Open required items first; within each group the soonest pilot first (no plan last), then the
 * initiatives' and needs' own order, so the list is stable for a given view.
 */
export function buildTodoList(view: TechnicalNeedsView, regionCode: string): TodoItem[] {
  const items: Array<TodoItem & { rank: number }> = [];
  let rank = 0;
  for (const entry of view.initiatives) {
    const found = entry.plans.find((p) => p.regionCode === regionCode);
    if (!found) continue;
    const { regionCode: _code, ...plan } = found;
    const dueBy = plan.pilotStart ?? entry.initiative.nationalPilotStart;
    const dueFrom = plan.pilotStart ? 'participant' : entry.initiative.nationalPilotStart ? 'national' : null;
    for (const n of entry.needs) {
      const progress = n.progress.find((p) => p.regionCode === regionCode);
      if (!progress) continue;
      const { progress: _all, doneCount: _d, applicableCount: _a, ...need } = n;
      items.push({ initiative: entry.initiative, need, progress, dueBy, dueFrom, plan, open: isNeedOpen(progress), rank: rank++ });
    }
  }
  items.sort((a, b) => group(a) - group(b) || compareMonths(a.dueBy, b.dueBy) || a.rank - b.rank);
  return items.map(({ rank: _r, ...item }) => item);
}

function compareMonths(a: YearMonth | null, b: YearMonth | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** "3 av 5 obligatoriska klara": of the required items that apply to the participant, those done. */
export function requiredDone(items: readonly TodoItem[]): { done: number; total: number } {
  const required = items.filter((i) => i.need.required && i.progress.progress !== 'not-applicable');
  return { done: required.filter((i) => i.progress.progress === 'done').length, total: required.length };
}
