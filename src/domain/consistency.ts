/**
 * The four overviews are one dataset, so they can contradict each other. These checks find the
 * contradictions a programme office would otherwise discover in a steering-group meeting.
 */
import { isNeedOpen, type Initiative, type Milestone } from '../shared/model';
import { needProgressAt } from './cells';
import { addMonths, LOOK_AHEAD_MONTHS, swedishDay, swedishMonth, type ConnectionToday, type OpenNeeds, type WarningTime } from '../shared/warning-rules';

// The rules themselves are shared with the editors' forms (src/shared/warning-rules.ts); the domain adds
// what needs the records: open needs per region and the initiative's planning milestones.
export {
  ACTIVE_STATUSES,
  SUPPORTED_STATUSES,
  LOOK_AHEAD_MONTHS,
  addMonths,
  cellWarnings,
  swedishMonth,
  swedishDay,
  type ConnectionToday,
  type OpenNeeds,
  type WarningTime,
} from '../shared/warning-rules';

const NONE_OPEN: OpenNeeds = Object.freeze({ count: 0, titles: [] });

/**
 * Open required needs per region, computed once per initiative (needs × regions) so that building a
 * matrix does not rescan the needs for every cell.
 */
export function openRequiredNeedsByRegion(
  initiative: Pick<Initiative, 'needs' | 'progressSummary'>,
  regionCodes: ReadonlyArray<string>,
): Map<string, OpenNeeds> {
  const open = new Map<string, OpenNeeds>();
  const required = initiative.needs.filter((need) => need.required);
  if (required.length === 0) return open;
  // Most regions share the same open set; sharing one (frozen) object per set keeps a large matrix light.
  // A set is keyed by a bit mask of its needs' positions, or by the list of positions beyond 30 needs.
  const shared = new Map<number | string, OpenNeeds>();
  const openIndexes: number[] = [];
  // Read without its progress, the initiative says which required needs are open in its summary.
  const summary = initiative.progressSummary;
  const isOpen = (i: number, code: string): boolean => {
    if (summary) return (summary.openRequired[code] ?? null)?.includes(required[i].id) ?? true;
    return isNeedOpen(needProgressAt(required[i], code));
  };
  for (const code of regionCodes) {
    openIndexes.length = 0;
    let mask = 0;
    for (let i = 0; i < required.length; i++) {
      if (!isOpen(i, code)) continue;
      openIndexes.push(i);
      if (i < 30) mask |= 1 << i;
    }
    if (openIndexes.length === 0) continue;
    const key = required.length <= 30 ? mask : openIndexes.join(',');
    let entry = shared.get(key);
    if (!entry) {
      const titles = Object.freeze(openIndexes.map((i) => required[i].title));
      entry = Object.freeze({ count: titles.length, titles });
      shared.set(key, entry);
    }
    open.set(code, entry);
  }
  return open;
}

export function openNeedsFor(open: Map<string, OpenNeeds>, regionCode: string): OpenNeeds {
  return open.get(regionCode) ?? NONE_OPEN;
}

export function warningTime(initiative: { milestones?: readonly Milestone[] }, now: Date): WarningTime {
  const month = swedishMonth(now);
  const planningOpen = (initiative.milestones ?? []).filter((m) => m.phase === 'planering' && !m.done).length;
  return { month, soon: addMonths(month, LOOK_AHEAD_MONTHS), planningOpen };
}

/** A participant's connection process with today in Sweden, or null when it has not started (decision 0026). */
export function connectionAt(initiative: Pick<Initiative, 'connection'>, regionCode: string, now: Date): ConnectionToday | null {
  const progress = initiative.connection?.[regionCode];
  return progress ? { progress, today: swedishDay(now) } : null;
}
