/**
 * Request validation shared by every operation: keys, values, metadata
 * field lists and set options. Each check throws the error Forge documents
 * for that violation, so app code can be tested against the real codes.
 */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import { KEY_PATTERN, MAX_KEY_LENGTH, MAX_OBJECT_DEPTH, MAX_VALUE_BYTES } from './limits';
import type { MetadataField } from './types';

/** Which store a key lives in; entity keys report empties differently. */
export type KeySpace = 'kvs' | 'entity';

/**
 * Forge's key rules. An empty key is KEY_TOO_SHORT for plain KVS and
 * EMPTY_KEY for entities — the two error tables differ, so we do too.
 */
export function validateKey(key: unknown, space: KeySpace): string {
  if (typeof key !== 'string') throw invalidBody('key must be a string');
  if (key.length === 0) {
    throw space === 'entity'
      ? badRequest(KvsErrorCode.EMPTY_KEY, 'Key cannot be empty')
      : badRequest(KvsErrorCode.KEY_TOO_SHORT, 'The provided key is too short');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest(KvsErrorCode.KEY_TOO_LONG, `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(KvsErrorCode.INVALID_KEY, `The provided key does not match the regex: ${KEY_PATTERN}`);
  }
  return key;
}

/** Nesting depth of a JSON value: scalars 0, each object/array level +1. */
export function jsonDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) {
    const d = jsonDepth(child);
    if (d > deepest) deepest = d;
  }
  return deepest + 1;
}

/** Size of a value as Forge persists it: its JSON text in UTF-8. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * A storable value: string, number, boolean, array or object (the REST
 * schema's `oneOf`; `null` is not in it), at most 240 KiB, at most 32 deep.
 */
export function validateValue(value: unknown): void {
  if (value === undefined) throw invalidBody('value is required');
  if (value === null) throw invalidBody('value must be a string, number, boolean, array or object (null is not storable)');
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalidBody('value must be a finite number');
  const bytes = jsonBytes(value);
  if (bytes > MAX_VALUE_BYTES) {
    throw badRequest(KvsErrorCode.MAX_SIZE, `The provided value (${bytes} bytes) has exceeded the maximum size limit of ${MAX_VALUE_BYTES} bytes`);
  }
  const depth = jsonDepth(value);
  if (depth > MAX_OBJECT_DEPTH) {
    throw badRequest(KvsErrorCode.MAX_DEPTH, `The provided value has exceeded the maximum object depth (${MAX_OBJECT_DEPTH}) limit`);
  }
}

const METADATA_FIELDS: readonly MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

/** `options.metadataFields` on get/query; unknown names are a 400. */
export function parseMetadataFields(raw: unknown, field = 'metadataFields'): MetadataField[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalidBody(`${field} must be an array`);
  for (const f of raw) {
    if (!METADATA_FIELDS.includes(f as MetadataField)) throw invalidBody(`unknown metadata field ${JSON.stringify(f)}`);
  }
  return raw as MetadataField[];
}

/** `{ options: { metadataFields } }` on get requests. */
export function parseGetOptions(raw: unknown): MetadataField[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalidBody('options must be an object');
  assertOnlyKeys(raw as Record<string, unknown>, ['metadataFields'], 'options');
  return parseMetadataFields((raw as Record<string, unknown>).metadataFields);
}

const TTL_UNITS_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

/** TTL in milliseconds from `{ value, unit }`. */
export function parseTtl(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object') throw invalidBody('ttl must be an object');
  const { value, unit } = raw as { value?: unknown; unit?: unknown };
  assertOnlyKeys(raw as Record<string, unknown>, ['value', 'unit'], 'ttl');
  if (typeof unit !== 'string' || !(unit in TTL_UNITS_MS)) {
    throw invalidBody(`ttl.unit must be one of ${Object.keys(TTL_UNITS_MS).join(', ')}`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidBody('ttl.value must be a positive integer');
  }
  return value * TTL_UNITS_MS[unit as keyof typeof TTL_UNITS_MS];
}

/** Parsed form of the SDK's SetOptions / ExtendedSetOptions. */
export interface SetOptions {
  ttlMs?: number;
  keyPolicy: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnMetadataFields: MetadataField[];
}

/**
 * Options for single set / setSecret / entity set. The SDK types allow
 * `returnValue` only together with `keyPolicy: 'OVERRIDE'`; anything else
 * (or an unknown option) is rejected rather than silently ignored.
 * `allowExtended: false` is for batch and transaction items, which only
 * accept `ttl`.
 */
export function parseSetOptions(raw: unknown, allowExtended: boolean): SetOptions {
  const parsed: SetOptions = { keyPolicy: 'OVERRIDE', returnMetadataFields: [] };
  if (raw === undefined) return parsed;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalidBody('options must be an object');
  const opts = raw as Record<string, unknown>;
  assertOnlyKeys(opts, allowExtended ? ['ttl', 'keyPolicy', 'returnValue', 'returnMetadataFields'] : ['ttl'], 'options');
  parsed.ttlMs = parseTtl(opts.ttl);
  if (opts.keyPolicy !== undefined) {
    if (opts.keyPolicy !== 'OVERRIDE' && opts.keyPolicy !== 'FAIL_IF_EXISTS') {
      throw invalidBody('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
    }
    parsed.keyPolicy = opts.keyPolicy;
  }
  if (opts.returnValue !== undefined) {
    if (opts.returnValue !== 'PREVIOUS' && opts.returnValue !== 'LATEST') throw invalidBody('returnValue must be PREVIOUS or LATEST');
    if (opts.keyPolicy !== 'OVERRIDE') throw invalidBody('returnValue requires keyPolicy OVERRIDE');
    parsed.returnValue = opts.returnValue;
  }
  if (opts.returnMetadataFields !== undefined) {
    if (parsed.returnValue === undefined) throw invalidBody('returnMetadataFields requires returnValue');
    parsed.returnMetadataFields = parseMetadataFields(opts.returnMetadataFields, 'returnMetadataFields');
  }
  return parsed;
}

/** Strictness helper: unknown properties are a schema violation. */
export function assertOnlyKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k) && obj[k] !== undefined) throw invalidBody(`unknown property "${k}" in ${where}`);
  }
}

/** Request bodies are JSON objects unless the operation takes an array. */
export function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidBody(`${what} body must be a JSON object`);
  return body as Record<string, unknown>;
}
