/**
 * The local KVS service: routes the `/api/v1/*` requests `@forge/kvs`
 * makes to the operation modules, meters units, and persists after every
 * change. Each request runs to completion synchronously inside `handle`,
 * so requests are atomic with respect to each other, as Forge's are.
 */
import { runBatch } from './batch';
import { compileEntityDefinitions } from './entity-schema';
import { runEntityQuery } from './entity-query';
import { invalidBody, KvsError, KvsErrorCode } from './errors';
import { runKeyQuery } from './key-query';
import { runDelete, runGet, runSet, type OperationContext, type OperationResult, type StoreKind } from './operations';
import { loadSnapshot, saveSnapshot } from './persistence';
import { MemoryStore } from './store';
import { runTransaction } from './transaction';
import type { EntityDefinition, KvsResponse, KvsUnits } from './types';
import { UnitMeter } from './units';

export interface LocalKvsOptions {
  entities: EntityDefinition[];
  /** File to persist to. Omit for a purely in-memory instance (tests). */
  persistPath?: string;
  /** Clock in epoch ms, for TTL tests. Defaults to Date.now. */
  now?: () => number;
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

export class LocalKvs {
  private readonly store: MemoryStore;
  private readonly entities: Map<string, EntityDefinition>;
  private readonly meter = new UnitMeter();
  private readonly persistPath?: string;

  constructor(options: LocalKvsOptions) {
    this.entities = compileEntityDefinitions(options.entities);
    this.store = new MemoryStore(options.now ?? Date.now);
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
    try {
      let parsed = body;
      if (typeof body === 'string') {
        try {
          parsed = JSON.parse(body);
        } catch {
          throw invalidBody('body is not valid JSON');
        }
      }
      const result = route({ store: this.store, entities: this.entities }, parsed);
      this.meter.addRead(result.readUnits);
      this.meter.addWrite(result.writeUnits);
      if (result.changed) this.persist();
      return { status: result.status, body: result.body };
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: e.toBody() };
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `Local KVS failure: ${(e as Error).message}` } };
    }
  }

  units(): KvsUnits {
    return this.meter.snapshot();
  }

  resetUnits(): void {
    this.meter.reset();
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
