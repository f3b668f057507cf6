/** Overview 1: the initiatives × regions matrix of rollout statuses. */
import type { RolloutStatusView } from '../shared/contract';
import type { Programme } from '../shared/model';
import type { Audience } from './audience';
import { toCellView } from './cell-view';
import { openNeedsFor, openRequiredNeedsByRegion, warningTime } from './consistency';
import { toInitiativeHeader } from './initiative-header';
import type { Selection } from './perspective';
import { addStatusCounts, countStatuses, emptyStatusCounts } from './status-counts';

export function buildRolloutStatusView(
  programme: Pick<Programme, 'stalenessDays'>,
  selection: Selection,
  now: Date,
  audience: Audience,
): RolloutStatusView {
  const codes = selection.participants.map((p) => p.code);
  const statusTotals = emptyStatusCounts();
  const stale: RolloutStatusView['stale'] = [];
  const rows = selection.initiatives.map((initiative) => {
    const header = toInitiativeHeader(initiative, programme.stalenessDays, now, audience);
    if (header.stale) stale.push({ initiativeId: initiative.id, regionCode: null, updatedAt: initiative.updatedAt });
    const open = openRequiredNeedsByRegion(initiative, codes);
    const time = warningTime(initiative, now);
    const cells = codes.map((code) => toCellView(initiative, code, openNeedsFor(open, code), programme.stalenessDays, now, time, audience));
    for (const cell of cells) {
      if (cell.stale) stale.push({ initiativeId: initiative.id, regionCode: cell.regionCode, updatedAt: cell.updatedAt });
    }
    const counts = countStatuses(cells);
    addStatusCounts(statusTotals, counts);
    return { initiative: header, cells, counts };
  });
  return { macro: 'rollout-status', rows, statusTotals, stale };
}
