/**
 * Single-key operations: get / set / delete on the plain KVS, on secrets
 * and on custom entities. These six SDK calls differ only in which store
 * they touch and in entity validation, so they share one implementation.
 */
import { validateEntityValue, requireEntity } from './entity-schema';
import { invalidBody, KvsError, KvsErrorCode } from './errors';
import { entityNamespace, MemoryStore, toRecord, type Namespace } from './store';
import type { EntityDefinition, KvsResponse } from './types';
import { itemBytes, unitsFor } from './units';
import {
  assertOnlyKeys,
  parseGetOptions,
  parseSetOptions,
  requireObject,
  validateKey,
  validateValue,
  type KeySpace,
} from './validation';

export type StoreKind = 'kvs' | 'secret' | 'entity';

/** The outcome of an operation plus what it cost and whether data changed. */
export interface OperationResult extends KvsResponse {
  readUnits: number;
  writeUnits: number;
  changed: boolean;
}

export interface OperationContext {
  store: MemoryStore;
  entities: Map<string, EntityDefinition>;
}

/** Resolves which namespace a request addresses and validates its key. */
export function resolveTarget(
  ctx: OperationContext,
  kind: StoreKind,
  body: Record<string, unknown>,
): { ns: Namespace; key: string; def?: EntityDefinition } {
  if (kind === 'entity') {
    const def = requireEntity(ctx.entities, body.entityName);
    return { ns: entityNamespace(def.name), key: validateKey(body.key, 'entity'), def };
  }
  if (body.entityName !== undefined) throw invalidBody('entityName is only valid on /entity/ paths');
  return { ns: kind, key: validateKey(body.key, 'kvs' satisfies KeySpace) };
}

/** Validates a value for its target (entities additionally by schema). */
export function validateValueFor(def: EntityDefinition | undefined, value: unknown): void {
  validateValue(value);
  if (def) validateEntityValue(def, value);
}

const requestKeys = (kind: StoreKind, extra: string[]) => (kind === 'entity' ? ['entityName', 'key', ...extra] : ['key', ...extra]);

export function runGet(ctx: OperationContext, kind: StoreKind, rawBody: unknown): OperationResult {
  const body = requireObject(rawBody, 'get');
  assertOnlyKeys(body, requestKeys(kind, ['options']), 'get');
  const { ns, key } = resolveTarget(ctx, kind, body);
  const fields = parseGetOptions(body.options);
  const item = ctx.store.get(ns, key);
  if (!item) {
    // A miss is still a read; Forge answers 404 KEY_NOT_FOUND, which the
    // SDK turns into `undefined`.
    return { status: 404, body: { code: KvsErrorCode.KEY_NOT_FOUND, message: 'Provided key does not exist' }, readUnits: 1, writeUnits: 0, changed: false };
  }
  return { status: 200, body: toRecord(key, item, fields), readUnits: unitsFor(itemBytes(key, item.value)), writeUnits: 0, changed: false };
}

export function runSet(ctx: OperationContext, kind: StoreKind, rawBody: unknown): OperationResult {
  const body = requireObject(rawBody, 'set');
  assertOnlyKeys(body, requestKeys(kind, ['value', 'options']), 'set');
  const { ns, key, def } = resolveTarget(ctx, kind, body);
  validateValueFor(def, body.value);
  const options = parseSetOptions(body.options, true);

  const previous = ctx.store.get(ns, key);
  if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
    throw new KvsError(409, KvsErrorCode.KEY_CONFLICT, `Key "${key}" already exists (keyPolicy FAIL_IF_EXISTS)`);
  }
  const previousRecord = previous ? toRecord(key, previous, options.returnMetadataFields) : undefined;
  const written = ctx.store.put(ns, key, body.value, options.ttlMs);
  const writeUnits = unitsFor(itemBytes(key, body.value));

  let status = 204;
  let responseBody: unknown = undefined;
  if (options.returnValue === 'LATEST') {
    status = 200;
    responseBody = toRecord(key, written, options.returnMetadataFields);
  } else if (options.returnValue === 'PREVIOUS' && previousRecord) {
    status = 200;
    responseBody = previousRecord;
  }
  return { status, body: responseBody, readUnits: 0, writeUnits, changed: true };
}

export function runDelete(ctx: OperationContext, kind: StoreKind, rawBody: unknown): OperationResult {
  const body = requireObject(rawBody, 'delete');
  assertOnlyKeys(body, requestKeys(kind, []), 'delete');
  const { ns, key } = resolveTarget(ctx, kind, body);
  // Deleting a missing key succeeds (the SDK would swallow a 404 anyway).
  const existed = ctx.store.delete(ns, key);
  return { status: 204, body: undefined, readUnits: 0, writeUnits: 1, changed: existed };
}
