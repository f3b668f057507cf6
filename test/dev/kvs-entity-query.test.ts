/**
 * Custom Entity Store queries through the real SDK: indexes with and
 * without partitions, range conditions, filters, sorting, pagination, and
 * the errors for undeclared indexes and bad query parameters.
 */
import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { expectKvsError, freshKvs, pad, type Fixture } from './support/kvs-fixture';

interface Rollout {
  region?: string;
  service?: string;
  phase?: number;
  progress?: number;
  live?: boolean;
  notes?: unknown;
}

const rollout = () => kvs.entity<Rollout>('rollout');
let fx: Fixture;

beforeEach(() => {
  fx = freshKvs();
});

/** Follows cursors to the end and returns every page. */
async function allPages(run: (cursor?: string) => Promise<{ results: Array<{ key: string; value: Rollout }>; nextCursor?: string }>) {
  const pages: Array<Array<{ key: string; value: Rollout }>> = [];
  let cursor: string | undefined;
  do {
    const page = await run(cursor);
    pages.push(page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('pagination over a partitioned index', () => {
  beforeEach(async () => {
    // 250 rows in 'north' with distinct phases, written in scrambled order;
    // 30 rows in 'south' that must never appear in a 'north' query.
    for (let n = 0; n < 250; n++) {
      const i = (n * 113) % 250;
      await rollout().set(`north-${pad(i)}`, { region: 'north', phase: i, service: `svc-${i % 7}` });
    }
    for (let i = 0; i < 30; i++) await rollout().set(`south-${pad(i)}`, { region: 'south', phase: i });
  });

  const northPage = (sort: Sort) => (cursor?: string) => {
    let q = rollout().query().index('by-region-phase', { partition: ['north'] }).sort(sort).limit(100);
    if (cursor) q = q.cursor(cursor);
    return q.getMany();
  };

  it('returns all 250 items in range order across pages of 100, no duplicates, no misses', async () => {
    const pages = await allPages(northPage(Sort.ASC));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const keys = pages.flat().map((r) => r.key);
    expect(keys).toEqual(Array.from({ length: 250 }, (_, i) => `north-${pad(i)}`));
  });

  it('sorts DESC when asked', async () => {
    const keys = (await allPages(northPage(Sort.DESC))).flat().map((r) => r.key);
    expect(keys).toEqual(Array.from({ length: 250 }, (_, i) => `north-${pad(249 - i)}`));
  });

  it('does not skip or repeat items written between pages', async () => {
    const first = await northPage(Sort.ASC)();
    // A write behind the cursor position and one ahead of it.
    await rollout().set('north-late-low', { region: 'north', phase: 5 });
    await rollout().set('north-late-high', { region: 'north', phase: 10_000 });
    const tail: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await northPage(Sort.ASC)(cursor);
      tail.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    }
    const keys = [...first.results.map((r) => r.key), ...tail];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('north-late-high');
    expect(keys).not.toContain('north-late-low');
    expect(keys).toHaveLength(251);
  });

  it('applies range conditions on the range attribute', async () => {
    const between = await rollout().query().index('by-region-phase', { partition: ['north'] }).where(WhereConditions.between(10, 14)).getMany();
    expect(between.results.map((r) => r.value.phase)).toEqual([10, 11, 12, 13, 14]);
    const gt = await rollout().query().index('by-region-phase', { partition: ['north'] }).where(WhereConditions.greaterThan(246)).getMany();
    expect(gt.results.map((r) => r.value.phase)).toEqual([247, 248, 249]);
    const lte = await rollout().query().index('by-region-phase', { partition: ['south'] }).where(WhereConditions.lessThanEqualTo(1)).getMany();
    expect(lte.results.map((r) => r.key)).toEqual(['south-0000', 'south-0001']);
    const eq = await rollout().query().index('by-region-phase', { partition: ['south'] }).where(WhereConditions.equalTo(7)).getOne();
    expect(eq?.key).toBe('south-0007');
  });

  it('uses the default page size of 10', async () => {
    const page = await rollout().query().index('by-region-phase', { partition: ['north'] }).getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toBeDefined();
  });
});

describe('indexes without a partition', () => {
  beforeEach(async () => {
    await rollout().set('a', { service: 'lab-results', phase: 1 });
    await rollout().set('b', { service: 'labels', phase: 2 });
    await rollout().set('c', { service: 'prescriptions', phase: 3 });
    await rollout().set('d', { phase: 4 }); // no service: not in the 'service' index
  });

  it('orders by the range attribute and leaves out items that lack it', async () => {
    const { results } = await rollout().query().index('service').getMany();
    expect(results.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });

  it('supports BEGINS_WITH on a string range', async () => {
    const { results } = await rollout().query().index('service').where(WhereConditions.beginsWith('lab')).getMany();
    expect(results.map((r) => r.value.service)).toEqual(['lab-results', 'labels']);
  });

  it('rejects a partition on an index that has none', async () => {
    await expectKvsError(rollout().query().index('service', { partition: ['x'] }).getMany(), 'BAD_REQUEST');
  });
});

describe('filters', () => {
  beforeEach(async () => {
    const rows: Array<[string, Rollout]> = [
      ['r1', { region: 'north', phase: 1, live: true, progress: 0.9, notes: 'ready for go-live' }],
      ['r2', { region: 'north', phase: 2, live: false, progress: 0.2 }],
      ['r3', { region: 'north', phase: 3, live: true, progress: 0.4, notes: ['x', 'y'] }],
      ['r4', { region: 'north', phase: 4, live: false, progress: 1.0, notes: 'blocked' }],
    ];
    for (const [k, v] of rows) await rollout().set(k, v);
  });
  const north = () => rollout().query().index('by-region-phase', { partition: ['north'] });

  it('combines conditions with and', async () => {
    const { results } = await north()
      .filters(new Filter<Rollout>().and('live', FilterConditions.equalTo(true)).and('progress', FilterConditions.greaterThan(0.5)))
      .getMany();
    expect(results.map((r) => r.key)).toEqual(['r1']);
  });

  it('combines conditions with or', async () => {
    const { results } = await north()
      .filters(new Filter<Rollout>().or('progress', FilterConditions.lessThan(0.3)).or('progress', FilterConditions.greaterThanEqualTo(1)))
      .getMany();
    expect(results.map((r) => r.key)).toEqual(['r2', 'r4']);
  });

  it('supports exists, notExists, contains, notContains, notEqualTo, beginsWith and between', async () => {
    const keysFor = async (filter: Parameters<ReturnType<typeof north>['filters']>[0]) =>
      (await north().filters(filter).getMany()).results.map((r) => r.key);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.exists()))).toEqual(['r1', 'r3', 'r4']);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.notExists()))).toEqual(['r2']);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.contains('go-live')))).toEqual(['r1']);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.contains('x')))).toEqual(['r3']);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.notContains('go')))).toEqual(['r3', 'r4']);
    expect(await keysFor(new Filter<Rollout>().and('live', FilterConditions.notEqualTo(true)))).toEqual(['r2', 'r4']);
    expect(await keysFor(new Filter<Rollout>().and('notes', FilterConditions.beginsWith('bl')))).toEqual(['r4']);
    expect(await keysFor(new Filter<Rollout>().and('progress', FilterConditions.between(0.3, 0.9)))).toEqual(['r1', 'r3']);
  });

  it('applies the limit before the filter: a page can be short and still have a cursor', async () => {
    const filter = new Filter<Rollout>().and('live', FilterConditions.equalTo(false));
    const first = await north().filters(filter).limit(1).getMany();
    expect(first.results).toEqual([]); // r1 was read, filtered out
    expect(first.nextCursor).toBeDefined();
    const keys: string[] = [];
    let cursor: string | undefined = first.nextCursor;
    while (cursor) {
      const page = await north().filters(filter).limit(1).cursor(cursor).getMany();
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    }
    expect(keys).toEqual(['r2', 'r4']);
  });

  it('rejects malformed filter groups with Forge codes', async () => {
    const base = { entityName: 'rollout', indexName: 'by-region-phase', partition: ['north'] };
    const both = await fx.local.handle('/api/v1/entity/query', {
      ...base,
      filters: { and: [{ property: 'live', condition: 'EXISTS', values: [true] }], or: [{ property: 'live', condition: 'EXISTS', values: [true] }] },
    });
    expect(both.body).toEqual(expect.objectContaining({ code: 'INVALID_FILTER_OPERATORS_COMBINATION' }));
    const empty = await fx.local.handle('/api/v1/entity/query', { ...base, filters: { and: [] } });
    expect(empty.body).toEqual(expect.objectContaining({ code: 'EMPTY_FILTER_OPERATOR' }));
    const oneValue = await fx.local.handle('/api/v1/entity/query', { ...base, filters: { and: [{ property: 'phase', condition: 'BETWEEN', values: [1] }] } });
    expect(oneValue.body).toEqual(expect.objectContaining({ code: 'INSUFFICIENT_FILTER_VALUES' }));
    const badCondition = await fx.local.handle('/api/v1/entity/query', { ...base, filters: { and: [{ property: 'phase', condition: 'LIKE', values: [1] }] } });
    expect(badCondition.body).toEqual(expect.objectContaining({ code: 'INVALID_FILTER_CONDITION' }));
  });
});

