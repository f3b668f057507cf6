/** Overview 4: when each region can start, against the national pilot and broad-rollout windows. */
import type { RoadmapView } from '../shared/contract';
import type { Programme } from '../shared/model';
import type { MacroConfig } from '../shared/schemas';
import type { Audience } from './audience';
import { cellAt } from './cells';
import { cellWarnings, connectionAt, openNeedsFor, openRequiredNeedsByRegion, warningTime } from './consistency';
import { toInitiativeHeader } from './initiative-header';
import type { Selection } from './perspective';
import { roadmapYears, yearQuarters } from './quarters';

export function buildRoadmapView(
  programme: Pick<Programme, 'stalenessDays'>,
  selection: Selection,
  now: Date,
  audience: Audience,
  range: Pick<MacroConfig, 'rangeFromYear' | 'rangeToYear'> = {},
): RoadmapView {
  const codes = selection.participants.map((p) => p.code);
  const initiatives = selection.initiatives.map((initiative) => {
    const open = openRequiredNeedsByRegion(initiative, codes);
    const time = warningTime(initiative, now);
    const regions = codes.map((regionCode) => {
      const cell = cellAt(initiative, regionCode);
      const openHere = openNeedsFor(open, regionCode);
      return {
        regionCode,
        pilotStart: cell.pilotStart,
        pilotEnd: cell.pilotEnd,
        broadStart: cell.broadStart,
        broadEnd: cell.broadEnd,
        status: cell.status,
        contactEstablished: cell.contactEstablished,
        openRequiredNeeds: openHere.count,
        warnings: cellWarnings(cell, initiative, openHere, time, connectionAt(initiative, regionCode, now)),
      };
    });
    return { initiative: toInitiativeHeader(initiative, programme.stalenessDays, now, audience), planningOpen: time.planningOpen, regions };
  });
  // The axis is the configured range, not the data: plans outside it are in the table (decision 0023).
  const { fromYear, toYear } = roadmapYears(range, now);
  return { macro: 'roadmap', quarters: yearQuarters(fromYear, toYear), initiatives };
}
