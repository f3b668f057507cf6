/**
 * The warnings a cell form or a bulk status change would create, previewed before saving
 * (editing/warning-preview.ts). The view carries each cell's plan, its open required needs as a count and
 * its current warnings; those warnings also give the open needs' titles and the planning milestones not
 * done when the server already reported them. What stays unknown is the same before and after the change.
 */
import type { CellView, ConsistencyWarning, InitiativeHeader } from '@shared/contract';
import { planOf, type CellPlan } from '@shared/model';
import type { RolloutStatus } from '@shared/vocabulary';
import { changeWarnings, knownFromWarnings, typedMonth, type PreviewTime } from '../../editing/warning-preview';

/** The plan fields of the cell form, as typed. */
export interface PlanFormState {
  status: RolloutStatus;
  pilotStart: string;
  pilotEnd: string;
  broadStart: string;
  broadEnd: string;
  contactEstablished: boolean;
}

type National = Pick<InitiativeHeader, 'nationalPilotStart' | 'nationalBroadStart'>;

function cellChange(initiative: National, cell: CellView, after: CellPlan, time: PreviewTime): ConsistencyWarning[] {
  const known = knownFromWarnings(cell.warnings);
  const open = { count: cell.openRequiredNeeds, titles: known.titles };
  return changeWarnings({ before: planOf(cell), after, national: initiative, openBefore: open, openAfter: open, time: { ...time, planningOpen: known.planningOpen } });
}

/** What saving the cell form as it stands would add to the cell's warnings; a month not fully typed counts as none. */
export function cellFormWarnings(initiative: National, cell: CellView, form: PlanFormState, time: PreviewTime): ConsistencyWarning[] {
  const after: CellPlan = {
    ...planOf(cell),
    status: form.status,
    pilotStart: typedMonth(form.pilotStart),
    pilotEnd: typedMonth(form.pilotEnd),
    broadStart: typedMonth(form.broadStart),
    broadEnd: typedMonth(form.broadEnd),
    contactEstablished: form.contactEstablished,
  };
  return cellChange(initiative, cell, after, time);
}

/** Per selected cell, in the order given, what setting its status would add; cells that would get none are left out. */
export function bulkStatusWarnings(
  initiative: National,
  cells: readonly CellView[],
  status: RolloutStatus,
  time: PreviewTime,
): Array<{ regionCode: string; warnings: ConsistencyWarning[] }> {
  const out: Array<{ regionCode: string; warnings: ConsistencyWarning[] }> = [];
  for (const cell of cells) {
    const warnings = cellChange(initiative, cell, { ...planOf(cell), status }, time);
    if (warnings.length > 0) out.push({ regionCode: cell.regionCode, warnings });
  }
  return out;
}
