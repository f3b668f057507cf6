/**
 * The local KVS service: routes the `/api/v1/*` requests `@forge/kvs`
 * makes to the operation modules, meters units, enforces Forge's rate
 * limits per installation, and persists after every change. Each request
 * runs to completion synchronously inside `handle`, so requests are atomic
 * with respect to each other, as Forge's are.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { runBatch } from './batch';
import { compileEntityDefinitions } from './entity-schema';
import { runEntityQuery } from './entity-query';
import { invalidBody, KvsError, KvsErrorCode } from './errors';
import { runKeyQuery } from './key-query';
import { runDelete, runGet, runSet, type OperationContext, type OperationResult, type StoreKind } from './operations';
import { loadSnapshot, saveSnapshot } from './persistence';
import { FORGE_KVS_RATE_LIMITS, KvsRateLimiter, type InjectedRateLimit, type KvsRateLimits, type RateLimitUsage, type RequestKind } from './rate-limiter';
import { MemoryStore, type StoreSnapshot } from './store';
import { runTransaction } from './transaction';
import type { EntityDefinition, KvsResponse, KvsUnits } from './types';
import { UnitMeter, unitsFor } from './units';

export interface LocalKvsOptions {
  entities: EntityDefinition[];
  /**
   * How a transaction whose condition fails is answered. Forge does not document it; the host answers 409
   * CONDITIONAL_CHECK_FAILED, and tests set something else to prove the app does not rely on that answer.
   */
  conditionFailure?: { status: number; code: string };
  /** File to persist to. Omit for a purely in-memory instance (tests). */
  persistPath?: string;
  /** Clock in epoch ms, for TTL and the rate-limit windows. Defaults to Date.now. */
  now?: () => number;
  /**
   * Forge's per-installation rate limits, on by default (FORGE_KVS_RATE_LIMITS). Pass lower numbers to
   * test near a limit, or `false` for a store that never answers 429 (prefer `withoutRateLimits` around
   * bulk seeding, which keeps the limits for everything else).
   */
  rateLimits?: Partial<KvsRateLimits> | false;
}

type Route = (ctx: OperationContext, body: unknown) => OperationResult;

const single = (kind: StoreKind, op: typeof runGet): Route => (ctx, body) => op(ctx, kind, body);
const asQuery = (run: (ctx: OperationContext, body: unknown) => { body: unknown; readUnits: number }): Route => (ctx, body) => {
  const result = run(ctx, body);
  return { status: 200, body: result.body, readUnits: result.readUnits, writeUnits: 0, changed: false };
};

/** Every path `@forge/kvs` 1.6.x calls (see its storage-api.js). */
const ROUTES: Record<string, Route> = {
  '/api/v1/get': single('kvs', runGet),
  '/api/v1/set': single('kvs', runSet),
  '/api/v1/delete': single('kvs', runDelete),
  '/api/v1/secret/get': single('secret', runGet),
  '/api/v1/secret/set': single('secret', runSet),
  '/api/v1/secret/delete': single('secret', runDelete),
  '/api/v1/entity/get': single('entity', runGet),
  '/api/v1/entity/set': single('entity', runSet),
  '/api/v1/entity/delete': single('entity', runDelete),
  '/api/v1/query': asQuery((ctx, body) => runKeyQuery(ctx.store, body)),
  '/api/v1/entity/query': asQuery((ctx, body) => runEntityQuery(ctx.store, ctx.entities, body)),
  '/api/v1/batch/set': (ctx, body) => runBatch(ctx, 'set', body),
  '/api/v1/batch/get': (ctx, body) => runBatch(ctx, 'get', body),
  '/api/v1/batch/delete': (ctx, body) => runBatch(ctx, 'delete', body),
  '/api/v1/transaction': (ctx, body) => runTransaction(ctx, body),
};

/** Which of Forge's two per-minute budgets a request draws on (see rate-limiter.ts). */
const REQUEST_KIND: Record<string, RequestKind> = {
  '/api/v1/get': 'read',
  '/api/v1/secret/get': 'read',
  '/api/v1/entity/get': 'read',
  '/api/v1/query': 'read',
  '/api/v1/entity/query': 'read',
  '/api/v1/batch/get': 'read',
};

const bodyBytes = (body: unknown): number =>
  typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body === undefined ? 0 : Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');

const tooManyRequests = (message: string): KvsResponse => ({ status: 429, body: { code: KvsErrorCode.RATE_LIMIT_EXCEEDED, message } });

interface InjectedFailure {
  remaining: number;
  status: number;
  code: string;
  path?: string;
  when: 'before' | 'after';
  message?: string;
}

