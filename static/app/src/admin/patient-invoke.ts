/**
 * Long administration jobs (an import, a backup, a restore) make many calls in a row and can meet Forge's KVS
 * limits per installation and minute. Each of their calls is safe to repeat, so the page waits and calls again
 * while storage answers RATE_LIMITED, and tells the user it waits, instead of stopping half-way.
 */
import type { AppError } from '@shared/errors';

export const RATE_LIMIT_PAUSE_MS = 15_000;
const RATE_LIMIT_TRIES = 8;

export async function patiently<T extends { ok: boolean; error?: AppError }>(call: () => Promise<T>, waiting: (on: boolean) => void): Promise<T> {
  for (let n = 1; ; n++) {
    const result = await call();
    if (result.ok || result.error?.code !== 'RATE_LIMITED' || n >= RATE_LIMIT_TRIES) return result;
    waiting(true);
    await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_PAUSE_MS));
    waiting(false);
  }
}
