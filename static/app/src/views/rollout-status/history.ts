/**
 * History entries as table lines (one per changed field), and "Återställ": the old value applied again as
 * a new change, so the restore itself is recorded and can be undone the same way.
 */
import { CELL_FIELDS, type CellField, type HistoryAction, type HistoryEntry } from '../../../../../src/shared/model';
import { cellPatchSchema, type UpdateCellInput } from '../../../../../src/shared/schemas';

export interface HistoryLine {
  key: string;
  entry: HistoryEntry;
  field: string;
  old: unknown;
  new: unknown;
  /** Set when this change can be undone with updateCell. */
  restore: UpdateCellInput | null;
}

const CELL_FIELD_SET = new Set<string>(CELL_FIELDS);

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
        restore: restoreCellChange(entry, change.field, change.old, change.new),
      });
    });
  }
  return lines;
}

/**
 * Only cell field updates can be restored from here. `expected` is the value the change produced: if
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
