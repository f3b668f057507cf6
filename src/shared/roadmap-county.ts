/**
 * The roadmap grouped by county (decision 0027): a county's row is the roll-up of its municipalities'
 * plans, drawn as one pilot and one broad bar from the earliest start to the latest end, and told in
 * words as "Pilot planerad i 12 av 26 kommuner". Pure and shared: the UI computes it from the view it
 * already has (no roll-up is sent: the view at L stays the size it was), the PDF/Word export from the same
 * view.
 */
import type { RoadmapView } from './contract';
import type { Participant, YearMonth } from './model';

export type RegionPlan = RoadmapView['initiatives'][number]['regions'][number];

export interface CountyRollUp {
  /** Earliest pilot start – latest pilot end among the members (null when none has one). */
  pilot: [YearMonth | null, YearMonth | null];
  broad: [YearMonth | null, YearMonth | null];
  /** Members with a planned pilot start, and with a planned broad start. */
  pilotPlanned: number;
  broadPlanned: number;
  /** Members whose rollout status is live. */
  live: number;
  /** Members with a consistency warning. */
  warned: number;
  /** Members the view has a plan for. */
  total: number;
}

const earlier = (a: YearMonth | null, b: YearMonth | null) => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: YearMonth | null, b: YearMonth | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * A county's roll-up from its members' plans. An open-ended member (a start, no end) stretches the end to
 * its start at least, so the county's bar never ends before a member's window begins; a county with
 * starts only is drawn open-ended like a municipality.
 */
export function countyRollUp(members: ReadonlyArray<Participant>, planOf: (code: string) => RegionPlan | undefined): CountyRollUp {
  const out: CountyRollUp = { pilot: [null, null], broad: [null, null], pilotPlanned: 0, broadPlanned: 0, live: 0, warned: 0, total: 0 };
  let pilotLastStart: YearMonth | null = null;
  let broadLastStart: YearMonth | null = null;
  for (const member of members) {
    const plan = planOf(member.code);
    if (!plan) continue;
    out.total += 1;
    if (plan.status === 'live') out.live += 1;
    if (plan.warnings.length > 0) out.warned += 1;
    if (plan.pilotStart) {
      out.pilotPlanned += 1;
      out.pilot[0] = earlier(out.pilot[0], plan.pilotStart);
      pilotLastStart = later(pilotLastStart, plan.pilotStart);
    }
    if (plan.broadStart) {
      out.broadPlanned += 1;
      out.broad[0] = earlier(out.broad[0], plan.broadStart);
      broadLastStart = later(broadLastStart, plan.broadStart);
    }
    out.pilot[1] = later(out.pilot[1], plan.pilotEnd);
    out.broad[1] = later(out.broad[1], plan.broadEnd);
  }
  // Only ends after the earliest start make a window; an end alone (no start anywhere) draws no bar.
  out.pilot[1] = endAfter(out.pilot[0], out.pilot[1], pilotLastStart);
  out.broad[1] = endAfter(out.broad[0], out.broad[1], broadLastStart);
  return out;
}

function endAfter(start: YearMonth | null, end: YearMonth | null, lastStart: YearMonth | null): YearMonth | null {
  if (start === null) return end;
  if (end === null) return lastStart !== null && lastStart > start ? lastStart : null;
  return lastStart !== null && lastStart > end ? lastStart : end;
}
