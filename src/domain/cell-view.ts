/** One initiative × region cell as a reader sees it: values, staleness, warnings. */
import type { CellView } from '../shared/contract';
import type { Initiative, Programme } from '../shared/model';
import type { Audience } from './audience';
import { cellAt, isUntouchedCell } from './cells';
import { cellWarnings, openNeedsFor, openRequiredNeedsByRegion, type OpenNeeds } from './consistency';
import { isEntryStale } from './staleness';

/** The per-cell work of a matrix; the caller computes `open` once per initiative. */
export function toCellView(
  initiative: Initiative,
  regionCode: string,
  open: OpenNeeds,
  stalenessDays: number,
  now: Date,
  audience: Audience,
): CellView {
  const cell = cellAt(initiative, regionCode);
  // Built field by field rather than by spreading: a large matrix has tens of thousands of cells.
  const named = audience === 'signed-in';
  return {
    status: cell.status,
    note: cell.note,
    link: cell.link,
    pilotStart: cell.pilotStart,
    pilotEnd: cell.pilotEnd,
    broadStart: cell.broadStart,
    broadEnd: cell.broadEnd,
    contactEstablished: cell.contactEstablished,
    contactSince: cell.contactSince,
    regionalContact: cell.regionalContact,
    nationalContact: cell.nationalContact,
    updatedAt: cell.updatedAt,
    updatedBy: named ? cell.updatedBy : null,
    updatedByName: named ? cell.updatedByName : null,
    regionCode,
    stale: isEntryStale({ updatedAt: cell.updatedAt, untouchedDefault: isUntouchedCell(cell) }, initiative, stalenessDays, now),
    warnings: cellWarnings(cell, initiative, open),
    openRequiredNeeds: open.count,
  };
}

/** A single cell, e.g. for the response to a cell edit. */
export function buildCellView(
  programme: Pick<Programme, 'stalenessDays'>,
  initiative: Initiative,
  regionCode: string,
  now: Date,
  audience: Audience,
): CellView {
  const open = openRequiredNeedsByRegion(initiative, [regionCode]);
  return toCellView(initiative, regionCode, openNeedsFor(open, regionCode), programme.stalenessDays, now, audience);
}
