/**
 * The details of one view, fetched on demand: the cache (details-cache.ts), the reads in flight and how far
 * each has come, and a subscription for React (useSyncExternalStore). One read per scope and revision is in
 * flight at a time, however many parts of the view ask for it (a list and its CSV share one).
 */
import type { AppError, Result } from '@shared/errors';
import type { CellDetails } from '@shared/model';
import { DetailsCache, scopeKey, scopePayload, type DetailsScope, type KnownDetails, type LastChange } from './details-cache';
import { collectDetailPages, type FetchDetailsPage } from './details-pages';

export type ScopeState =
  | { status: 'idle' }
  | { status: 'loading'; fetched: number }
  | { status: 'done' }
  | { status: 'failed'; error: AppError };

export type LoadResult = { ok: true } | { ok: false; error: AppError } | { ok: false; stopped: true };

const IDLE: ScopeState = Object.freeze({ status: 'idle' });
const DONE: ScopeState = Object.freeze({ status: 'done' });

export class DetailsStore {
  private readonly cache: DetailsCache;
  private readonly states = new Map<string, ScopeState>();
  private readonly inflight = new Map<string, Promise<LoadResult>>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private disposed = false;

  constructor(
    private readonly fetchPage: FetchDetailsPage,
    revision: string,
  ) {
    this.cache = new DetailsCache(revision);
  }

  // ------------------------------------------------------------ subscription (useSyncExternalStore)

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything a reader could see changed. */
  readonly getSnapshot = (): number => this.version;

  private emit(): void {
    if (this.disposed) return;
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** The view is gone: reads in flight stop after their current page and tell nobody. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  // ------------------------------------------------------------ reading

  get revision(): string {
    return this.cache.revision;
  }

  /** The view now shows `revision` (see DetailsCache.sync); reads of the old revision are forgotten. */
  sync(revision: string): void {
    if (!this.cache.sync(revision)) return;
    this.states.clear();
    this.inflight.clear();
    this.emit();
  }

  lookup(initiativeId: string, regionCode: string, hasDetails: boolean, options?: { allowStale?: boolean }): KnownDetails | undefined {
    return this.cache.lookup(initiativeId, regionCode, hasDetails, options);
  }

  lastChange(initiativeId: string, regionCode: string): LastChange | null | undefined {
    return this.cache.lastChange(initiativeId, regionCode);
  }

  scopeState(scope: DetailsScope): ScopeState {
    if (this.cache.isComplete(scope)) return DONE;
    return this.states.get(scopeKey(scope)) ?? IDLE;
  }

  /**
   * Reads a scope to the end into the cache, unless it is already there. `signal` lets one caller stop
   * waiting (the CSV's cancel) without stopping the read for the others.
   */
  load(scope: DetailsScope, options: { signal?: AbortSignal } = {}): Promise<LoadResult> {
    if (this.cache.isComplete(scope)) return Promise.resolve({ ok: true });
    const key = scopeKey(scope);
    let running = this.inflight.get(key);
    if (!running) {
      running = this.read(scope, key);
      this.inflight.set(key, running);
    }
    return options.signal ? untilAborted(running, options.signal) : running;
  }

  private async read(scope: DetailsScope, key: string): Promise<LoadResult> {
    const revision = this.cache.revision;
    const current = () => !this.disposed && this.cache.revision === revision;
    this.states.set(key, { status: 'loading', fetched: 0 });
    this.emit();
    const result = await collectDetailPages(this.fetchPage, scopePayload(scope), {
      shouldStop: () => !current(),
      onPage: (fetched) => {
        this.states.set(key, { status: 'loading', fetched });
        this.emit();
      },
    });
    // A read of an earlier revision has nothing to say about this one (sync cleared its state).
    if (!current()) return { ok: false, stopped: true };
    this.inflight.delete(key);
    if (!result.ok) {
      if ('error' in result) this.states.set(key, { status: 'failed', error: result.error });
      this.emit();
      return result;
    }
    this.cache.acceptScope(scope, result.entries, result.lastChange, revision);
    this.states.delete(key);
    this.emit();
    return { ok: true };
  }

  /**
   * One cell, read now whatever the cache holds: what the edit form starts from (its `expected` values)
   * must not be older than the moment it opens. The answer also refreshes the cache.
   */
  async loadCellFresh(initiativeId: string, regionCode: string): Promise<Result<KnownDetails>> {
    const scope: DetailsScope = { kind: 'cell', initiativeId, regionCode };
    const revision = this.cache.revision;
    const result = await collectDetailPages(this.fetchPage, scopePayload(scope));
    if (!result.ok) return 'error' in result ? result : { ok: false, error: { code: 'INTERNAL', message: 'stopped' } };
    const entry = result.entries.find((e) => e.initiativeId === initiativeId && e.regionCode === regionCode);
    if (!entry) return { ok: false, error: { code: 'INTERNAL', message: 'getDetails did not return the cell it was asked for' } };
    if (!this.disposed && this.cache.acceptScope(scope, [entry], result.lastChange, revision)) this.emit();
    return { ok: true, data: { cell: entry.cell, needNotes: entry.needNotes, lastChange: result.lastChange ?? null } };
  }

  // ------------------------------------------------------------ writes made in this view

  /** updateCell answered: its `details` are the cell's details now. */
  saved(initiativeId: string, regionCode: string, details: CellDetails, revision: string): void {
    this.cache.saved(initiativeId, regionCode, details, revision);
    this.states.delete(scopeKey({ kind: 'cell', initiativeId, regionCode }));
    this.emit();
  }

  /** bulkUpdateCells answered: statuses changed, details did not. */
  statusSaved(initiativeId: string, regionCodes: readonly string[], revision: string): void {
    this.cache.statusSaved(initiativeId, regionCodes, revision);
    this.emit();
  }
}

function untilAborted(promise: Promise<LoadResult>, signal: AbortSignal): Promise<LoadResult> {
  if (signal.aborted) return Promise.resolve({ ok: false, stopped: true });
  return new Promise((resolve) => {
    const onAbort = () => resolve({ ok: false, stopped: true });
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}
