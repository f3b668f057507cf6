/**
 * One atomic write: the records of an edit, its history entries and a new revision token, sent as a single
 * `kvs.transact()`. Forge's limits are checked here, before anything is sent, so an edit that cannot fit
 * fails with a typed LIMIT error that says what to do instead of an opaque storage error.
 */
import { randomUUID } from 'node:crypto';
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { fail } from '../shared/errors';
import { jsonBytes } from './codec';
import { KVS_LIMITS, REVISION_KEY } from './schema';
import { withKvsRetry } from './kvs-retry';

interface Versioned {
  version: number;
}

interface PendingSet {
  key: string;
  /** Undefined: delete the record. */
  value: unknown;
  entityName?: string;
  /**
   * A number: only written if the stored record still has this version (optimistic concurrency).
   * 'absent': only written if there is no such record yet (a claim only the first writer gets).
   */
  ifVersion?: number | 'absent';
}

/** A fresh revision token: time first, so tokens are readable in logs; random, so concurrent writers never collide. */
export function newRevision(): string {
  return `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

export class WriteSet {
  private readonly sets: PendingSet[] = [];

  constructor(private readonly what: string) {}

  setEntity(entityName: string, key: string, value: unknown, ifVersion?: number | 'absent'): this {
    const bytes = jsonBytes(value);
    if (bytes > KVS_LIMITS.valueBytes) {
      fail('LIMIT', `${this.what}: the ${entityName} record would be ${Math.ceil(bytes / 1024)} KiB; Forge stores at most 240 KiB per record`);
    }
    this.sets.push({ key, value, entityName, ifVersion });
    return this;
  }

  /** A plain key (no entity, no index): the import records (imports.ts), read back by key prefix. */
  setKey(key: string, value: unknown): this {
    if (jsonBytes(value) > KVS_LIMITS.valueBytes) fail('LIMIT', `${this.what}: the record ${key} would be over 240 KiB`);
    this.sets.push({ key, value });
    return this;
  }

  /** Deletes a plain key (an undone import part, imports.ts). */
  deleteKey(key: string): this {
    this.sets.push({ key, value: undefined });
    return this;
  }

  deleteEntity(entityName: string, key: string): this {
    this.sets.push({ key, value: undefined, entityName });
    return this;
  }

  get size(): number {
    return this.sets.length;
  }

  /** Commits every set together with a new revision; returns that revision. */
  async commit(): Promise<string> {
    const revision = newRevision();
    const operations = this.sets.length + 1;
    if (operations > KVS_LIMITS.transactionOperations) {
      fail('LIMIT', `${this.what}: needs ${operations} storage operations; one change can write at most ${KVS_LIMITS.transactionOperations}`);
    }
    const bytes = this.sets.reduce((sum, s) => sum + (s.value === undefined ? 0 : jsonBytes(s.value)), 0);
    if (bytes > KVS_LIMITS.transactionBytes) {
      fail('LIMIT', `${this.what}: writes ${Math.ceil(bytes / 1024)} KiB at once; one change can write at most 4 MiB`);
    }
    const tx = kvs.transact();
    for (const s of this.sets) {
      if (s.value === undefined) {
        tx.delete(s.key, s.entityName ? { entityName: s.entityName } : undefined);
      } else if (!s.entityName) {
        tx.set(s.key, s.value);
      } else if (s.ifVersion === undefined) {
        tx.set(s.key, s.value, { entityName: s.entityName });
      } else {
        tx.set<Versioned>(s.key, s.value as Versioned, {
          entityName: s.entityName,
          conditions: new Filter<Versioned>().and(
            'version',
            s.ifVersion === 'absent' ? FilterConditions.notExists() : FilterConditions.equalTo(s.ifVersion),
          ),
        });
      }
    }
    tx.set(REVISION_KEY, revision);
    await withKvsRetry(this.what, () => tx.execute());
    return revision;
  }
}

/**
 * Whether a failed transaction was refused because a version condition no longer held (someone else wrote
 * first). Forge answers a failed condition with 409; the code name is not documented, so the status decides.
 */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails?.status === 409 || /CONDITION/i.test(error.code));
}
