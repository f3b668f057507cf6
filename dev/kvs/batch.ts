/**
 * `/api/v1/batch/set|get|delete`: up to 25 independent items, each of which
 * may be a plain KVS key or a custom entity key. Unlike transactions, items
 * succeed or fail on their own: per-item problems are reported in
 * `failedKeys` (VALIDATION_ERROR for a bad item, KEY_NOT_FOUND for a
 * missing one, as in the SDK's fixtures), while a malformed request as a
 * whole (not an array, more than 25 items, the same key twice) is a 400.
 */
import { invalidBody, KvsError, KvsErrorCode } from './errors';
import { MAX_BATCH_ITEMS } from './limits';
import { resolveTarget, validateValueFor, type OperationContext, type OperationResult } from './operations';
import { toRecord } from './store';
import { itemBytes, unitsFor } from './units';
import { assertOnlyKeys, parseGetOptions, parseSetOptions } from './validation';

type BatchKind = 'set' | 'get' | 'delete';

interface ItemRef {
  key: string;
  entityName?: string;
}

function refOf(item: Record<string, unknown>): ItemRef {
  return {
    key: item.key as string,
    ...(typeof item.entityName === 'string' ? { entityName: item.entityName } : {}),
  };
}

/** Request-level checks shared by the three batch operations. */
function parseItems(rawBody: unknown, kind: BatchKind): Array<Record<string, unknown>> {
  if (!Array.isArray(rawBody)) throw invalidBody(`batch ${kind} body must be an array of items`);
  if (rawBody.length === 0) throw invalidBody(`batch ${kind} needs at least one item`);
  if (rawBody.length > MAX_BATCH_ITEMS) {
    throw invalidBody(`batch ${kind} accepts at most ${MAX_BATCH_ITEMS} items, got ${rawBody.length}`);
  }
  const seen = new Set<string>();
  const allowed = kind === 'set' ? ['key', 'entityName', 'value', 'options'] : kind === 'get' ? ['key', 'entityName', 'options'] : ['key', 'entityName'];
  for (const item of rawBody) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalidBody('batch items must be objects');
    assertOnlyKeys(item as Record<string, unknown>, allowed, `batch ${kind} item`);
    const id = JSON.stringify([(item as ItemRef).entityName ?? null, (item as ItemRef).key]);
    if (seen.has(id)) throw invalidBody(`batch ${kind} contains the same key twice: ${id}`);
    seen.add(id);
  }
  return rawBody as Array<Record<string, unknown>>;
}

/** Per-item validation failure in the `failedKeys` shape. */
function itemError(ref: ItemRef, e: unknown) {
  if (!(e instanceof KvsError)) throw e;
  return { ...ref, error: { code: KvsErrorCode.VALIDATION_ERROR, message: `${e.code}: ${e.message}` } };
}

export function runBatch(ctx: OperationContext, kind: BatchKind, rawBody: unknown): OperationResult {
  const items = parseItems(rawBody, kind);
  if (kind === 'get') {
    // Metadata options are schema-checked for the whole request (the SDK's
    // own fixture answers a bad metadata field with a request-level 400).
    for (const item of items) parseGetOptions(item.options);
  }

  const successfulKeys: Array<Record<string, unknown>> = [];
  const failedKeys: Array<Record<string, unknown>> = [];
  let readUnits = 0;
  let writeUnits = 0;
  let changed = false;

  for (const item of items) {
    const ref = refOf(item);
    let target: ReturnType<typeof resolveTarget>;
    try {
      target = resolveTarget(ctx, item.entityName === undefined ? 'kvs' : 'entity', item);
      if (kind === 'set') {
        validateValueFor(target.def, item.value);
        parseSetOptions(item.options, false);
      }
    } catch (e) {
      failedKeys.push(itemError(ref, e));
      continue;
    }

    if (kind === 'set') {
      const { ttlMs } = parseSetOptions(item.options, false);
      ctx.store.put(target.ns, target.key, item.value, ttlMs);
      writeUnits += unitsFor(itemBytes(target.key, item.value));
      changed = true;
      successfulKeys.push({ ...ref });
    } else if (kind === 'get') {
      const stored = ctx.store.get(target.ns, target.key);
      if (!stored) {
        readUnits += 1;
        failedKeys.push({ ...ref, error: { code: KvsErrorCode.KEY_NOT_FOUND, message: 'Key does not exist' } });
        continue;
      }
      readUnits += unitsFor(itemBytes(target.key, stored.value));
      const fields = parseGetOptions(item.options);
      successfulKeys.push({ ...ref, ...toRecord(target.key, stored, fields) });
    } else {
      if (!ctx.store.delete(target.ns, target.key)) {
        failedKeys.push({ ...ref, error: { code: KvsErrorCode.KEY_NOT_FOUND, message: 'Key does not exist' } });
        continue;
      }
      writeUnits += 1;
      changed = true;
      successfulKeys.push({ ...ref });
    }
  }

  // Minimum one unit per request, of the kind the request is.
  if (kind === 'get') readUnits = Math.max(1, readUnits);
  else writeUnits = Math.max(1, writeUnits);
  return { status: 200, body: { successfulKeys, failedKeys }, readUnits, writeUnits, changed };
}
