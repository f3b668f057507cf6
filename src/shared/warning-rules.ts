/**
 * The consistency rules for one initiative × participant (docs/decisions/0021): the one place they are
 * written. The domain builds every view's warnings with them, and the editors' forms preview with them
 * what a change would add (docs/decisions/0025), so a form can never warn differently from the view.
 * Pure: plain values in, warnings out.
 */
import { addWeeks, CONNECTION_STEPS, connectionSummary, isStepDone } from './connection-process';
import type { ConsistencyWarning } from './contract';
import type { CellPlan, ConnectionProgress, InitiativeFields, IsoDate, YearMonth } from './model';
import type { RolloutStatus } from './vocabulary';

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
  titles: readonly string[];
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

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
let lastDay: { at: number; day: IsoDate } | null = null;

/**
 * The day of an instant in Sweden ('YYYY-MM-DD'), for the connection steps' planned days. A view asks for the
 * same instant once per started participant, so the last answer is kept.
 */
export function swedishDay(now: Date): IsoDate {
  const at = now.getTime();
  if (lastDay?.at === at) return lastDay.day;
  const parts = STOCKHOLM_DAY.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  lastDay = { at, day: `${get('year')}-${get('month')}-${get('day')}` };
  return lastDay.day;
}

/** One participant's connection process (decision 0026) and today in Sweden, for the connection warnings. */
export interface ConnectionToday {
  progress: ConnectionProgress;
  today: IsoDate;
}

/**
 * The connection step that opens for a pilot: step 9, "deliveries, possibly starting with a pilot installation"
 * (domain.md, "Process models used in the field"). The steps before it are the agreements.
 */
export const PILOT_STEP = 9;
const PILOT_STEP_WEEK = CONNECTION_STEPS.find((s) => s.n === PILOT_STEP)!.weekOffset;

export function addMonths(month: YearMonth, n: number): YearMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
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
 * The connection process (decision 0026), when the participant has started it:
 * - connection-step-overdue: { step, plannedOn, done, total } (the next step's planned day has passed)
 * - pilot-before-connection-ready: { planned, ready, done, total } (a pilot planned before the month of step 9,
 *   while the steps before it are not all done)
 */
export function cellWarnings(
  cell: CellPlan,
  initiative: Pick<InitiativeFields, 'nationalPilotStart' | 'nationalBroadStart'>,
  open: OpenNeeds,
  time: WarningTime,
  connection: ConnectionToday | null = null,
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
  if (connection) connectionWarnings(cell, connection, warnings);
  return warnings;
}

/**
 * The connection process against its own plan, and the pilot against the process: a pilot installation
 * belongs to step 9, after the agreements (steps 1–8), so a pilot planned in an earlier month than step 9 while
 * the agreements are open will not happen as planned.
 */
function connectionWarnings(cell: CellPlan, { progress, today }: ConnectionToday, warnings: ConsistencyWarning[]): void {
  const summary = connectionSummary(progress, today);
  if (summary.overdue && summary.next?.plannedOn) {
    warnings.push({
      code: 'connection-step-overdue',
      params: { step: summary.next.n, plannedOn: summary.next.plannedOn, done: summary.done, total: summary.total },
    });
  }
  const pilot = cell.pilotStart;
  if (pilot === null || !BEFORE_PILOT.has(cell.status)) return;
  let agreementsDone = true;
  for (let n = 1; n < PILOT_STEP; n++) if (!isStepDone(progress.done, n)) agreementsDone = false;
  if (agreementsDone) return;
  const ready = addWeeks(progress.start, PILOT_STEP_WEEK).slice(0, 7);
  if (pilot < ready) {
    warnings.push({ code: 'pilot-before-connection-ready', params: { planned: pilot, ready, done: summary.done, total: summary.total } });
  }
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
