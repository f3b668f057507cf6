/**
 * `/api/v1/entity/query`: querying a custom entity through one of its
 * declared indexes.
 *
 * The model is the one Forge's index design implies (and that its
 * documentation describes): an index is partitioned by its `partition`
 * attributes (exact match, all of them required) and sorted by its `range`
 * attribute; items missing any of those attributes are not in the index.
 *
 * Order of work, deliberately strict: the range condition selects items
 * from the index, `limit` items are read from the cursor position, and only
 * then are `filters` applied to that page. A page can therefore hold fewer
 * than `limit` results — even none — while a cursor still follows; callers
 * must keep following the cursor instead of assuming a short page is the
 * last one.
 */
import {
  compareForSort,
  evaluateClause,
  evaluateGroup,
  parseFilterGroup,
  parseRangeClause,
  type Clause,
  type RangeCondition,
} from './conditions';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { requireEntity, requireIndex } from './entity-schema';
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './limits';
import { entityNamespace, MemoryStore, toRecord } from './store';
import type { AttributeType, EntityDefinition, StoredItem } from './types';
import { itemBytes, unitsFor } from './units';
import { assertOnlyKeys, parseMetadataFields, requireObject } from './validation';
import type { QueryResult } from './key-query';

/** Whether a condition value can be compared with an attribute of `type`. */
function valueFitsType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return ['string', 'number', 'boolean'].includes(typeof value);
  }
}

function parseLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw badRequest(
      KvsErrorCode.COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE,
      `The page limit must be set between 1 and ${MAX_QUERY_LIMIT}, got ${JSON.stringify(limit)}`,
    );
  }
  return limit;
}

function parsePartition(def: EntityDefinition, partitionAttrs: string[], raw: unknown): unknown[] {
  const values = raw === undefined ? [] : raw;
  if (!Array.isArray(values)) throw invalidBody('partition must be an array');
  if (values.length !== partitionAttrs.length) {
    throw invalidBody(
      partitionAttrs.length === 0
        ? 'this index has no partition; do not pass one'
        : `this index is partitioned by [${partitionAttrs.join(', ')}]; pass exactly ${partitionAttrs.length} partition value(s)`,
    );
  }
  values.forEach((v, i) => {
    const attr = partitionAttrs[i]!;
    if (!valueFitsType(def.attributes[attr]!.type, v)) {
      throw invalidBody(`partition value for "${attr}" must be of type ${def.attributes[attr]!.type}`);
    }
  });
  return values;
}

function parseRange(def: EntityDefinition, rangeAttr: string, raw: unknown): Clause<RangeCondition> | undefined {
  if (raw === undefined) return undefined;
  const clause = parseRangeClause(raw);
  const type = def.attributes[rangeAttr]!.type;
  if (clause.condition === 'BEGINS_WITH' && type !== 'string' && type !== 'any') {
    throw badRequest(KvsErrorCode.INVALID_FILTER_CONDITION, `BEGINS_WITH is not supported on ${type} attribute "${rangeAttr}"`);
  }
  for (const v of clause.values) {
    if (!valueFitsType(type, v)) {
      throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `Range values for "${rangeAttr}" must be of type ${type}`);
    }
  }
  return clause;
}

/** Compares two index positions [rangeValue, key] in ascending order. */
function comparePosition(a: [unknown, string], b: [unknown, string]): number {
  const byRange = compareForSort(a[0], b[0]);
  if (byRange !== 0) return byRange;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

export function runEntityQuery(store: MemoryStore, entities: Map<string, EntityDefinition>, rawBody: unknown): QueryResult {
  const body = requireObject(rawBody, 'entity query');
  assertOnlyKeys(
    body,
    ['entityName', 'indexName', 'partition', 'range', 'filters', 'sort', 'limit', 'cursor', 'options'],
    'entity query',
  );
  const def = requireEntity(entities, body.entityName);
  const index = requireIndex(def, body.indexName);
  const partition = parsePartition(def, index.partition, body.partition);
  const range = parseRange(def, index.range, body.range);
  const filters = parseFilterGroup(body.filters, def);
  const sort = body.sort ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw invalidBody('sort must be ASC or DESC');
  const limit = parseLimit(body.limit);
  const options = body.options === undefined ? {} : requireObject(body.options, 'options');
  assertOnlyKeys(options, ['metadataFields'], 'options');
  const fields = parseMetadataFields(options.metadataFields);

  // The whole query shape, conditions included: a cursor replayed against another range or filter is refused.
  const fp = fingerprint(['entity-query', def.name, index.name, partition, range ?? null, body.filters ?? null, sort]);
  const after = body.cursor === undefined ? undefined : (decodeCursor(body.cursor, fp) as [unknown, string]);

  // The index: items carrying every partition attribute with the requested
  // values and a range attribute, that satisfy the range condition.
  const direction = sort === 'ASC' ? 1 : -1;
  const indexed: Array<{ key: string; item: StoredItem; pos: [unknown, string] }> = [];
  for (const [key, item] of store.entries(entityNamespace(def.name))) {
    const value = item.value as Record<string, unknown>;
    const inPartition = index.partition.every((attr, i) => value[attr] !== undefined && compareForSort(value[attr], partition[i]) === 0);
    const rangeValue = value[index.range];
    if (!inPartition || rangeValue === undefined) continue;
    if (range && !evaluateClause(range, rangeValue)) continue;
    const pos: [unknown, string] = [rangeValue, key];
    if (after && direction * comparePosition(pos, after) <= 0) continue;
    indexed.push({ key, item, pos });
  }
  indexed.sort((a, b) => direction * comparePosition(a.pos, b.pos));

  const page = indexed.slice(0, limit);
  const matches = filters ? page.filter(({ item }) => evaluateGroup(filters, item.value as Record<string, unknown>)) : page;
  const data = matches.map(({ key, item }) => toRecord(key, item, fields));
  const readUnits = Math.max(1, matches.reduce((sum, { key, item }) => sum + unitsFor(itemBytes(key, item.value)), 0));
  const hasMore = indexed.length > limit;
  return {
    body: { data, ...(hasMore ? { cursor: encodeCursor(fp, page[page.length - 1]!.pos) } : {}) },
    readUnits,
  };
}
