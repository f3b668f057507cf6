/**
 * The four overviews are one dataset, so they can contradict each other. These checks find the
 * contradictions a programme office would otherwise discover in a steering-group meeting.
 */
import type { ConsistencyWarning } from '../shared/contract';
import { isNeedOpen, type CellPlan, type Initiative, type InitiativeFields, type Milestone, type YearMonth } from '../shared/model';
import type { RolloutStatus } from '../shared/vocabulary';
import { needProgressAt } from './cells';

/** Statuses in which the region is actually running the service, so its prerequisites must be in place. */
export const ACTIVE_STATUSES: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['pilot', 'rollout', 'live']);

/**
 * Statuses in which the region is still being rolled out to, so implementation support must be in touch.
 * Once a service is live the rollout has been handed over to maintenance: no contact is then no contradiction.
 */
export const SUPPORTED_STATUSES: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['pilot', 'rollout']);

/** Required technical needs that are neither done nor marked not applicable in one region. */
export interface OpenNeeds {
  count: number;
  titles: string[];
}

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
      const titles = Object.freeze(openIndexes.map((i) => required[i].title)) as string[];
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

/** How far ahead the warnings look: a pilot this many months away is "soon". */
export const LOOK_AHEAD_MONTHS = 3;

/** Statuses that have not reached a pilot yet: a plan that has passed means the status has not moved. */
const BEFORE_PILOT: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['not-started', 'planning']);
const BEFORE_BROAD: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['not-started', 'planning', 'pilot']);

/** What the look-ahead warnings need besides the cell, computed once per initiative. */
export interface WarningTime {
  /** This month in Sweden. */
  month: YearMonth;
  /** The last month that is still "soon" (LOOK_AHEAD_MONTHS ahead). */
  soon: YearMonth;
  /** Planning-phase milestones of the initiative not yet done. */
  planningOpen: number;
}

const STOCKHOLM_MONTH = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' });

/** The month of an instant in Sweden ('YYYY-MM'): plans are made in Swedish months. */
export function swedishMonth(now: Date): YearMonth {
  const parts = STOCKHOLM_MONTH.formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function addMonths(month: YearMonth, n: number): YearMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function warningTime(initiative: { milestones?: readonly Milestone[] }, now: Date): WarningTime {
  const month = swedishMonth(now);
  const planningOpen = (initiative.milestones ?? []).filter((m) => m.phase === 'planering' && !m.done).length;
  return { month, soon: addMonths(month, LOOK_AHEAD_MONTHS), planningOpen };
}

/** 'YYYY-MM' strings order correctly as strings. */
function before(a: YearMonth | null, b: YearMonth | null): boolean {
  return a !== null && b !== null && a < b;
}

/**
 * The warnings for one initiative × region. Params are plain values the UI and the export put into a
 * translated sentence:
 * - required-need-open: { count, needs } (needs = the open needs' titles joined with ', ')
 * - pilot-before-national-window / broad-before-national-window: { planned, windowStart }
 * - active-without-contact: { status }
 * - pilot-end-before-start / broad-end-before-start: { start, end }
 * Looking ahead (time: this month, and what "soon" is):
 * - broad-before-pilot-end: { broadStart, pilotEnd }
 * - pilot-soon-needs-open: { planned, count, needs } (before the pilot has started)
 * - pilot-start-passed / broad-start-passed: { planned, status } (the plan passed, the status did not move)
 * - pilot-planned-without-contact: { planned } (a pilot soon, not yet active, without contact)
 * - pilot-soon-planning-open: { planned, count } (planning milestones not done while the pilot is near)
 */
export function cellWarnings(
  cell: CellPlan,
  initiative: Pick<InitiativeFields, 'nationalPilotStart' | 'nationalBroadStart'>,
  open: OpenNeeds,
  time: WarningTime,
): ConsistencyWarning[] {
  const warnings: ConsistencyWarning[] = [];
  const active = ACTIVE_STATUSES.has(cell.status);
  if (active && open.count > 0) {
    warnings.push({ code: 'required-need-open', params: { count: open.count, needs: open.titles.join(', ') } });
  }
  if (before(cell.pilotStart, initiative.nationalPilotStart)) {
    warnings.push({
      code: 'pilot-before-national-window',
      params: { planned: cell.pilotStart as string, windowStart: initiative.nationalPilotStart as string },
    });
  }
  if (before(cell.broadStart, initiative.nationalBroadStart)) {
    warnings.push({
      code: 'broad-before-national-window',
      params: { planned: cell.broadStart as string, windowStart: initiative.nationalBroadStart as string },
    });
  }
  if (SUPPORTED_STATUSES.has(cell.status) && !cell.contactEstablished) {
    warnings.push({ code: 'active-without-contact', params: { status: cell.status } });
  }
  if (before(cell.pilotEnd, cell.pilotStart)) {
    warnings.push({ code: 'pilot-end-before-start', params: { start: cell.pilotStart as string, end: cell.pilotEnd as string } });
  }
  if (before(cell.broadEnd, cell.broadStart)) {
    warnings.push({ code: 'broad-end-before-start', params: { start: cell.broadStart as string, end: cell.broadEnd as string } });
  }
  lookAhead(cell, open, time, warnings);
  return warnings;
}

/** The warnings about a plan before it goes wrong, and about a plan that passed while nothing moved. */
function lookAhead(cell: CellPlan, open: OpenNeeds, time: WarningTime, warnings: ConsistencyWarning[]): void {
  if (before(cell.broadStart, cell.pilotEnd)) {
    warnings.push({ code: 'broad-before-pilot-end', params: { broadStart: cell.broadStart as string, pilotEnd: cell.pilotEnd as string } });
  }
  const pilot = cell.pilotStart;
  const waiting = BEFORE_PILOT.has(cell.status);
  if (pilot !== null && waiting) {
    if (pilot < time.month) {
      warnings.push({ code: 'pilot-start-passed', params: { planned: pilot, status: cell.status } });
    } else {
      const soon = pilot <= time.soon;
      if (soon && open.count > 0) {
        warnings.push({ code: 'pilot-soon-needs-open', params: { planned: pilot, count: open.count, needs: open.titles.join(', ') } });
      }
      // Contact a year ahead is not expected; in the months before the pilot it is.
      if (soon && !cell.contactEstablished) warnings.push({ code: 'pilot-planned-without-contact', params: { planned: pilot } });
      if (soon && time.planningOpen > 0) {
        warnings.push({ code: 'pilot-soon-planning-open', params: { planned: pilot, count: time.planningOpen } });
      }
    }
  }
  if (cell.broadStart !== null && BEFORE_BROAD.has(cell.status) && cell.broadStart < time.month) {
    warnings.push({ code: 'broad-start-passed', params: { planned: cell.broadStart, status: cell.status } });
  }
}
