/**
 * `/api/v1/query`: listing plain KVS keys, optionally by key prefix.
 * Secrets and entities are never returned (Forge: "This method does not
 * return secret values"). Results come in ascending key order.
 */
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './limits';
import { MemoryStore, toRecord } from './store';
import { itemBytes, unitsFor } from './units';
import { assertOnlyKeys, parseMetadataFields, requireObject } from './validation';

export interface QueryResult {
  body: { data: Array<Record<string, unknown>>; cursor?: string };
  readUnits: number;
}

/** Parses `where`: at most one clause, on `key`, BEGINS_WITH one string. */
function parseWhere(where: unknown): string | undefined {
  if (where === undefined) return undefined;
  if (!Array.isArray(where)) throw invalidBody('where must be an array');
  if (where.length === 0) return undefined;
  if (where.length > 1) throw badRequest(KvsErrorCode.QUERY_WHERE_INVALID, 'KVS queries should contain only a single "where" clause');
  const clause = where[0] as { property?: unknown; condition?: unknown; values?: unknown };
  if (clause?.property !== 'key') {
    throw badRequest(KvsErrorCode.QUERY_WHERE_FIELD_INVALID, `The field ${JSON.stringify(clause?.property)} is not supported for filters`);
  }
  if (clause.condition !== 'BEGINS_WITH') {
    throw badRequest(KvsErrorCode.INVALID_FILTER_CONDITION, `The condition ${JSON.stringify(clause.condition)} is not supported for filters`);
  }
  if (!Array.isArray(clause.values) || clause.values.length !== 1 || typeof clause.values[0] !== 'string') {
    throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, 'BEGINS_WITH takes exactly one string value');
  }
  return clause.values[0];
}

/** Page size for key queries: default 10, 1..100. */
export function parseKeyQueryLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit)) throw invalidBody('limit must be an integer');
  if (limit > MAX_QUERY_LIMIT || limit < 1) {
    throw badRequest(KvsErrorCode.LIST_QUERY_LIMIT_EXCEEDED, `Limit for list query must be between 1 and ${MAX_QUERY_LIMIT}, got ${limit}`);
  }
  return limit;
}

export function runKeyQuery(store: MemoryStore, rawBody: unknown): QueryResult {
  const body = requireObject(rawBody, 'query');
  assertOnlyKeys(body, ['limit', 'after', 'where', 'options'], 'query');
  const limit = parseKeyQueryLimit(body.limit);
  const prefix = parseWhere(body.where);
  const options = body.options === undefined ? {} : requireObject(body.options, 'options');
  assertOnlyKeys(options, ['metadataFields'], 'options');
  const fields = parseMetadataFields(options.metadataFields);

  const fp = fingerprint(['kvs-query', prefix ?? null]);
  const after = body.after === undefined ? undefined : (decodeCursor(body.after, fp)[0] as string);

  const keys = store
    .entries('kvs')
    .filter(([key]) => (prefix === undefined || key.startsWith(prefix)) && (after === undefined || key > after))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const page = keys.slice(0, limit);
  const data = page.map(([key, item]) => toRecord(key, item, fields));
  const readUnits = Math.max(1, page.reduce((sum, [key, item]) => sum + unitsFor(itemBytes(key, item.value)), 0));
  const hasMore = keys.length > limit;
  return {
    body: { data, ...(hasMore ? { cursor: encodeCursor(fp, [page[page.length - 1]![0]]) } : {}) },
    readUnits,
  };
}
