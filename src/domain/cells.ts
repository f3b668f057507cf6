/**
 * Reading the sparse per-region maps of an initiative. Storage leaves out regions nobody has touched, so a
 * missing entry means the default: not started, empty, never updated.
 */
import { DEFAULT_CELL, type Initiative, type NeedRegionProgress, type RegionCell, type TechnicalNeed } from '../shared/model';

const NO_STAMP = { updatedAt: null, updatedBy: null, updatedByName: null } as const;

export const DEFAULT_REGION_CELL: Readonly<RegionCell> = Object.freeze({ ...DEFAULT_CELL, ...NO_STAMP });

export const DEFAULT_NEED_PROGRESS: Readonly<NeedRegionProgress> = Object.freeze({
  progress: 'not-started',
  note: '',
  ...NO_STAMP,
});

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
    cell.note === '' &&
    cell.link === null &&
    cell.pilotStart === null &&
    cell.pilotEnd === null &&
    cell.broadStart === null &&
    cell.broadEnd === null &&
    !cell.contactEstablished &&
    cell.contactSince === null &&
    cell.regionalContact === '' &&
    cell.nationalContact === ''
  );
}

export function isUntouchedNeedProgress(progress: NeedRegionProgress): boolean {
  return progress.progress === 'not-started' && progress.note === '';
}
