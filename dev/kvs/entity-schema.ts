/**
 * Entity definitions: checking the declarations themselves (the same rules
 * `forge lint` / the manifest schema apply) and checking stored values
 * against them (what the Custom Entity Store does on every write).
 */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import {
  ATTRIBUTE_NAME_PATTERN,
  ENTITY_NAME_PATTERN,
  INT32_MAX,
  INT32_MIN,
  MAX_ENTITY_NAME_LENGTH,
  MIN_ENTITY_NAME_LENGTH,
} from './limits';
import type { AttributeType, EntityDefinition, EntityIndexDefinition } from './types';

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'integer', 'float', 'boolean', 'any'];

/**
 * Validates a set of entity definitions and returns a lookup by name.
 * Throws a plain Error (not a KvsError): a bad declaration is a
 * configuration bug the developer must fix, not a runtime API error.
 */
export function compileEntityDefinitions(definitions: EntityDefinition[]): Map<string, EntityDefinition> {
  const byName = new Map<string, EntityDefinition>();
  for (const def of definitions) {
    const where = `entity "${def.name}"`;
    if (typeof def.name !== 'string' || def.name.length < MIN_ENTITY_NAME_LENGTH || def.name.length > MAX_ENTITY_NAME_LENGTH) {
      throw new Error(`${where}: name must be ${MIN_ENTITY_NAME_LENGTH}-${MAX_ENTITY_NAME_LENGTH} characters`);
    }
    if (!ENTITY_NAME_PATTERN.test(def.name)) {
      throw new Error(`${where}: name must match ${ENTITY_NAME_PATTERN}`);
    }
    if (byName.has(def.name)) throw new Error(`${where}: declared twice`);
    if (!def.attributes || typeof def.attributes !== 'object') throw new Error(`${where}: attributes are required`);
    for (const [attr, spec] of Object.entries(def.attributes)) {
      if (!ATTRIBUTE_NAME_PATTERN.test(attr)) throw new Error(`${where}: attribute "${attr}" has an invalid name`);
      if (!spec || !ATTRIBUTE_TYPES.includes(spec.type)) {
        throw new Error(`${where}: attribute "${attr}" has unknown type ${JSON.stringify(spec?.type)}`);
      }
    }
    const indexNames = new Set<string>();
    for (const index of def.indexes ?? []) {
      if (!index.name) throw new Error(`${where}: an index has no name`);
      if (indexNames.has(index.name)) throw new Error(`${where}: index "${index.name}" declared twice`);
      indexNames.add(index.name);
      for (const attr of [...index.partition, index.range]) {
        if (!(attr in def.attributes)) {
          throw new Error(`${where}: index "${index.name}" uses undeclared attribute "${attr}"`);
        }
      }
    }
    byName.set(def.name, { name: def.name, attributes: { ...def.attributes }, indexes: [...(def.indexes ?? [])] });
  }
  return byName;
}

/**
 * Checks an entity name in a request: first the documented format errors,
 * then whether the manifest declares it (Forge only knows entities that were
 * deployed with the manifest).
 */
export function requireEntity(entities: Map<string, EntityDefinition>, entityName: unknown): EntityDefinition {
  if (typeof entityName !== 'string') throw invalidBody('entityName must be a string');
  if (entityName.length < MIN_ENTITY_NAME_LENGTH) {
    throw badRequest(KvsErrorCode.ENTITY_TYPE_TOO_SHORT, `Entity name "${entityName}" is shorter than ${MIN_ENTITY_NAME_LENGTH} characters`);
  }
  if (entityName.length > MAX_ENTITY_NAME_LENGTH) {
    throw badRequest(KvsErrorCode.ENTITY_TYPE_TOO_LARGE, `Entity name exceeds ${MAX_ENTITY_NAME_LENGTH} characters`);
  }
  if (!ENTITY_NAME_PATTERN.test(entityName)) {
    throw badRequest(KvsErrorCode.INVALID_ENTITY_TYPE, `Entity name "${entityName}" has an invalid format`);
  }
  const def = entities.get(entityName);
  if (!def) {
    throw badRequest(KvsErrorCode.INVALID_ENTITY_TYPE, `Entity "${entityName}" is not declared in manifest.yml (app.storage.entities)`);
  }
  return def;
}

/** Finds a declared index; querying anything else fails as Forge does. */
export function requireIndex(def: EntityDefinition, indexName: unknown): EntityIndexDefinition {
  if (typeof indexName !== 'string') throw invalidBody('indexName must be a string');
  const index = def.indexes.find((i) => i.name === indexName);
  if (!index) {
    throw badRequest(
      KvsErrorCode.INVALID_ENTITY_INDEX,
      `Index "${indexName}" is not declared for entity "${def.name}" (declared: ${def.indexes.map((i) => i.name).join(', ') || 'none'})`,
    );
  }
  return index;
}

/** True when `value` is acceptable for an attribute of `type`. */
export function matchesAttributeType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return value !== undefined;
  }
}

/**
 * Validates an entity value: it must be an object whose attributes are all
 * declared and of the declared type. Undeclared attributes are rejected —
 * the safe direction: if Forge accepted them, declaring them costs nothing;
 * if Forge rejects them, we catch it before production does.
 */
export function validateEntityValue(def: EntityDefinition, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(KvsErrorCode.INVALID_ENTITY_VALUE, `Value for entity "${def.name}" must be an object of attributes`);
  }
  for (const [attr, attrValue] of Object.entries(value as Record<string, unknown>)) {
    const spec = def.attributes[attr];
    if (!spec) {
      throw badRequest(KvsErrorCode.INVALID_ENTITY_VALUE, `Attribute "${attr}" is not declared for entity "${def.name}"`);
    }
    if (attrValue === null || !matchesAttributeType(spec.type, attrValue)) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_VALUE,
        `Attribute "${attr}" of entity "${def.name}" must be of type ${spec.type}, got ${JSON.stringify(attrValue)}`,
      );
    }
  }
}
