/**
 * Conditions: parsing and evaluating the `{ condition, values }` clauses the
 * SDK builds with `WhereConditions` / `FilterConditions`, used by entity
 * query ranges, entity query filters and transaction conditions.
 *
 * Semantics follow the key-value-store model Forge's entity store is built
 * on: comparisons only match values of the same type, a missing attribute
 * only satisfies NOT_EXISTS, BETWEEN is inclusive, strings compare by code
 * unit, booleans false < true.
 */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { EntityDefinition } from './types';

export type RangeCondition =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

export type FilterCondition = RangeCondition | 'CONTAINS' | 'NOT_CONTAINS' | 'NOT_EQUAL_TO' | 'EXISTS' | 'NOT_EXISTS';

const RANGE_CONDITIONS: readonly RangeCondition[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
const FILTER_CONDITIONS: readonly FilterCondition[] = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
];

export interface Clause<C extends string = FilterCondition> {
  condition: C;
  values: unknown[];
}

export interface FilterClause extends Clause {
  property: string;
}

/** A parsed `{ and: [...] }` / `{ or: [...] }` group. */
export interface FilterGroup {
  operator: 'and' | 'or';
  clauses: FilterClause[];
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The number of values each condition takes, and the error for a wrong count. */
function checkValueCount(condition: FilterCondition, values: unknown[]): void {
  if (condition === 'BETWEEN') {
    if (values.length < 2) {
      throw badRequest(KvsErrorCode.INSUFFICIENT_FILTER_VALUES, 'The BETWEEN condition needs at least two values');
    }
    if (values.length > 2) throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, 'The BETWEEN condition takes exactly two values');
  } else if (values.length !== 1) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `The ${condition} condition takes exactly one value`);
  }
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') {
    if (values[0] !== true) throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `The ${condition} condition takes the value true`);
    return;
  }
  for (const v of values) {
    if (!isScalar(v)) throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `Condition values must be strings, numbers or booleans`);
  }
  if ((condition === 'BEGINS_WITH' || condition === 'CONTAINS' || condition === 'NOT_CONTAINS') && typeof values[0] !== 'string') {
    throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `The ${condition} condition takes a string`);
  }
}

/** Parses a range clause (`where(...)` on an entity query). */
export function parseRangeClause(raw: unknown): Clause<RangeCondition> {
  if (raw === null || typeof raw !== 'object') throw invalidBody('range must be an object');
  const { condition, values } = raw as { condition?: unknown; values?: unknown };
  if (!RANGE_CONDITIONS.includes(condition as RangeCondition)) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_CONDITION, `Condition ${JSON.stringify(condition)} is not supported for a range`);
  }
  if (!Array.isArray(values)) throw invalidBody('range.values must be an array');
  checkValueCount(condition as RangeCondition, values);
  return { condition: condition as RangeCondition, values };
}

function parseFilterClause(raw: unknown, def: EntityDefinition): FilterClause {
  if (raw === null || typeof raw !== 'object') throw invalidBody('a filter must be an object');
  const { property, condition, values } = raw as { property?: unknown; condition?: unknown; values?: unknown };
  if (typeof property !== 'string') throw invalidBody('filter.property must be a string');
  if (!(property in def.attributes)) {
    throw invalidBody(`filter on attribute "${property}" which entity "${def.name}" does not declare`);
  }
  if (!FILTER_CONDITIONS.includes(condition as FilterCondition)) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_CONDITION, `Condition ${JSON.stringify(condition)} is not supported for filters`);
  }
  if (!Array.isArray(values)) throw invalidBody('filter.values must be an array');
  checkValueCount(condition as FilterCondition, values);
  return { property, condition: condition as FilterCondition, values };
}

/**
 * Parses `{ and: [...] }` or `{ or: [...] }` — the shape used by both query
 * filters and transaction conditions. Both operators at once, or an empty
 * list, are the documented errors.
 */
export function parseFilterGroup(raw: unknown, def: EntityDefinition): FilterGroup | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalidBody('filters must be an object');
  const obj = raw as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  for (const k of keys) if (k !== 'and' && k !== 'or') throw invalidBody(`unknown filter operator "${k}"`);
  if (keys.length === 2) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_OPERATORS_COMBINATION, 'Filter operators "and" and "or" cannot be present at the same level');
  }
  if (keys.length === 0) throw badRequest(KvsErrorCode.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty');
  const operator = keys[0] as 'and' | 'or';
  const list = obj[operator];
  if (!Array.isArray(list)) throw invalidBody(`filters.${operator} must be an array`);
  if (list.length === 0) throw badRequest(KvsErrorCode.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty');
  return { operator, clauses: list.map((c) => parseFilterClause(c, def)) };
}

/** Orders values of the same type; undefined when types differ. */
export function compareSameType(a: unknown, b: unknown): number | undefined {
  if (typeof a !== typeof b || !isScalar(a)) return undefined;
  if (a === b) return 0;
  return (a as Scalar) < (b as Scalar) ? -1 : 1;
}

const TYPE_RANK: Record<string, number> = { boolean: 0, number: 1, string: 2 };

/**
 * Total order for index sorting. Typed attributes always hold one type;
 * for `any` attributes mixed types sort by type first.
 */
export function compareForSort(a: unknown, b: unknown): number {
  const same = compareSameType(a, b);
  if (same !== undefined) return same;
  const ra = TYPE_RANK[typeof a] ?? 3;
  const rb = TYPE_RANK[typeof b] ?? 3;
  if (ra !== rb) return ra - rb;
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** Evaluates one clause against an attribute value (undefined = missing). */
export function evaluateClause(clause: Clause, actual: unknown): boolean {
  const [v0, v1] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return compareSameType(actual, v0) === 0;
    case 'NOT_EQUAL_TO':
      return actual !== undefined && compareSameType(actual, v0) !== 0;
    case 'GREATER_THAN':
      return (compareSameType(actual, v0) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO': {
      const c = compareSameType(actual, v0);
      return c !== undefined && c >= 0;
    }
    case 'LESS_THAN':
      return (compareSameType(actual, v0) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO': {
      const c = compareSameType(actual, v0);
      return c !== undefined && c <= 0;
    }
    case 'BETWEEN': {
      const lo = compareSameType(actual, v0);
      const hi = compareSameType(actual, v1);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(v0 as string);
    case 'CONTAINS':
      return containsValue(actual, v0);
    case 'NOT_CONTAINS':
      return actual !== undefined && !containsValue(actual, v0);
  }
}

/** CONTAINS: substring of a string, or element of a list. */
function containsValue(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((el) => compareSameType(el, needle) === 0);
  return false;
}

/** Evaluates a whole and/or group against an entity value (undefined = no item). */
export function evaluateGroup(group: FilterGroup, entity: Record<string, unknown> | undefined): boolean {
  const test = (c: FilterClause) => evaluateClause(c, entity?.[c.property]);
  return group.operator === 'and' ? group.clauses.every(test) : group.clauses.some(test);
}
