/**
 * Public types of the local KVS. Kept in their own module so the service
 * modules can share them without importing `index.ts` (which would create
 * import cycles).
 */

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/**
 * An index as Forge understands it: exact-match partition attributes (may be
 * empty) plus one range attribute that results are sorted by.
 */
export interface EntityIndexDefinition {
  name: string;
  partition: string[];
  range: string;
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: EntityIndexDefinition[];
}

/** Billing counters, as Forge meters them (see units.ts for the rules). */
export interface KvsUnits {
  readUnits: number;
  writeUnits: number;
  requests: number;
  /**
   * Read units as the rate limit counts them: ceil(bytes / 10 KB) per request (a query page or a batch is
   * one request), the figure the quality targets use. readUnits above counts per item.
   */
  readRequestUnits: number;
}

/** What `LocalKvs.handle` returns: an HTTP status and a JSON body (or none). */
export interface KvsResponse {
  status: number;
  body: unknown;
}

/** The metadata fields the SDK can ask for. */
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

/** One stored record. Timestamps are epoch milliseconds internally. */
export interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the item no longer exists (TTL). */
  expiresAt?: number;
}
