/**
 * `/api/v1/transaction`: up to 25 set/delete/check operations that commit
 * together or not at all (Forge "KVS Transactions" / "Custom Entity Store
 * Transactions").
 *
 * Everything is validated and every condition evaluated against the state
 * before the transaction; only if all of that passes is anything written.
 * A failed condition therefore writes nothing and answers 409.
 */
import { parseFilterGroup, evaluateGroup, type FilterGroup } from './conditions';
import { invalidBody, KvsError, KvsErrorCode } from './errors';
import { MAX_TRANSACTION_OPERATIONS, MAX_TRANSACTION_PAYLOAD_BYTES } from './limits';
import { resolveTarget, validateValueFor, type OperationContext, type OperationResult } from './operations';
import type { Namespace } from './store';
import type { EntityDefinition } from './types';
import { itemBytes, unitsFor } from './units';
import { assertOnlyKeys, parseSetOptions, requireObject } from './validation';

interface PlannedOp {
  op: 'set' | 'delete' | 'check';
  ns: Namespace;
  key: string;
  value?: unknown;
  ttlMs?: number;
  conditions?: FilterGroup;
}

const ALLOWED_KEYS = {
  set: ['key', 'value', 'entityName', 'conditions', 'options'],
  delete: ['key', 'entityName', 'conditions'],
  check: ['key', 'entityName', 'conditions'],
} as const;

function planOperation(ctx: OperationContext, op: PlannedOp['op'], raw: unknown): PlannedOp {
  const item = requireObject(raw, `transaction ${op}`);
  assertOnlyKeys(item, ALLOWED_KEYS[op], `transaction ${op}`);
  const isEntity = item.entityName !== undefined;
  if (!isEntity && (op === 'check' || item.conditions !== undefined)) {
    throw invalidBody(`transaction ${op} with conditions needs an entityName (conditions apply to custom entities)`);
  }
  const target = resolveTarget(ctx, isEntity ? 'entity' : 'kvs', item);
  const def = target.def as EntityDefinition | undefined;
  const planned: PlannedOp = { op, ns: target.ns, key: target.key };
  if (op === 'check' && item.conditions === undefined) throw invalidBody('transaction check needs conditions');
  if (def && item.conditions !== undefined) planned.conditions = parseFilterGroup(item.conditions, def);
  if (op === 'set') {
    validateValueFor(def, item.value);
    planned.value = item.value;
    planned.ttlMs = parseSetOptions(item.options, false).ttlMs;
  }
  return planned;
}

export function runTransaction(ctx: OperationContext, rawBody: unknown): OperationResult {
  const body = requireObject(rawBody, 'transaction');
  assertOnlyKeys(body, ['set', 'delete', 'check'], 'transaction');
  const payloadBytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (payloadBytes > MAX_TRANSACTION_PAYLOAD_BYTES) {
    throw new KvsError(400, KvsErrorCode.MAX_SIZE, `Transaction payload of ${payloadBytes} bytes exceeds ${MAX_TRANSACTION_PAYLOAD_BYTES} bytes`);
  }

  const raw: Array<[PlannedOp['op'], unknown]> = [];
  for (const op of ['set', 'delete', 'check'] as const) {
    const list = body[op];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw invalidBody(`transaction.${op} must be an array`);
    for (const item of list) raw.push([op, item]);
  }
  if (raw.length === 0) throw invalidBody('a transaction needs at least one operation');
  if (raw.length > MAX_TRANSACTION_OPERATIONS) {
    throw invalidBody(`a transaction can contain at most ${MAX_TRANSACTION_OPERATIONS} operations, got ${raw.length}`);
  }

  const planned = raw.map(([op, item]) => planOperation(ctx, op, item));

  // "Each key can only be used once in a transaction." A key is identified
  // by its store (plain KVS or a given entity) plus the key itself.
  const seen = new Set<string>();
  for (const p of planned) {
    const id = `${p.ns}\u0000${p.key}`;
    if (seen.has(id)) throw invalidBody(`key "${p.key}" is used more than once in the transaction`);
    seen.add(id);
  }

  // Evaluate every condition against the pre-transaction state.
  const failed = planned.filter((p) => p.conditions && !evaluateGroup(p.conditions, ctx.store.get(p.ns, p.key)?.value as Record<string, unknown> | undefined));
  if (failed.length > 0) {
    throw new KvsError(
      409,
      KvsErrorCode.CONDITIONAL_CHECK_FAILED,
      `Transaction cancelled: conditions not met for ${failed.map((p) => `${p.op} "${p.key}"`).join(', ')}`,
    );
  }

  let readUnits = 0;
  let writeUnits = 0;
  for (const p of planned) {
    if (p.op === 'set') {
      ctx.store.put(p.ns, p.key, p.value, p.ttlMs);
      writeUnits += unitsFor(itemBytes(p.key, p.value));
    } else if (p.op === 'delete') {
      ctx.store.delete(p.ns, p.key);
      writeUnits += 1;
    } else {
      const current = ctx.store.get(p.ns, p.key);
      readUnits += current ? unitsFor(itemBytes(p.key, current.value)) : 1;
    }
  }
  const changed = planned.some((p) => p.op !== 'check');
  return { status: 204, body: undefined, readUnits, writeUnits: changed ? Math.max(1, writeUnits) : 0, changed };
}