describe('query errors', () => {
  it('fails on an index the manifest does not declare', async () => {
    await rollout().set('r', { region: 'north', phase: 1 });
    await expectKvsError(rollout().query().index('by-phase').getMany(), 'INVALID_ENTITY_INDEX');
    // An attribute name is not an index unless declared as one.
    await expectKvsError(rollout().query().index('phase').getMany(), 'INVALID_ENTITY_INDEX');
  });

  it('fails on an entity the manifest does not declare', async () => {
    await expectKvsError(kvs.entity('not-declared').query().index('x').getMany(), 'INVALID_ENTITY_TYPE');
  });

  it('rejects page sizes outside 1..100', async () => {
    const q = () => rollout().query().index('by-region-phase', { partition: ['north'] });
    await expect(q().limit(100).getMany()).resolves.toBeDefined();
    await expectKvsError(q().limit(101).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    await expectKvsError(q().limit(0).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  });

  it('requires the partition of a partitioned index, with values of the declared type', async () => {
    await expectKvsError(rollout().query().index('by-region-phase').getMany(), 'BAD_REQUEST');
    await expectKvsError(rollout().query().index('by-region-phase', { partition: [42] }).getMany(), 'BAD_REQUEST');
  });

  it('rejects range values of the wrong type and BEGINS_WITH on a number range', async () => {
    const q = () => rollout().query().index('by-region-phase', { partition: ['north'] });
    await expectKvsError(q().where(WhereConditions.greaterThan('3')).getMany(), 'INVALID_FILTER_VALUES');
    await expectKvsError(q().where(WhereConditions.beginsWith('1')).getMany(), 'INVALID_FILTER_CONDITION');
  });

  it('rejects a cursor from a different partition', async () => {
    for (let i = 0; i < 3; i++) await rollout().set(`n${i}`, { region: 'north', phase: i });
    const { nextCursor } = await rollout().query().index('by-region-phase', { partition: ['north'] }).limit(1).getMany();
    await expectKvsError(rollout().query().index('by-region-phase', { partition: ['south'] }).cursor(nextCursor!).getMany(), 'BAD_REQUEST');
  });

  it('rejects a cursor replayed with another range condition or filter', async () => {
    for (let i = 0; i < 3; i++) await rollout().set(`n${i}`, { region: 'north', phase: i, live: i > 0 });
    const q = () => rollout().query().index('by-region-phase', { partition: ['north'] });
    const { nextCursor } = await q().where(WhereConditions.greaterThan(0)).limit(1).getMany();
    // The same query shape accepts it; another range or an added filter does not.
    expect((await q().where(WhereConditions.greaterThan(0)).limit(1).cursor(nextCursor!).getMany()).results).toHaveLength(1);
    await expectKvsError(q().where(WhereConditions.greaterThan(1)).cursor(nextCursor!).getMany(), 'BAD_REQUEST');
    await expectKvsError(
      q().where(WhereConditions.greaterThan(0)).filters(new Filter<Rollout>().and('live', FilterConditions.equalTo(true))).cursor(nextCursor!).getMany(),
      'BAD_REQUEST',
    );
  });
});

describe('query results', () => {
  it('include requested metadata fields', async () => {
    await rollout().set('m', { region: 'north', phase: 1 }, { ttl: { value: 1, unit: 'HOURS' } });
    const one = await kvs
      .entity<Rollout>('rollout')
      .query({ metadataFields: [MetadataField.EXPIRE_TIME] })
      .index('by-region-phase', { partition: ['north'] })
      .getOne();
    expect(one).toEqual({ key: 'm', value: { region: 'north', phase: 1 }, expireTime: new Date(fx.clock.now + 3_600_000).toISOString() });
  });

  it('do not include expired entities', async () => {
    await rollout().set('short', { region: 'north', phase: 1 }, { ttl: { value: 1, unit: 'SECONDS' } });
    await rollout().set('long', { region: 'north', phase: 2 });
    fx.clock.now += 2_000;
    const { results } = await rollout().query().index('by-region-phase', { partition: ['north'] }).getMany();
    expect(results.map((r) => r.key)).toEqual(['long']);
  });
});
