/**
 * Redacting a value from the history (issue 12): personal data written by mistake (a phone number in a
 * note) must be removable from the old values too, not only from the current data.
 *
 * The value is overwritten with null in the entry itself, and the entry records who removed which field's
 * value and when, never the value. A redacted value cannot be restored: it is gone, and the history lines
 * built from the entry offer no restore (static/app/src/editing/history.ts). The cell's current value is
 * not touched: a note that still holds the number is edited as usual.
 */
import { fail } from '../shared/errors';
import type { HistoryEntry, HistoryRedaction, HistorySide } from '../shared/model';
import type { EditContext } from './edits/edit-context';

export interface RedactionRequest {
  field: string;
  side: HistorySide;
}

/** The recorded redaction of `field`'s `side` in `entry`, if any. */
export function redactionOf(entry: HistoryEntry, field: string, side: HistorySide): HistoryRedaction | undefined {
  return entry.redactions?.find((r) => r.field === field && r.side === side);
}

/** Whether a history value holds anything worth removing (an empty text or null has nothing to hide). */
export function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/**
 * The entry with `field`'s `side` value removed and the redaction recorded; `null` when that value was
 * already redacted (a replayed request changes nothing). A field the entry does not hold, or a value that
 * is already empty, is a VALIDATION error at the payload's path.
 */
export function redactEntry(entry: HistoryEntry, request: RedactionRequest, ctx: Pick<EditContext, 'by' | 'byName' | 'at'>): HistoryEntry | null {
  const index = entry.changes.findIndex((c) => c.field === request.field);
  if (index < 0) {
    fail('VALIDATION', 'The change has no such field', { issues: [{ path: 'field', message: 'This change did not change that field; choose one it lists', kind: 'not-in-change' }] });
  }
  if (redactionOf(entry, request.field, request.side)) return null;
  const change = entry.changes[index]!;
  if (!hasValue(change[request.side])) {
    fail('VALIDATION', 'There is no value to remove', { issues: [{ path: 'side', message: 'That value is empty; there is nothing to remove', kind: 'empty-value' }] });
  }
  const redaction: HistoryRedaction = { field: request.field, side: request.side, at: ctx.at, by: ctx.by, byName: ctx.byName };
  return {
    ...entry,
    changes: entry.changes.map((c, i) => (i === index ? { ...c, [request.side]: null } : c)),
    redactions: [...(entry.redactions ?? []), redaction],
  };
}
