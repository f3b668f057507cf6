/**
 * Opaque pagination cursors. A cursor records where the previous page
 * stopped (the position in sort order, not an offset, so concurrent writes
 * neither duplicate nor skip items that were already there) and a
 * fingerprint of the query it belongs to: replaying a cursor against a
 * different query is an error, as it is with Forge's opaque cursors.
 */
import { createHash } from 'node:crypto';
import { invalidBody } from './errors';

interface CursorPayload {
  v: 1;
  /** Fingerprint of the query shape this cursor belongs to. */
  f: string;
  /** Position of the last item evaluated: [sortValue, key] or [key]. */
  p: unknown[];
}

export function fingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeCursor(fp: string, position: unknown[]): string {
  const payload: CursorPayload = { v: 1, f: fp, p: position };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Decodes a cursor for the query with fingerprint `fp`; 400 if it isn't one. */
export function decodeCursor(cursor: unknown, fp: string): unknown[] {
  if (typeof cursor !== 'string' || cursor.length === 0) throw invalidBody('cursor must be a non-empty string');
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw invalidBody('cursor is not valid');
  }
  if (payload?.v !== 1 || !Array.isArray(payload.p)) throw invalidBody('cursor is not valid');
  if (payload.f !== fp) throw invalidBody('cursor belongs to a different query');
  return payload.p;
}
