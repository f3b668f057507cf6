/**
 * Errors the local KVS returns, shaped like Forge's: a non-2xx status and a
 * `{ code, message }` body. `@forge/kvs` turns exactly that shape into a
 * `ForgeKvsAPIError` with `.code`, so app code sees the same error objects it
 * would see in production.
 *
 * Where each code comes from (so nobody mistakes a guess for a fact):
 * - SDK source (`@forge/kvs` 1.6.x storage-api.js): KEY_NOT_FOUND (404) is
 *   what the SDK maps to `undefined` on get/delete.
 * - SDK tests shipped in the package: BAD_REQUEST ("Provided request body is
 *   invalid") for schema violations, VALIDATION_ERROR for per-item batch
 *   failures, KEY_NOT_FOUND in batch failedKeys.
 * - Forge docs "Error handling for the Key-Value Store" / "... Custom Entity
 *   Store": KEY_TOO_SHORT, EMPTY_KEY, KEY_TOO_LONG, INVALID_KEY, MAX_SIZE,
 *   MAX_DEPTH, INVALID_FILTER_CONDITION, INVALID_FILTER_VALUES,
 *   LIST_QUERY_LIMIT_EXCEEDED, QUERY_WHERE_INVALID, QUERY_WHERE_FIELD_INVALID,
 *   ENTITY_TYPE_TOO_SHORT, ENTITY_TYPE_TOO_LARGE, INVALID_ENTITY_TYPE,
 *   INVALID_ENTITY_VALUE, INVALID_ENTITY_INDEX,
 *   COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, EMPTY_FILTER_OPERATOR,
 *   INVALID_FILTER_OPERATORS_COMBINATION, INSUFFICIENT_FILTER_VALUES.
 * - Not in Atlassian's docs, so chosen here and flagged as such:
 *   KEY_CONFLICT (409, FAIL_IF_EXISTS on an existing key — as observed in a
 *   third-party write-up of real Forge behaviour) and CONDITIONAL_CHECK_FAILED
 *   (409, a transaction condition did not hold — Forge documents that the
 *   transaction fails but not the code). Undeclared entity -> INVALID_ENTITY_TYPE
 *   and undeclared index -> INVALID_ENTITY_INDEX reuse documented codes whose
 *   descriptions fit; limits without a documented code (more than 25
 *   operations or batch items, a key twice, bad cursor, bad partition) are
 *   BAD_REQUEST, which is what Forge returns for schema violations.
 * - RATE_LIMIT_EXCEEDED (429) is documented ("Error handling for the Custom
 *   Entity Store": any request over a quota or limit gets a 429 with that
 *   code); the message text is ours. See rate-limiter.ts.
 */
export const KvsErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  EMPTY_KEY: 'EMPTY_KEY',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  INVALID_FILTER_CONDITION: 'INVALID_FILTER_CONDITION',
  INVALID_FILTER_VALUES: 'INVALID_FILTER_VALUES',
  LIST_QUERY_LIMIT_EXCEEDED: 'LIST_QUERY_LIMIT_EXCEEDED',
  QUERY_WHERE_INVALID: 'QUERY_WHERE_INVALID',
  QUERY_WHERE_FIELD_INVALID: 'QUERY_WHERE_FIELD_INVALID',
  ENTITY_TYPE_TOO_SHORT: 'ENTITY_TYPE_TOO_SHORT',
  ENTITY_TYPE_TOO_LARGE: 'ENTITY_TYPE_TOO_LARGE',
  INVALID_ENTITY_TYPE: 'INVALID_ENTITY_TYPE',
  INVALID_ENTITY_VALUE: 'INVALID_ENTITY_VALUE',
  INVALID_ENTITY_INDEX: 'INVALID_ENTITY_INDEX',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  EMPTY_FILTER_OPERATOR: 'EMPTY_FILTER_OPERATOR',
  INVALID_FILTER_OPERATORS_COMBINATION: 'INVALID_FILTER_OPERATORS_COMBINATION',
  INSUFFICIENT_FILTER_VALUES: 'INSUFFICIENT_FILTER_VALUES',
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  KEY_CONFLICT: 'KEY_CONFLICT',
  CONDITIONAL_CHECK_FAILED: 'CONDITIONAL_CHECK_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
} as const;

export type KvsErrorCodeName = (typeof KvsErrorCode)[keyof typeof KvsErrorCode];

/** Thrown inside the service; `LocalKvs.handle` turns it into a response. */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCodeName,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toBody(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Shorthand for the common 400 case. */
export function badRequest(code: KvsErrorCodeName, message: string): KvsError {
  return new KvsError(400, code, message);
}

/** The generic schema-violation error, with the same message Forge uses. */
export function invalidBody(detail: string): KvsError {
  return new KvsError(400, KvsErrorCode.BAD_REQUEST, `Provided request body is invalid: ${detail}`);
}
