/** One initiative × region cell as a reader sees it: values, staleness, warnings. */
import type { CellView } from '../shared/contract';
import type { Initiative, Programme } from '../shared/model';
import type { Audience } from './audience';
import { cellAt, isUntouchedCell } from './cells';
import { hasDetailsFor } from './contact-privacy';
import { cellWarnings, connectionAt, openNeedsFor, openRequiredNeedsByRegion, warningTime, type OpenNeeds, type WarningTime } from './consistency';
import { isEntryStale } from './staleness';

/**
 * The per-cell work of a matrix; the caller computes `open` once per initiative. A cell view carries no
 * names and no details; details are read on demand (getDetails). Only `hasDetails` depends on the audience.
 */
export function toCellView(
  initiative: Initiative,
  regionCode: string,
  open: OpenNeeds,
  stalenessDays: number,
  now: Date,
  time: WarningTime,
  audience: Audience,
): CellView {
  const cell = cellAt(initiative, regionCode);
  // Built field by field rather than by spreading: a large matrix has tens of thousands of cells.
  return {
    status: cell.status,
    pilotStart: cell.pilotStart,
    pilotEnd: cell.pilotEnd,
    broadStart: cell.broadStart,
    broadEnd: cell.broadEnd,
    contactEstablished: cell.contactEstablished,
    contactSince: cell.contactSince,
    updatedAt: cell.updatedAt,
    // Per audience: the public is not shown that a contact it may not read exists (decision 0020).
    hasDetails: hasDetailsFor(cell, audience),
    regionCode,
    stale: isEntryStale({ updatedAt: cell.updatedAt, untouchedDefault: isUntouchedCell(cell) }, initiative, stalenessDays, now),
    warnings: cellWarnings(cell, initiative, open, time, connectionAt(initiative, regionCode, now)),
    openRequiredNeeds: open.count,
  };
}

/** A single cell, e.g. for the response to a cell edit. */
export function buildCellView(
  programme: Pick<Programme, 'stalenessDays'>,
  initiative: Initiative,
  regionCode: string,
  now: Date,
): CellView {
  const open = openRequiredNeedsByRegion(initiative, [regionCode]);
  // Edit responses go to editors only, who may read every detail.
  return toCellView(initiative, regionCode, openNeedsFor(open, regionCode), programme.stalenessDays, now, warningTime(initiative, now), 'signed-in');
}
