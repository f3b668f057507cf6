/**
 * A short retry for storage calls that Forge's KVS refuses with 429 (the installation is over its rate
 * limit: 1,000 requests per second, or 4,000 read / 4,000 write 10 KB units per minute). A burst over the
 * per-second limit clears within a second, so a few quick retries help; the per-minute budget does not
 * come back in seconds, so after those the call gives up with RATE_LIMITED, which the UI explains as
 * "busy, try again in a minute". The waits stay far inside the 25 s a resolver may run.
 *
 * How @forge/kvs reports it (1.6.5, utils/error-handling.js): any non-2xx answer becomes a
 * ForgeKvsAPIError with `code` from the body (Forge documents RATE_LIMIT_EXCEEDED for a 429) and
 * `responseDetails.status`. Response headers are not kept, so a Retry-After header never reaches the
 * app; Forge does not document one for the KVS either. This helper honours a retry-after value only
 * where an error carries one (`retryAfterSeconds` / `retryAfter` on the error or in its `context`, where
 * the SDK puts extra body fields), and otherwise backs off exponentially with jitter.
 *
 * Only a call that was refused is retried: Forge refuses a request over the limit before running it, so
 * repeating it (even a transaction) cannot apply a change twice.
 */
import { fail } from '../shared/errors';

export interface KvsRetryOptions {
  /** Calls in all, the first included. Default 4. */
  attempts?: number;
  /**
   * The first wait, doubled after each refusal. Default 300 ms: with four calls the waits add up to at
   * least 1,050 ms (150 + 300 + 600 at the bottom of the jitter), so a burst over the per-second limit
   * has always cleared by the last call, and to at most 2,100 ms.
   */
  baseDelayMs?: number;
  /** The longest single wait. Default 2,000 ms. */
  maxDelayMs?: number;
  /** All waits together at most this long; a wait that would pass it is not made. Default 4,000 ms. */
  maxTotalDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); injectable for tests. */
  random?: () => number;
}

const DEFAULTS = { attempts: 4, baseDelayMs: 300, maxDelayMs: 2_000, maxTotalDelayMs: 4_000 } as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields | undefined => (value !== null && typeof value === 'object' ? (value as Fields) : undefined);

/**
 * True for Forge storage's rate-limit answer: HTTP 429, or the documented code RATE_LIMIT_EXCEEDED.
 * Read by shape rather than by `instanceof ForgeKvsAPIError`, which fails across two copies of the SDK.
 * A RATE_LIMITED AppFailure from withKvsRetry is not one: it was retried already.
 */
export function isRateLimited(error: unknown): boolean {
  const e = fieldsOf(error);
  if (!e) return false;
  return fieldsOf(e.responseDetails)?.status === 429 || e.code === 'RATE_LIMIT_EXCEEDED';
}

/** A retry-after the error carries, in ms, if any (seconds as a number or numeric string, or an HTTP date). */
function retryAfterMs(error: unknown): number | undefined {
  const e = fieldsOf(error);
  for (const source of [e, fieldsOf(e?.context)]) {
    for (const name of ['retryAfterSeconds', 'retryAfter']) {
      const value = source?.[name];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
      if (typeof value === 'string' && value.trim() !== '') {
        const seconds = Number(value);
        if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
        const at = Date.parse(value);
        if (Number.isFinite(at)) return Math.max(0, at - Date.now());
      }
    }
  }
  return undefined;
}

/**
 * Runs `attempt`, and again after a wait when storage answers 429, up to `attempts` calls in all; then
 * fails with RATE_LIMITED. Any other error is thrown at once, unchanged. `what` names the operation in
 * the developer message, e.g. 'Saving the cell'.
 */
export async function withKvsRetry<T>(what: string, attempt: () => Promise<T>, options: KvsRetryOptions = {}): Promise<T> {
  const { attempts, baseDelayMs, maxDelayMs, maxTotalDelayMs } = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  let waited = 0;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      if (n >= attempts) break;
      // "Equal jitter": half the exponential step for sure, the other half at random, so retries from
      // many invocations spread out but none comes back at once.
      const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
      const backoff = step / 2 + (random() * step) / 2;
      const delay = Math.ceil(Math.max(backoff, retryAfterMs(error) ?? 0));
      if (waited + delay > maxTotalDelayMs) break;
      await sleep(delay);
      waited += delay;
    }
  }
  return fail('RATE_LIMITED', `${what}: storage is busy (Forge's rate limit for this installation) and refused the request; try again in a minute`);
}
