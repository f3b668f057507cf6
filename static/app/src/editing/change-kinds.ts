/**
 * The kinds of change a history shows, and how "Återställ" sets each back: a cell field through
 * updateCell, an initiative detail through upsertInitiative. Here, not in a view, because more than one
 * view restores the same change (rollout-status's cell form and the roadmap's window form both write a
 * cell). Pure; each view's dialogs add its field texts and the requests.
 */
import { CELL_FIELDS, INITIATIVE_FIELDS, type HistoryEntry } from '@shared/model';
import { cellPatchSchema, initiativePatchSchema, type UpdateCellInput } from '@shared/schemas';
import type { ChangeRestore } from './history';

/** An initiative detail set back: upsertInitiative's edit form, one field. */
export interface RestoreInitiativeInput {
  id: string;
  patch: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const CELL_FIELD_SET = new Set<string>(CELL_FIELDS);
const INITIATIVE_FIELD_SET = new Set<string>(INITIATIVE_FIELDS);

export const CELL_CHANGES: ChangeRestore<UpdateCellInput> = {
  id: 'cell',
  describes: (entry) => entry.target === 'cell',
  restore: restoreCellChange,
};

export const INITIATIVE_CHANGES: ChangeRestore<RestoreInitiativeInput> = {
  id: 'initiative',
  describes: (entry) => entry.target === 'initiative',
  restore: restoreInitiativeChange,
};

/** Any other change the history holds (another macro's): shown, not restored here. */
export const OTHER_CHANGES: ChangeRestore = { id: 'other', describes: () => true };

/** An initiative detail's update, set back under the same conflict rule as a cell. */
function restoreInitiativeChange(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): RestoreInitiativeInput | null {
  if (entry.target !== 'initiative' || entry.action !== 'update' || !entry.initiativeId) return null;
  if (!INITIATIVE_FIELD_SET.has(field) || oldValue === undefined || Object.is(oldValue, newValue)) return null;
  const patch = initiativePatchSchema.safeParse({ [field]: oldValue });
  const expected = initiativePatchSchema.safeParse({ [field]: newValue });
  if (!patch.success || !expected.success) return null;
  return { id: entry.initiativeId, patch: patch.data, expected: expected.data };
}

/**
 * A cell field update set back. `expected` is the value the change produced: if
 * someone has changed the field since, the server answers CONFLICT and the editor chooses.
 */
function restoreCellChange(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): UpdateCellInput | null {
  if (entry.target !== 'cell' || entry.action !== 'update') return null;
  if (!entry.initiativeId || !entry.regionCode || !CELL_FIELD_SET.has(field)) return null;
  if (oldValue === undefined || Object.is(oldValue, newValue)) return null;
  const patch = cellPatchSchema.safeParse({ [field]: oldValue });
  const expected = cellPatchSchema.safeParse({ [field]: newValue });
  // An old value the current rules refuse (e.g. from before a rule tightened) cannot be restored.
  if (!patch.success || !expected.success) return null;
  return { initiativeId: entry.initiativeId, regionCode: entry.regionCode, patch: patch.data, expected: expected.data };
}
