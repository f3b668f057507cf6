/**
 * Forge's operation limits per installation, as the local KVS enforces them (limits.ts has the numbers
 * and their sources). One LocalKvs is one installation's store, so it has one limiter.
 *
 * What counts (the docs say only "request sizes are rounded up to the nearest 10KB"; the rest is chosen
 * here and recorded in docs/decisions/0018):
 * - every request that reaches the store counts once against the 1,000 requests per second, whatever
 *   its outcome (a 404 miss or a 400 is still a request), except the ones this limiter refuses;
 * - a request's size is the larger of its JSON body and the JSON body of the answer, in UTF-8 bytes, so
 *   a get is sized by the value it returns and a set by the value it sends; its units are
 *   ceil(size / 10 KB), at least 1, per request: a query page or a batch of 25 is one request;
 * - get, query and batch get are reads; set, delete, batch set/delete and transactions are writes;
 * - a refused (429) request costs nothing, so waiting for the window to move on always helps.
 *
 * The windows are rolling: a request admitted at time t counts until t + 1,000 ms (per second) and
 * t + 60,000 ms (per minute). The clock is injected, so tests move time instead of sleeping.
 */
import {
  RATE_LIMIT_MINUTE_MS,
  RATE_LIMIT_READ_UNITS_PER_MINUTE,
  RATE_LIMIT_REQUESTS_PER_SECOND,
  RATE_LIMIT_SECOND_MS,
  RATE_LIMIT_WRITE_UNITS_PER_MINUTE,
} from './limits';

export type RequestKind = 'read' | 'write';

export interface KvsRateLimits {
  requestsPerSecond: number;
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
}

/** Forge's documented numbers: what the local host and tests use unless told otherwise. */
export const FORGE_KVS_RATE_LIMITS: Readonly<KvsRateLimits> = Object.freeze({
  requestsPerSecond: RATE_LIMIT_REQUESTS_PER_SECOND,
  readUnitsPerMinute: RATE_LIMIT_READ_UNITS_PER_MINUTE,
  writeUnitsPerMinute: RATE_LIMIT_WRITE_UNITS_PER_MINUTE,
});

/** What the rolling windows hold right now. */
export interface RateLimitUsage {
  requestsLastSecond: number;
  readUnitsLastMinute: number;
  writeUnitsLastMinute: number;
}

export type RateLimitVerdict = { ok: true } | { ok: false; message: string };

/** Amounts recorded at points in time, summed over the last `span` ms. */
class RollingWindow {
  private times: number[] = [];
  private amounts: number[] = [];
  private head = 0;
  private total = 0;

  constructor(private readonly span: number) {}

  used(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.span) {
      this.total -= this.amounts[this.head]!;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.amounts = this.amounts.slice(this.head);
      this.head = 0;
    }
    return this.total;
  }

  add(now: number, amount: number): void {
    this.times.push(now);
    this.amounts.push(amount);
    this.total += amount;
  }

  clear(): void {
    this.times = [];
    this.amounts = [];
    this.head = 0;
    this.total = 0;
  }
}

export class KvsRateLimiter {
  private readonly requests = new RollingWindow(RATE_LIMIT_SECOND_MS);
  private readonly units: Record<RequestKind, RollingWindow> = {
    read: new RollingWindow(RATE_LIMIT_MINUTE_MS),
    write: new RollingWindow(RATE_LIMIT_MINUTE_MS),
  };

  constructor(
    readonly limits: KvsRateLimits,
    private readonly now: () => number,
  ) {}

  /** Whether one more request fits in the last second. */
  admitRequest(): RateLimitVerdict {
    const used = this.requests.used(this.now());
    if (used + 1 <= this.limits.requestsPerSecond) return { ok: true };
    return {
      ok: false,
      message: `Rate limit exceeded: this installation has made ${used} storage requests in the last second; the limit is ${this.limits.requestsPerSecond} requests per second`,
    };
  }

  /** Whether a request of `units` 10 KB units of `kind` fits in the last minute. */
  admitUnits(kind: RequestKind, units: number): RateLimitVerdict {
    const limit = kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
    const used = this.units[kind].used(this.now());
    if (used + units <= limit) return { ok: true };
    return {
      ok: false,
      message: `Rate limit exceeded: this installation has used ${used} of its ${limit} ${kind} units (10 KB each) in the last minute, and this ${kind} needs ${units}`,
    };
  }

  /** Charges an admitted request. */
  record(kind: RequestKind, units: number): void {
    const now = this.now();
    this.requests.add(now, 1);
    this.units[kind].add(now, units);
  }

  usage(): RateLimitUsage {
    const now = this.now();
    return {
      requestsLastSecond: this.requests.used(now),
      readUnitsLastMinute: this.units.read.used(now),
      writeUnitsLastMinute: this.units.write.used(now),
    };
  }

  reset(): void {
    this.requests.clear();
    this.units.read.clear();
    this.units.write.clear();
  }
}

/** One rule of `LocalKvs.rateLimitNext`: answer the next `remaining` matching requests with 429. */
export interface InjectedRateLimit {
  remaining: number;
  /** Only requests to this path, e.g. '/api/v1/transaction'; any path when undefined. */
  path?: string;
}
