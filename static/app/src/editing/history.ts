/**
 * History entries as table lines (one per changed field), driven by a registry of change kinds. Each
 * view registers, per kind of change it shows (a cell, an initiative's details, a need …), which entries
 * the kind describes, how it names and shows their fields, and how "Återställ" applies an old value again
 * as a new change, so the restore itself is recorded and can be undone the same way.
 */
import type { Result } from '@shared/errors';
import type { HistoryAction, HistoryEntry, HistoryRedaction, HistorySide } from '@shared/model';
import { INITIATIVE_KINDS, NEED_CATEGORIES, NEED_PROGRESS, PHASES, ROLLOUT_STATUSES, ROLLOUT_TYPES } from '@shared/vocabulary';
import type { EditPayload } from './conflict';
import type { FieldText } from './fields';

/** The pure part of a change kind: which entries it describes and the edit that restores a field. */
export interface ChangeRestore<P extends EditPayload<object> = EditPayload<object>> {
  /** The kind's name; a restore line carries it. */
  id: string;
  /** Whether this kind describes the entry (typically by its target). The first kind that does, wins. */
  describes(entry: HistoryEntry): boolean;
  /**
   * The edit that sets `field` back to `oldValue`, expecting `newValue` (so a later change by someone else
   * is a CONFLICT); null when the change cannot be restored. Absent: this kind's changes are read-only.
   */
  restore?(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): P | null;
}

/** A change kind as the history dialog uses it: the pure part, the view's field texts, and how to send. */
export interface ChangeKind<P extends EditPayload<object> = EditPayload<object>, R = unknown> extends ChangeRestore<P>, FieldText {
  /** Sends a restore (and "keep mine" after a conflict). Needed when `restore` is given. */
  send?(payload: P): Promise<Result<R>>;
  /** After the server saved a restore: e.g. show the saved cell at once. */
  saved?(payload: P, data: R): void;
}

export type ChangeKindRegistry = readonly ChangeKind[];

/** What "Återställ" sends: an edit of one kind. */
export interface RestoreAction<P extends EditPayload<object> = EditPayload<object>> {
  kind: string;
  payload: P;
}

export interface HistoryLine {
  key: string;
  entry: HistoryEntry;
  /** The kind that describes the entry, by id; null when no registered kind does. */
  kind: string | null;
  field: string;
  old: unknown;
  new: unknown;
  /** Set when this change can be undone (applied again as a new, recorded change). */
  restore: RestoreAction | null;
  /** The values of this field an editor removed from the history, by side; such a change cannot be restored. */
  redacted: Partial<Record<HistorySide, HistoryRedaction>>;
}

/** Whether a history value holds anything to redact (an empty text or nothing has nothing to hide). */
// Only what a person typed can hold personal data. A status, a phase, a category, a flag, a month or a
// date is one of a closed set of values; a "Ta bort ur historiken" beside each would bury the ones that
// matter (a note, a contact, a link, a name).
const CLOSED_VALUES: ReadonlySet<string> = new Set<string>([...ROLLOUT_STATUSES, ...NEED_PROGRESS, ...NEED_CATEGORIES, ...PHASES, ...ROLLOUT_TYPES, ...INITIATIVE_KINDS]);
const MONTH_OR_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export function isRedactable(line: HistoryLine, side: HistorySide): boolean {
  const value = line[side];
  return (
    line.field !== '' &&
    !line.redacted[side] &&
    typeof value === 'string' &&
    value !== '' &&
    !CLOSED_VALUES.has(value) &&
    !MONTH_OR_DATE.test(value)
  );
}

function redactionsOf(entry: HistoryEntry, field: string): Partial<Record<HistorySide, HistoryRedaction>> {
  const found: Partial<Record<HistorySide, HistoryRedaction>> = {};
  for (const r of entry.redactions ?? []) if (r.field === field) found[r.side] = r;
  return found;
}

export const ACTION_MESSAGE: Record<HistoryAction, 'actionCreate' | 'actionUpdate' | 'actionArchive' | 'actionRestore' | 'actionReorder' | 'actionDelete'> = {
  create: 'actionCreate',
  update: 'actionUpdate',
  archive: 'actionArchive',
  restore: 'actionRestore',
  reorder: 'actionReorder',
  delete: 'actionDelete',
};

/**
 * One line per changed field (one per entry without field changes, such as an archiving). With `fields`,
 * only the lines of those fields: the history of one form's fields, such as the roadmap's months.
 */
export function historyLines(entries: readonly HistoryEntry[], kinds: readonly ChangeRestore[], fields?: readonly string[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const entry of entries) {
    const kind = kinds.find((k) => k.describes(entry)) ?? null;
    if (entry.changes.length === 0) {
      if (fields) continue;
      lines.push({ key: entry.id, entry, kind: kind?.id ?? null, field: '', old: undefined, new: undefined, restore: null, redacted: {} });
      continue;
    }
    entry.changes.forEach((change, i) => {
      if (fields && !fields.includes(change.field)) return;
      const redacted = redactionsOf(entry, change.field);
      // A redacted value is gone: restoring to it, or from it, would act on a value nobody can see.
      const payload = redacted.old || redacted.new ? null : (kind?.restore?.(entry, change.field, change.old, change.new) ?? null);
      lines.push({
        key: `${entry.id}:${i}`,
        entry,
        kind: kind?.id ?? null,
        field: change.field,
        old: change.old,
        new: change.new,
        restore: kind && payload ? { kind: kind.id, payload } : null,
        redacted,
      });
    });
  }
  return lines;
}
