/**
 * The warnings a need's progress change would create for a participant, previewed in the progress forms
 * (editing/warning-preview.ts). A need's progress moves only the open-needs count, so only the two
 * warnings about open required needs can appear; the plan fields this view does not carry (end months,
 * contact, national windows) are filled the same way before and after, and so cancel out.
 */
import type { ConsistencyWarning } from '@shared/contract';
import { isNeedOpen, type CellPlan } from '@shared/model';
import type { NeedProgress } from '@shared/vocabulary';
import { changeWarnings, openRequired, type NationalWindows, type PreviewTime } from '../../editing/warning-preview';
import { defaultLookup, type InitiativeNeeds, type ProgressLookup } from './view-model';

const NO_WINDOWS: NationalWindows = { nationalPilotStart: null, nationalBroadStart: null };

/** What setting `needId` to `progress` for one participant would add to its warnings. */
export function progressWarnings(
  entry: InitiativeNeeds,
  regionCode: string,
  needId: string,
  progress: NeedProgress,
  time: PreviewTime,
  progressOf: ProgressLookup = defaultLookup,
): ConsistencyWarning[] {
  const plan = entry.plans.find((p) => p.regionCode === regionCode);
  if (!plan) return [];
  const cell: CellPlan = { status: plan.status, pilotStart: plan.pilotStart, pilotEnd: null, broadStart: null, broadEnd: null, contactEstablished: true, contactSince: null };
  const open = (changed: boolean) =>
    openRequired(
      entry.needs.map((n) => ({
        title: n.title,
        required: n.required,
        open: isNeedOpen(changed && n.id === needId ? { progress } : progressOf(entry.initiative.id, n, regionCode)),
      })),
    );
  return changeWarnings({ before: cell, after: cell, national: NO_WINDOWS, openBefore: open(false), openAfter: open(true), time });
}

/** The same for a bulk update: per selected participant, in the order given, those that would get a warning. */
export function bulkProgressWarnings(
  entry: InitiativeNeeds,
  regionCodes: readonly string[],
  needId: string,
  progress: NeedProgress,
  time: PreviewTime,
  progressOf: ProgressLookup = defaultLookup,
): Array<{ regionCode: string; warnings: ConsistencyWarning[] }> {
  const out: Array<{ regionCode: string; warnings: ConsistencyWarning[] }> = [];
  for (const code of regionCodes) {
    const warnings = progressWarnings(entry, code, needId, progress, time, progressOf);
    if (warnings.length > 0) out.push({ regionCode: code, warnings });
  }
  return out;
}
