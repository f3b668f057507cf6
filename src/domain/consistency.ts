/**
 * The four overviews are one dataset, so they can contradict each other. These checks find the
 * contradictions a programme office would otherwise discover in a steering-group meeting.
 */
import type { ConsistencyWarning } from '../shared/contract';
import { isNeedOpen, type CellPlan, type Initiative, type InitiativeFields, type YearMonth } from '../shared/model';
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
 */
export function cellWarnings(
  cell: CellPlan,
  initiative: Pick<InitiativeFields, 'nationalPilotStart' | 'nationalBroadStart'>,
  open: OpenNeeds,
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
  return warnings;
}
