// Pure module, also compiled by jest and the root tsconfig (which do not know the Vite alias): shared by relative path.
import type { AppError, Result } from '../../../src/shared/errors';

/** Anything that is not a well-formed Result (a thrown bridge error, a timeout, junk) becomes INTERNAL. */
export function toResult<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; data?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, data: r.data as T };
    if (r.ok === false && isAppError(r.error)) return { ok: false, error: r.error };
  }
  return internalError('The resolver returned an unexpected response');
}

export function internalError(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isAppError(value: unknown): value is AppError {
  return !!value && typeof value === 'object' && typeof (value as AppError).code === 'string';
}
