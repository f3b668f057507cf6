/**
 * A CONFLICT answer to a field-level edit: someone else changed a field this editor also changed. The
 * editor sees both values per field and chooses; nothing is overwritten without that choice.
 */
import type { AppError } from '@shared/errors';

export interface ConflictField<F extends string = string> {
  field: F;
  mine: unknown;
  current: unknown;
}

export interface EditPayload<T> {
  patch: Partial<T>;
  expected: Partial<T>;
}

/** The conflicting fields of an edit, with what this editor wanted and what is stored now. */
export function conflictFields<T extends object>(error: AppError, sent: EditPayload<T>): Array<ConflictField<Extract<keyof T, string>>> {
  const current = error.current ?? {};
  const named = error.conflictingFields ?? Object.keys(current);
  const fields = named.filter((f) => f in sent.patch) as Array<Extract<keyof T, string>>;
  return fields.map((field) => ({ field, mine: sent.patch[field], current: current[field] }));
}

/**
 * "Keep mine": the same patch again, now expecting the values that are stored. If yet another editor
 * changes one of them in between, the server refuses again and the editor chooses again.
 */
export function keepMine<T extends object, P extends EditPayload<T>>(error: AppError, sent: P): P {
  const current = error.current ?? {};
  const expected: Partial<T> = { ...sent.expected };
  for (const key of Object.keys(current)) {
    if (key in sent.patch) (expected as Record<string, unknown>)[key] = current[key];
  }
  return { ...sent, expected };
}

/**
 * "Use the current value": drop the conflicting fields from the edit. The editor's other changes did not
 * conflict and still apply; null when nothing of the edit is left to send.
 */
export function withoutConflicting<T extends object, P extends EditPayload<T>>(error: AppError, sent: P): P | null {
  const drop = new Set(error.conflictingFields ?? Object.keys(error.current ?? {}));
  const patch = Object.fromEntries(Object.entries(sent.patch).filter(([k]) => !drop.has(k))) as Partial<T>;
  if (Object.keys(patch).length === 0) return null;
  const expected = Object.fromEntries(Object.entries(sent.expected).filter(([k]) => !drop.has(k))) as Partial<T>;
  return { ...sent, patch, expected };
}
