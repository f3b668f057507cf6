/**
 * The strict local stand-in for Forge's Key-Value Store and Custom Entity
 * Store. `@forge/kvs` talks to it through `global.__forge_fetch__` (see
 * dev/forge-runtime.ts); it enforces Forge's documented limits and returns
 * Forge's error codes, so code that passes here doesn't meet new failure
 * modes in production.
 */
export { LocalKvs, type LocalKvsOptions } from './local-kvs';
export { loadEntityDefinitions } from './manifest';
export { KvsErrorCode, type KvsErrorCodeName } from './errors';
export { FORGE_KVS_RATE_LIMITS, type KvsRateLimits, type RateLimitUsage } from './rate-limiter';
export * as KvsLimits from './limits';
export type { AttributeType, EntityDefinition, EntityIndexDefinition, KvsResponse, KvsUnits } from './types';
