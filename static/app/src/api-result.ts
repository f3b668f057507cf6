import type { AppError, Result } from '@shared/errors';

/** Anything that is not a well-formed Result (a thrown bridge error, a timeout, junk) becomes INTERNAL. */
export function toResult<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; data?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, data: r.data as T };
    if (r.ok === false && isAppError(r.error)) return { ok: false, error: r.error };
  }
  return internalError('The resolver returned an unexpected response');
}

/**
 * An invoke that failed on its way (the bridge rejected): INTERNAL, except when the platform says it was
 * rate limited (Forge answers 429 when an app makes too many calls): RATE_LIMITED, as when the storage
 * behind a resolver is, whose text asks the reader to try again in a minute, which is what helps.
 */
export function transportError(what: string, cause: unknown): { ok: false; error: AppError } {
  const message = `${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`;
  if (/rate.?limit|too many requests|\b429\b/i.test(message)) return { ok: false, error: { code: 'RATE_LIMITED', message } };
  return internalError(message);
}

export function internalError(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isAppError(value: unknown): value is AppError {
  return !!value && typeof value === 'object' && typeof (value as AppError).code === 'string';
}
