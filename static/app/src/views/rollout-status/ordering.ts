/** Reordering and bulk selection helpers for the editor tools. */
import type { BulkUpdateCellsInput, ReorderInitiativesInput } from '@shared/schemas';
import type { RolloutStatus } from '@shared/vocabulary';
import type { ViewRow } from './view-model';

/** The full new order after moving one id a step; null when it cannot move that way. */
export function moveId(ids: readonly string[], id: string, delta: -1 | 1): ReorderInitiativesInput | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = next[to];
  next[to] = id;
  return { ids: next };
}

/** One status for the chosen regions of one initiative, expecting each region's status as shown. */
export function buildBulkUpdate(row: ViewRow, regionCodes: readonly string[], status: RolloutStatus): BulkUpdateCellsInput | null {
  const chosen = new Set(regionCodes);
  const cells = row.cells.filter((c) => chosen.has(c.regionCode));
  if (cells.length === 0) return null;
  return {
    initiativeId: row.initiative.id,
    regionCodes: cells.map((c) => c.regionCode),
    status,
    expected: Object.fromEntries(cells.map((c) => [c.regionCode, c.status])),
  };
}
