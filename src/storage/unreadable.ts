/**
 * Stored records that cannot be decoded: edited by hand, half restored, or written by a bug. One such record
 * must not take the whole programme down (issue 12, finding 4): a list skips it, says so in the log with the
 * entity and the key (so an administrator can find it), and tells the caller how many were left out so the
 * view can show a notice. A record that is read on its own (the programme, the initiative being edited) has
 * nothing to fall back on: it is a typed error that names it, never a misleading "not found".
 */
import { fail } from '../shared/errors';

export interface UnreadableRecord {
  entity: string;
  key: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Logs a skipped record, named so it can be found in the Forge logs. */
export function reportUnreadable(entity: string, key: string, error: unknown): UnreadableRecord {
  console.error(`Unreadable ${entity} record "${key}" skipped: ${describe(error)}`);
  return { entity, key };
}

/** Decodes each row; rows that fail are skipped, logged and added to `unreadable` when given. */
export function decodeRows<R, T>(
  entity: string,
  rows: ReadonlyArray<{ key: string; value: R }>,
  decode: (key: string, value: R) => T,
  unreadable?: UnreadableRecord[],
): T[] {
  const decoded: T[] = [];
  for (const row of rows) {
    try {
      decoded.push(decode(row.key, row.value));
    } catch (error) {
      const skipped = reportUnreadable(entity, row.key, error);
      unreadable?.push(skipped);
    }
  }
  return decoded;
}

/** Decodes one record that the caller cannot do without: a failure is a typed error naming the record. */
export function decodeOrFail<T>(entity: string, key: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    console.error(`Unreadable ${entity} record "${key}": ${describe(error)}`);
    return fail('INTERNAL', `The stored ${entity} record "${key}" cannot be read; it needs to be repaired or restored`, {
      record: { entity, key },
    });
  }
}
