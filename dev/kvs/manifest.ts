/**
 * Reads `app.storage.entities` from manifest.yml, so the local service
 * knows exactly the entities and indexes a deployment would have.
 *
 * Forge accepts two index forms:
 *   - a bare attribute name: an index of that name, no partition, ranged
 *     (sorted) by that attribute;
 *   - `{ name, partition?: [attrs], range: [attr] }` (the manifest schema
 *     makes `range` a one-element list; a plain string is accepted too).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compileEntityDefinitions } from './entity-schema';
import type { AttributeType, EntityDefinition, EntityIndexDefinition } from './types';

interface RawEntity {
  name?: unknown;
  attributes?: Record<string, { type?: unknown }>;
  indexes?: unknown[];
}

function toIndex(entity: string, raw: unknown): EntityIndexDefinition {
  if (typeof raw === 'string') return { name: raw, partition: [], range: raw };
  if (raw && typeof raw === 'object') {
    const { name, partition, range } = raw as { name?: unknown; partition?: unknown; range?: unknown };
    if (typeof name !== 'string') throw new Error(`entity "${entity}": an index has no name`);
    const rangeList = typeof range === 'string' ? [range] : range;
    if (!Array.isArray(rangeList) || rangeList.length !== 1 || typeof rangeList[0] !== 'string') {
      throw new Error(`entity "${entity}": index "${name}" must have exactly one range attribute`);
    }
    if (partition !== undefined && (!Array.isArray(partition) || partition.some((p) => typeof p !== 'string'))) {
      throw new Error(`entity "${entity}": index "${name}" partition must be a list of attribute names`);
    }
    return { name, partition: (partition as string[] | undefined) ?? [], range: rangeList[0] };
  }
  throw new Error(`entity "${entity}": unsupported index declaration ${JSON.stringify(raw)}`);
}

/** Parses manifest.yml and returns its validated entity definitions. */
export function loadEntityDefinitions(manifestPath: string): EntityDefinition[] {
  const doc = parse(readFileSync(manifestPath, 'utf8')) as { app?: { storage?: { entities?: RawEntity[] } } } | null;
  const rawEntities = doc?.app?.storage?.entities ?? [];
  if (!Array.isArray(rawEntities)) throw new Error(`${manifestPath}: app.storage.entities must be a list`);
  const definitions = rawEntities.map((raw): EntityDefinition => {
    const name = String(raw.name);
    const attributes: EntityDefinition['attributes'] = {};
    for (const [attr, spec] of Object.entries(raw.attributes ?? {})) {
      attributes[attr] = { type: spec?.type as AttributeType };
    }
    return { name, attributes, indexes: (raw.indexes ?? []).map((i) => toIndex(name, i)) };
  });
  // Same checks the service applies at construction, so a bad manifest
  // fails here with the manifest's path in view.
  try {
    compileEntityDefinitions(definitions);
  } catch (e) {
    throw new Error(`${manifestPath}: ${(e as Error).message}`);
  }
  return definitions;
}

/**
 * The scopes manifest.yml declares (`permissions.scopes`). The local runtime grants exactly these, so a call
 * the manifest does not cover fails here as it would on a site.
 */
export function loadScopes(manifestPath: string): string[] {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { permissions?: { scopes?: unknown } };
  const scopes = manifest.permissions?.scopes ?? [];
  if (!Array.isArray(scopes) || scopes.some((x) => typeof x !== 'string')) throw new Error('manifest.yml: permissions.scopes must be a list of strings');
  return scopes as string[];
}
