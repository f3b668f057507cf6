/**
 * Reading the sparse per-participant maps of an initiative, and joining a cell's plan with its details.
 * Storage leaves out participants nobody has touched, so a missing entry means the default: not started,
 * empty, never updated.
 */
import {
  DEFAULT_CELL,
  detailsOf,
  hasAnyDetail,
  planOf,
  DEFAULT_NEED_PROGRESS,
  DEFAULT_REGION_CELL,
  type CellDetails,
  type CellFields,
  type Initiative,
  type NeedRegionProgress,
  type RegionCell,
  type TechnicalNeed,
} from '../shared/model';

export { DEFAULT_NEED_PROGRESS, DEFAULT_REGION_CELL, detailsOf, hasAnyDetail, planOf };

export function cellAt(initiative: Pick<Initiative, 'cells'>, regionCode: string): RegionCell {
  return initiative.cells[regionCode] ?? DEFAULT_REGION_CELL;
}

export function needProgressAt(need: Pick<TechnicalNeed, 'progress'>, regionCode: string): NeedRegionProgress {
  return need.progress[regionCode] ?? DEFAULT_NEED_PROGRESS;
}

/** Still at its default: nobody has set a status, a plan, a contact or a note. */
export function isUntouchedCell(cell: RegionCell): boolean {
  return (
    cell.status === DEFAULT_CELL.status &&
    !cell.hasDetails &&
    cell.pilotStart === null &&
    cell.pilotEnd === null &&
    cell.broadStart === null &&
    cell.broadEnd === null &&
    !cell.contactEstablished &&
    cell.contactSince === null
  );
}

export function isUntouchedNeedProgress(progress: NeedRegionProgress): boolean {
  return progress.progress === 'not-started' && !progress.hasNote;
}

/** Every editable field of a cell: its plan as the view has it, with its details. */
export function fullCell(cell: RegionCell, details: CellDetails): CellFields {
  return { ...planOf(cell), ...detailsOf(details) };
}
