/**
 * The field-level conflict rule shared by every edit of flat fields (cells, initiative details).
 *
 * Editors send the fields they changed (`patch`) and the values they started from (`expected`). A field
 * conflicts only if someone else changed it meanwhile to something other than what this editor wants.
 * That way concurrent edits of different fields (or the same new value) both land, and a stale edit of the
 * same field is refused with the value that is stored now: no update is lost silently.
 */
import { fail } from '../../shared/errors';
import type { HistoryChange } from '../../shared/model';

export interface FieldMerge<F> {
  merged: F;
  /** Only fields whose stored value actually changes; empty means nothing to write. */
  changes: HistoryChange[];
}

/** When the stored record was last changed and by whom: told to the editor whose edit conflicts. */
export interface LastChange {
  updatedAt: string | null;
  updatedByName: string | null;
}

export function mergeFieldPatch<F extends object>(stored: F, patch: Partial<F>, expected: Partial<F>, lastChange?: LastChange): FieldMerge<F> {
  const fields = (Object.keys(patch) as Array<keyof F & string>).filter((f) => patch[f] !== undefined);

  const missing = fields.filter((f) => !Object.prototype.hasOwnProperty.call(expected, f) || expected[f] === undefined);
  if (missing.length > 0) {
    fail('VALIDATION', 'Every changed field needs the value the edit started from', {
      issues: missing.map((f) => ({ path: `expected.${f}`, message: 'Missing the value the edit started from' })),
    });
  }

  const conflicting = fields.filter((f) => stored[f] !== expected[f] && stored[f] !== patch[f]);
  if (conflicting.length > 0) {
    fail('CONFLICT', `Changed by someone else meanwhile: ${conflicting.join(', ')}`, {
      conflictingFields: conflicting,
      current: Object.fromEntries(conflicting.map((f) => [f, stored[f]])),
      ...(lastChange ? { changedAt: lastChange.updatedAt, changedByName: lastChange.updatedByName } : {}),
    });
  }

  const changes: HistoryChange[] = [];
  const merged = { ...stored };
  for (const f of fields) {
    if (stored[f] === patch[f]) continue;
    changes.push({ field: f, old: stored[f], new: patch[f] });
    merged[f] = patch[f] as F[typeof f];
  }
  return { merged, changes };
}

/**
 * The same rule for one field set to one value in several places at once (a bulk edit): every place needs
 * the value the editor saw (`expected`), and a place whose stored value is neither that nor the new one is a
 * conflict, listed by key with its current value. Answers the places that actually change.
 */
export function bulkFieldChange<V>(
  keys: readonly string[],
  value: V,
  expected: Readonly<Record<string, V>>,
  storedAt: (key: string) => V,
  what: string,
): string[] {
  const unique = [...new Set(keys)];
  const missing = unique.filter((key) => expected[key] === undefined);
  if (missing.length > 0) {
    fail('VALIDATION', `Every region needs the ${what} the edit started from`, {
      issues: missing.map((key) => ({ path: `expected.${key}`, message: `Missing the ${what} the edit started from` })),
    });
  }
  const conflicting = unique.filter((key) => storedAt(key) !== expected[key] && storedAt(key) !== value);
  if (conflicting.length > 0) {
    fail('CONFLICT', `${what[0].toUpperCase()}${what.slice(1)} changed by someone else meanwhile in: ${conflicting.join(', ')}`, {
      conflictingFields: conflicting,
      current: Object.fromEntries(conflicting.map((key) => [key, storedAt(key)])),
    });
  }
  return unique.filter((key) => storedAt(key) !== value);
}
