/**
 * History entries as table lines (one per changed field), and "Återställ": the old value applied again as
 * a new change, so the restore itself is recorded and can be undone the same way.
 */
import { CELL_FIELDS, INITIATIVE_FIELDS, type CellField, type HistoryAction, type HistoryEntry } from '../../../../../src/shared/model';
import { cellPatchSchema, initiativePatchSchema, type UpdateCellInput } from '../../../../../src/shared/schemas';

/** An initiative detail set back: upsertInitiative's edit form, one field. */
export interface RestoreInitiativeInput {
  id: string;
  patch: Record<string, unknown>;
  expected: Record<string, unknown>;
}

/** What "Återställ" sends: a cell field through updateCell, an initiative detail through upsertInitiative. */
export type RestoreAction = { resolver: 'updateCell'; payload: UpdateCellInput } | { resolver: 'upsertInitiative'; payload: RestoreInitiativeInput };

export interface HistoryLine {
  key: string;
  entry: HistoryEntry;
  field: string;
  old: unknown;
  new: unknown;
  /** Set when this change can be undone (applied again as a new, recorded change). */
  restore: RestoreAction | null;
}

const CELL_FIELD_SET = new Set<string>(CELL_FIELDS);
const INITIATIVE_FIELD_SET = new Set<string>(INITIATIVE_FIELDS);

export const ACTION_MESSAGE: Record<HistoryAction, 'actionCreate' | 'actionUpdate' | 'actionArchive' | 'actionRestore' | 'actionReorder' | 'actionDelete'> = {
  create: 'actionCreate',
  update: 'actionUpdate',
  archive: 'actionArchive',
  restore: 'actionRestore',
  reorder: 'actionReorder',
  delete: 'actionDelete',
};

export function historyLines(entries: readonly HistoryEntry[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const entry of entries) {
    if (entry.changes.length === 0) {
      lines.push({ key: entry.id, entry, field: '', old: undefined, new: undefined, restore: null });
      continue;
    }
    entry.changes.forEach((change, i) => {
      lines.push({
        key: `${entry.id}:${i}`,
        entry,
        field: change.field,
        old: change.old,
        new: change.new,
        restore: restoreChange(entry, change.field, change.old, change.new),
      });
    });
  }
  return lines;
}

/** The restore of one changed field, for a cell or an initiative's details; null when it cannot be restored. */
export function restoreChange(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): RestoreAction | null {
  const cell = restoreCellChange(entry, field, oldValue, newValue);
  if (cell) return { resolver: 'updateCell', payload: cell };
  const initiative = restoreInitiativeChange(entry, field, oldValue, newValue);
  return initiative ? { resolver: 'upsertInitiative', payload: initiative } : null;
}

/** An initiative detail's update, set back under the same conflict rule as a cell. */
export function restoreInitiativeChange(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): RestoreInitiativeInput | null {
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
export function restoreCellChange(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): UpdateCellInput | null {
  if (entry.target !== 'cell' || entry.action !== 'update') return null;
  if (!entry.initiativeId || !entry.regionCode || !CELL_FIELD_SET.has(field)) return null;
  if (oldValue === undefined || Object.is(oldValue, newValue)) return null;
  const patch = cellPatchSchema.safeParse({ [field]: oldValue });
  const expected = cellPatchSchema.safeParse({ [field]: newValue });
  // An old value the current rules refuse (e.g. from before a rule tightened) cannot be restored.
  if (!patch.success || !expected.success) return null;
  return { initiativeId: entry.initiativeId, regionCode: entry.regionCode, patch: patch.data, expected: expected.data };
}

export function isCellField(field: string): field is CellField {
  return CELL_FIELD_SET.has(field);
}
