/**
 * Forge's documented KVS / Custom Entity Store limits, in one place so the
 * service and its tests agree. Sources: developer.atlassian.com
 * "KVS and Custom Entity Store limits", "KVS Transactions", "Error handling
 * for the Key-Value Store / Custom Entity Store", "Defining Custom Entities",
 * and the @forge/manifest JSON schema for app.storage.entities.
 */

/** Maximum key length in characters. */
export const MAX_KEY_LENGTH = 500;

/**
 * Key format, verbatim from Forge's docs: not all-whitespace, and only
 * letters, digits, `:`, `.`, `_`, whitespace, `-` and `#`.
 * (In the docs' `[...\s-#]` the `-` is literal, not a range.)
 */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** A single persisted value may be at most 240 KiB (JSON, UTF-8). */
export const MAX_VALUE_BYTES = 240 * 1024;

/**
 * Maximum object nesting. The error table says "maximum object depth (32)"; the limits page says 31.
 * A strict host takes the lower of the two documented numbers, so nothing passes here that Forge might refuse.
 */
export const MAX_OBJECT_DEPTH = 31;

/** Page sizes for key queries and entity queries. */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 100;

/** Transactions: at most 25 operations, each key once, 4 MB payload. */
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_TRANSACTION_PAYLOAD_BYTES = 4 * 1024 * 1024;

/** Batch get/set/delete: at most 25 items per request. */
export const MAX_BATCH_ITEMS = 25;

/** Entity names: 3..60 characters, pattern from the manifest schema. */
export const MIN_ENTITY_NAME_LENGTH = 3;
export const MAX_ENTITY_NAME_LENGTH = 60;
export const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** Attribute names, from the manifest schema. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** `integer` attributes are 32-bit signed. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/**
 * Billing unit: Forge counts reads and writes in 10 KB steps, rounding up,
 * with anything up to 10 KB counting as one.
 */
export const UNIT_BYTES = 10 * 1024;

/**
 * Operation limits per installation ("KVS and Custom Entity Store limits", "Operation limits per
 * installation"): 1,000 requests per second, and 4,000 read and 4,000 write "10KB requests" per minute,
 * where a request's size is rounded up to the next 10 KB ("a request with a payload of 65KB ... counted
 * as 7 requests"). Over a limit the store answers 429 RATE_LIMIT_EXCEEDED ("Error handling for the
 * Custom Entity Store": "Any request that exceeds a quota or limit will return a 429 status with an
 * error code of RATE_LIMIT_EXCEEDED").
 *
 * Not documented, so chosen here (docs/decisions/0018): both windows are rolling (the last 1,000 ms
 * and the last 60,000 ms), which never admits more than the limit in any second or minute, unlike a
 * fixed window that admits up to twice the limit across a boundary.
 */
export const RATE_LIMIT_REQUESTS_PER_SECOND = 1_000;
export const RATE_LIMIT_READ_UNITS_PER_MINUTE = 4_000;
export const RATE_LIMIT_WRITE_UNITS_PER_MINUTE = 4_000;
export const RATE_LIMIT_SECOND_MS = 1_000;
export const RATE_LIMIT_MINUTE_MS = 60_000;