const failedWith = (failure: InjectedFailure, endpoint: string): KvsResponse => ({
  status: failure.status,
  body: { code: failure.code, message: failure.message ?? `Injected failure (LocalKvs.failNext for ${endpoint})` },
});

/** Uses up one request of the first rule that applies to `endpoint`; rules queue up. */
function takeRule<R extends { remaining: number; path?: string }>(rules: R[], endpoint: string, replace: (rest: R[]) => void): R | undefined {
  const rule = rules.find((r) => r.path === undefined || r.path === endpoint);
  if (!rule) return undefined;
  rule.remaining -= 1;
  if (rule.remaining === 0) replace(rules.filter((r) => r !== rule));
  return rule;
}

export class LocalKvs {
  private readonly store: MemoryStore;
  private readonly conditionFailure: LocalKvsOptions['conditionFailure'];
  private readonly entities: Map<string, EntityDefinition>;
  private readonly meter = new UnitMeter();
  private readonly persistPath?: string;
  private readonly limiter?: KvsRateLimiter;
  private readonly unlimited = new AsyncLocalStorage<true>();
  private injected: InjectedRateLimit[] = [];
  private failures: InjectedFailure[] = [];
  private delays: Array<{ remaining: number; ms: number; path?: string }> = [];

  constructor(options: LocalKvsOptions) {
    const now = options.now ?? Date.now;
    this.conditionFailure = options.conditionFailure;
    this.entities = compileEntityDefinitions(options.entities);
    this.store = new MemoryStore(now);
    if (options.rateLimits !== false) this.limiter = new KvsRateLimiter({ ...FORGE_KVS_RATE_LIMITS, ...options.rateLimits }, now);
    this.persistPath = options.persistPath;
    if (this.persistPath) {
      const snapshot = loadSnapshot(this.persistPath);
      if (snapshot) this.store.restore(snapshot);
    }
  }

  /**
   * Answers one `@forge/kvs` request. `path` is e.g. '/api/v1/get' (a query
   * string is ignored); `body` is the parsed JSON body (a JSON string is
   * parsed here). Errors come back as `{ status, body: { code, message } }`,
   * never as exceptions, like an HTTP service.
   */
  async handle(path: string, body: unknown): Promise<KvsResponse> {
    this.meter.countRequest();
    const route = ROUTES[path.split('?')[0]!];
    if (!route) {
      return { status: 404, body: { code: KvsErrorCode.NOT_FOUND, message: `No KVS endpoint at ${path}` } };
    }
    const endpoint = path.split('?')[0]!;
    if (this.takeInjected(endpoint)) return tooManyRequests(`Rate limit exceeded (injected by LocalKvs.rateLimitNext for ${endpoint})`);
    const delay = takeRule(this.delays, endpoint, (rest) => (this.delays = rest));
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const failure = takeRule(this.failures, endpoint, (rest) => (this.failures = rest));
    if (failure && failure.when === 'before') return failedWith(failure, endpoint);

    const limiter = this.unlimited.getStore() ? undefined : this.limiter;
    const kind = REQUEST_KIND[endpoint] ?? 'write';
    const requestBytes = bodyBytes(body);
    if (limiter) {
      const perSecond = limiter.admitRequest();
      if (!perSecond.ok) return tooManyRequests(perSecond.message);
      // A write's size is known before it runs; it must not change anything if it is refused.
      if (kind === 'write') {
        const perMinute = limiter.admitUnits('write', unitsFor(requestBytes));
        if (!perMinute.ok) return tooManyRequests(perMinute.message);
      }
    }

    let result = this.run(route, body);
    const failedCondition = (result.body as { code?: unknown } | undefined)?.code === KvsErrorCode.CONDITIONAL_CHECK_FAILED;
    if (this.conditionFailure && result.status === 409 && failedCondition) {
      result = { ...result, status: this.conditionFailure.status, body: { ...(result.body as object), code: this.conditionFailure.code } };
    }
    if (limiter) {
      const units = unitsFor(Math.max(requestBytes, bodyBytes(result.body)));
      // A read is sized by what it returns; refusing it afterwards changes nothing, as reads change nothing.
      if (kind === 'read') {
        const perMinute = limiter.admitUnits('read', units);
        if (!perMinute.ok) return tooManyRequests(perMinute.message);
      }
      limiter.record(kind, units);
    }
    // Billing, as Forge meters it (units.ts): only for requests that were answered.
    if (kind === 'read' && result.status < 400) this.meter.addReadRequest(unitsFor(Math.max(requestBytes, bodyBytes(result.body))));
    this.meter.addRead(result.readUnits);
    this.meter.addWrite(result.writeUnits);
    if (result.changed) this.persist();
    // The request ran and its change stands; only the answer is lost (a timeout after the write).
    if (failure) return failedWith(failure, endpoint);
    return { status: result.status, body: result.body };
  }

