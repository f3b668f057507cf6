/** Overview 4: when each region can start, against the national pilot and broad-rollout windows. */
import type { RoadmapView } from '../shared/contract';
import type { Programme, YearMonth } from '../shared/model';
import type { Audience } from './audience';
import { cellAt } from './cells';
import { cellWarnings, openNeedsFor, openRequiredNeedsByRegion, warningTime } from './consistency';
import { toInitiativeHeader } from './initiative-header';
import type { Selection } from './perspective';
import { isYearMonth, quarterSpan } from './quarters';

export function buildRoadmapView(
  programme: Pick<Programme, 'stalenessDays'>,
  selection: Selection,
  now: Date,
  audience: Audience,
): RoadmapView {
  const codes = selection.participants.map((p) => p.code);
  // Only the earliest and latest month matter for the axis; tracking them avoids collecting every plan.
  let earliest: YearMonth | null = null;
  let latest: YearMonth | null = null;
  const widen = (month: YearMonth | null) => {
    if (month === null) return;
    const earlier = earliest === null || month < earliest;
    const later = latest === null || month > latest;
    // The format check runs only for a month that would move the axis.
    if ((!earlier && !later) || !isYearMonth(month)) return;
    if (earlier) earliest = month;
    if (later) latest = month;
  };
  const initiatives = selection.initiatives.map((initiative) => {
    widen(initiative.nationalPilotStart);
    widen(initiative.nationalPilotEnd);
    widen(initiative.nationalBroadStart);
    widen(initiative.nationalBroadEnd);
    const open = openRequiredNeedsByRegion(initiative, codes);
    const time = warningTime(initiative, now);
    const regions = codes.map((regionCode) => {
      const cell = cellAt(initiative, regionCode);
      widen(cell.pilotStart);
      widen(cell.pilotEnd);
      widen(cell.broadStart);
      widen(cell.broadEnd);
      return {
        regionCode,
        pilotStart: cell.pilotStart,
        pilotEnd: cell.pilotEnd,
        broadStart: cell.broadStart,
        broadEnd: cell.broadEnd,
        status: cell.status,
        warnings: cellWarnings(cell, initiative, openNeedsFor(open, regionCode), time),
      };
    });
    return { initiative: toInitiativeHeader(initiative, programme.stalenessDays, now, audience), regions };
  });
  return { macro: 'roadmap', quarters: quarterSpan([earliest, latest]), initiatives };
}
