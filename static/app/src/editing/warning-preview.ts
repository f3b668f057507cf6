/**
 * The consistency warnings a change would create, shown in a form before it is saved (issue 8), so an
 * editor hears "the pilot starts in 2027-01 but 2 required needs are open" while they can still act on it.
 *
 * The rule is the one the views are built with: `cellWarnings` of src/shared/warning-rules.ts, shared by
 * the domain and this module, so a form cannot warn differently from the view.
 *
 * A form knows only part of what the domain reads: the rollout-status view carries no milestones and no
 * need titles, the technical-needs view no contact and no end months. A form therefore computes the
 * warnings before and after its change with the same gaps filled the same way and shows only what the
 * change adds (`createdWarnings`): a gap can hide a warning from the preview, never invent one.
 */
import type { ConsistencyWarning } from '@shared/contract';
import type { CellPlan, YearMonth } from '@shared/model';
import { addMonths, cellWarnings, LOOK_AHEAD_MONTHS, swedishMonth, type OpenNeeds, type WarningTime } from '@shared/warning-rules';

/** Required technical needs that are open for one participant. */
export type OpenRequired = OpenNeeds;

/** This month in Sweden, the last "soon" month, planning milestones not done. */
export type PreviewTime = WarningTime;

export interface NationalWindows {
  nationalPilotStart: YearMonth | null;
  nationalBroadStart: YearMonth | null;
}

/** This month in Sweden, as the server counts it (plans are Swedish months, whatever the browser's zone). */
export function previewTime(now: Date, planningOpen = 0): PreviewTime {
  const month = swedishMonth(now);
  return { month, soon: addMonths(month, LOOK_AHEAD_MONTHS), planningOpen };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month field as typed: a complete YYYY-MM (spaces around allowed), else null (not a month yet). */
export function typedMonth(value: string | null | undefined): YearMonth | null {
  const v = value?.trim() ?? '';
  return MONTH.test(v) ? v : null;
}

/** The warnings of one participant's plan, as the view would show them. */
export function cellWarningsPreview(cell: CellPlan, national: NationalWindows, open: OpenRequired, time: PreviewTime): ConsistencyWarning[] {
  return cellWarnings(cell, national, open, time);
}

const keyOf = (w: ConsistencyWarning): string =>
  `${w.code}|${JSON.stringify(Object.keys(w.params).sort().map((k) => [k, w.params[k]]))}`;

/** The warnings of `after` that `before` does not have (a changed count or month is a new warning). */
export function createdWarnings(beforeChange: readonly ConsistencyWarning[], afterChange: readonly ConsistencyWarning[]): ConsistencyWarning[] {
  const had = new Set(beforeChange.map(keyOf));
  return afterChange.filter((w) => !had.has(keyOf(w)));
}

export interface CellChange {
  before: CellPlan;
  after: CellPlan;
  national: NationalWindows;
  openBefore: OpenRequired;
  openAfter: OpenRequired;
  time: PreviewTime;
}

/** What saving a change would add to one participant's warnings. */
export function changeWarnings(change: CellChange): ConsistencyWarning[] {
  const { national, time } = change;
  return createdWarnings(cellWarningsPreview(change.before, national, change.openBefore, time), cellWarningsPreview(change.after, national, change.openAfter, time));
}

/** Open required needs from a list of needs in their order, with whether each is open. */
export function openRequired(needs: ReadonlyArray<{ title: string; required: boolean; open: boolean }>): OpenRequired {
  const titles = needs.filter((n) => n.required && n.open).map((n) => n.title);
  return { count: titles.length, titles };
}

/**
 * What a view's current warnings reveal of what the view does not carry: the open needs' titles (from
 * either need warning) and the number of planning milestones not done. Unknown stays empty or 0.
 */
export function knownFromWarnings(warnings: readonly ConsistencyWarning[]): { titles: string[]; planningOpen: number } {
  const needs = warnings.find((w) => w.code === 'required-need-open' || w.code === 'pilot-soon-needs-open')?.params.needs;
  const planning = warnings.find((w) => w.code === 'pilot-soon-planning-open')?.params.count;
  return {
    titles: typeof needs === 'string' && needs !== '' ? needs.split(', ') : [],
    planningOpen: typeof planning === 'number' ? planning : 0,
  };
}
