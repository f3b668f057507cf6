/**
 * The warnings a window edit would give the plan, previewed in the form before it is saved, with the same
 * rules the views are built with (src/shared/warning-rules.ts, decision 0025). Given the participant's
 * status, contact, open required needs and the initiative's planning milestones (the roadmap view carries
 * them), every rule is previewed, the look-ahead ones included ("pilot within three months while 2
 * required needs are open"); without them only the rules that depend on the months alone. Pure; a month
 * that is not a complete YYYY-MM yet is left out.
 */
import type { ConsistencyWarning } from '@shared/contract';
import type { CellPlan } from '@shared/model';
import type { RolloutStatus } from '@shared/vocabulary';
import { cellWarnings, type OpenNeeds, type WarningTime } from '@shared/warning-rules';
import { typedMonth } from '../../editing/warning-preview';

// The month parser is the editing module's; tests and forms import it from here too.
export { typedMonth };

export interface PlanMonths {
  pilotStart: string | null;
  pilotEnd: string | null;
  broadStart: string | null;
  broadEnd: string | null;
}

export interface NationalStarts {
  nationalPilotStart: string | null;
  nationalBroadStart: string | null;
}

/** What besides the months the look-ahead rules read. */
export interface PlanContext {
  status: RolloutStatus;
  contactEstablished: boolean;
  open: OpenNeeds;
  time: WarningTime;
}


/**
 * Without a context, a plan that is live with contact and nothing open: no look-ahead rule can fire then,
 * which leaves exactly the rules on the months.
 */
const MONTHS_ONLY: PlanContext = { status: 'live', contactEstablished: true, open: { count: 0, titles: [] }, time: { month: '0000-01', soon: '0000-01', planningOpen: 0 } };

/** A participant's plan against the national windows: its warnings, in the domain's order. */
export function previewWarnings(plan: PlanMonths, national: NationalStarts, context: PlanContext = MONTHS_ONLY): ConsistencyWarning[] {
  const cell: CellPlan = {
    status: context.status,
    pilotStart: typedMonth(plan.pilotStart),
    pilotEnd: typedMonth(plan.pilotEnd),
    broadStart: typedMonth(plan.broadStart),
    broadEnd: typedMonth(plan.broadEnd),
    contactEstablished: context.contactEstablished,
    contactSince: null,
  };
  const windows = { nationalPilotStart: typedMonth(national.nationalPilotStart), nationalBroadStart: typedMonth(national.nationalBroadStart) };
  return cellWarnings(cell, windows, context.open, context.time);
}

/**
 * New national windows against every participant's plan: per participant the "before the national
 * window" warnings they would get (the other rules do not depend on the national windows). Participants
 * without any are left out.
 */
export function nationalPreview<R extends PlanMonths & { regionCode: string }>(
  national: NationalStarts,
  regions: readonly R[],
): Array<{ regionCode: string; warnings: ConsistencyWarning[] }> {
  const out: Array<{ regionCode: string; warnings: ConsistencyWarning[] }> = [];
  for (const r of regions) {
    const warnings = previewWarnings(r, national).filter((w) => w.code === 'pilot-before-national-window' || w.code === 'broad-before-national-window');
    if (warnings.length > 0) out.push({ regionCode: r.regionCode, warnings });
  }
  return out;
}
