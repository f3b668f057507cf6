/**
 * The in-memory data: one map per namespace (plain KVS, secrets, and one
 * per custom entity), so that keys in different stores never collide, as
 * in Forge where each of those is its own store.
 *
 * TTL expiry is lazy: an expired item is invisible to every read and is
 * dropped when next touched or when the store is snapshotted.
 */
import type { MetadataField, StoredItem } from './types';

export type Namespace = 'kvs' | 'secret' | `entity:${string}`;

export const entityNamespace = (entityName: string): Namespace => `entity:${entityName}`;

/** The persisted shape: `{ version, spaces: { [namespace]: { [key]: item } } }`. */
export interface StoreSnapshot {
  version: 1;
  spaces: Record<string, Record<string, StoredItem>>;
}

export class MemoryStore {
  private readonly spaces = new Map<Namespace, Map<string, StoredItem>>();

  constructor(private readonly now: () => number) {}

  private space(ns: Namespace): Map<string, StoredItem> {
    let s = this.spaces.get(ns);
    if (!s) {
      s = new Map();
      this.spaces.set(ns, s);
    }
    return s;
  }

  private isLive(item: StoredItem): boolean {
    return item.expiresAt === undefined || item.expiresAt > this.now();
  }

  /** The live item, or undefined (missing or expired). */
  get(ns: Namespace, key: string): StoredItem | undefined {
    const s = this.spaces.get(ns);
    const item = s?.get(key);
    if (!item) return undefined;
    if (!this.isLive(item)) {
      s!.delete(key);
      return undefined;
    }
    return item;
  }

  /**
   * Writes a value. `createdAt` survives overwrites of a live item (it is
   * the creation time of the key), `updatedAt` is always now. Values are
   * deep-copied so callers can't mutate stored state behind our back.
   */
  put(ns: Namespace, key: string, value: unknown, ttlMs: number | undefined): StoredItem {
    const now = this.now();
    const previous = this.get(ns, key);
    const item: StoredItem = {
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttlMs !== undefined ? { expiresAt: now + ttlMs } : {}),
    };
    this.space(ns).set(key, item);
    return item;
  }

  /** Removes a key; returns whether a live item was there. */
  delete(ns: Namespace, key: string): boolean {
    const existed = this.get(ns, key) !== undefined;
    this.spaces.get(ns)?.delete(key);
    return existed;
  }

  /** All live items of a namespace, in no particular order. */
  entries(ns: Namespace): Array<[string, StoredItem]> {
    const s = this.spaces.get(ns);
    if (!s) return [];
    const out: Array<[string, StoredItem]> = [];
    for (const [key, item] of s) {
      if (this.isLive(item)) out.push([key, item]);
      else s.delete(key);
    }
    return out;
  }

  clear(): void {
    this.spaces.clear();
  }

  snapshot(): StoreSnapshot {
    const spaces: StoreSnapshot['spaces'] = {};
    for (const ns of this.spaces.keys()) {
      const live = this.entries(ns);
      if (live.length > 0) spaces[ns] = Object.fromEntries(live);
    }
    return { version: 1, spaces };
  }

  restore(snapshot: StoreSnapshot): void {
    this.spaces.clear();
    for (const [ns, items] of Object.entries(snapshot.spaces)) {
      this.spaces.set(ns as Namespace, new Map(Object.entries(items)));
    }
  }
}

/**
 * The record shape Forge returns: `{ key, value }` plus the metadata
 * fields that were asked for. `createdAt`/`updatedAt` are epoch seconds
 * (the unit used in the SDK's own fixtures); `expireTime` is ISO-8601 and
 * only present for items with a TTL.
 */
export function toRecord(key: string, item: StoredItem, fields: readonly MetadataField[]): Record<string, unknown> {
  const record: Record<string, unknown> = { key, value: structuredClone(item.value) };
  if (fields.includes('CREATED_AT')) record.createdAt = Math.floor(item.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) record.updatedAt = Math.floor(item.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && item.expiresAt !== undefined) record.expireTime = new Date(item.expiresAt).toISOString();
  return record;
}