  private run(route: Route, body: unknown): OperationResult {
    try {
      let parsed = body;
      if (typeof body === 'string') {
        try {
          parsed = JSON.parse(body);
        } catch {
          throw invalidBody('body is not valid JSON');
        }
      }
      return route({ store: this.store, entities: this.entities }, parsed);
    } catch (e) {
      const failed = { readUnits: 0, writeUnits: 0, changed: false };
      if (e instanceof KvsError) return { status: e.status, body: e.toBody(), ...failed };
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `Local KVS failure: ${(e as Error).message}` }, ...failed };
    }
  }

  /**
   * Runs `fn` with the rate limits off for the requests it makes (and only those: other invocations
   * running meanwhile are still limited), and without charging the windows. For bulk seeding (the demo
   * programme, benchmark datasets), which an admin import on a real site would spread over minutes.
   */
  withoutRateLimits<T>(fn: () => Promise<T>): Promise<T> {
    return this.unlimited.run(true, fn);
  }

  /**
   * Fault injection for tests: the next `count` requests (to `options.path` only, e.g.
   * '/api/v1/transaction', when given) answer 429 RATE_LIMIT_EXCEEDED without running, as an
   * installation over its limit would. Applies even inside `withoutRateLimits`. Rules queue up.
   */
  rateLimitNext(count: number, options: { path?: string } = {}): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('rateLimitNext: count must be a positive integer');
    this.injected.push({ remaining: count, path: options.path });
  }

  /** Injected 429s not yet used up, in total. */
  pendingInjectedRateLimits(): number {
    return this.injected.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  clearInjectedRateLimits(): void {
    this.injected = [];
  }

  /**
   * Fault injection for tests: the next `count` requests (to `path` only, when given) fail with `status`
   * and `code`. `when: 'before'` (default) answers without running the request: nothing changes, as a
   * failed transaction or a timeout before the store was reached. `when: 'after'` runs it, keeps its
   * change, and answers the failure anyway: a timeout whose write landed, the case a retry must survive.
   */
  failNext(count: number, failure: { status: number; code: string; path?: string; when?: 'before' | 'after'; message?: string }): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a positive integer');
    this.failures.push({ remaining: count, when: 'before', ...failure });
  }

  /** Fault injection for tests: the next `count` requests (to `path` only, when given) wait `ms` before they run. */
  delayNext(count: number, ms: number, options: { path?: string } = {}): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('delayNext: count must be a positive integer');
    this.delays.push({ remaining: count, ms, path: options.path });
  }

  clearInjectedFaults(): void {
    this.failures = [];
    this.delays = [];
    this.injected = [];
  }

  /** Everything stored, as it would be persisted: tests compare two of these to prove nothing was written. */
  snapshot(): StoreSnapshot {
    return structuredClone(this.store.snapshot());
  }

  /** Replaces everything stored with a snapshot (tests: many cases from one prepared state, cheaply). */
  restore(snapshot: StoreSnapshot): void {
    this.store.restore(structuredClone(snapshot));
    this.persist();
  }

  /** What the rate-limit windows hold now (zero everywhere when limits are off). */
  rateLimitUsage(): RateLimitUsage {
    return this.limiter?.usage() ?? { requestsLastSecond: 0, readUnitsLastMinute: 0, writeUnitsLastMinute: 0 };
  }

  /** The limits this store enforces, or undefined when it was created with `rateLimits: false`. */
  rateLimits(): KvsRateLimits | undefined {
    return this.limiter ? { ...this.limiter.limits } : undefined;
  }

  private takeInjected(endpoint: string): boolean {
    return takeRule(this.injected, endpoint, (rest) => (this.injected = rest)) !== undefined;
  }

  units(): KvsUnits {
    return this.meter.snapshot();
  }

  resetUnits(): void {
    this.meter.reset();
  }

  /** True when nothing at all is stored (no key, no entity record). */
  isEmpty(): boolean {
    return Object.keys(this.store.snapshot().spaces).length === 0;
  }

  /** Deletes all data (and the persisted copy of it). Units are kept. */
  clear(): void {
    this.store.clear();
    this.persist();
  }

  private persist(): void {
    if (this.persistPath) saveSnapshot(this.persistPath, this.store.snapshot());
  }
}
