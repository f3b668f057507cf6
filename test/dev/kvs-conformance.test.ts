/**
 * Conformance of the local KVS with Forge, driven through the real
 * `@forge/kvs` SDK: single-key operations on the plain store, secrets and
 * entities; set options; key queries with pagination; and the key/value
 * limits with their Forge error codes.
 */
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { expectKvsError, freshKvs, pad, type Fixture } from './support/kvs-fixture';

let fx: Fixture;
beforeEach(() => {
  fx = freshKvs();
});

describe('plain key-value operations', () => {
  it('stores, reads and deletes every JSON value type', async () => {
    const values: unknown[] = ['text', 42, 3.5, true, false, [1, 'two', { three: 3 }], { nested: { list: [1, 2] } }, '', 0];
    for (const [i, v] of values.entries()) await kvs.set(`value-${i}`, v);
    for (const [i, v] of values.entries()) expect(await kvs.get(`value-${i}`)).toEqual(v);

    await kvs.delete('value-0');
    expect(await kvs.get('value-0')).toBeUndefined();
    expect(await kvs.get('value-1')).toBe(42);
  });

  it('returns undefined for a missing key and deleting a missing key succeeds', async () => {
    expect(await kvs.get('never-set')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
  });

  it('overwrites by default (last write wins)', async () => {
    await kvs.set('k', { v: 1 });
    await kvs.set('k', { v: 2 });
    expect(await kvs.get('k')).toEqual({ v: 2 });
  });

  it('rejects null, which is not a storable value', async () => {
    await expectKvsError(kvs.set('k', null), 'BAD_REQUEST');
  });

  it('keeps secrets apart from plain keys and out of queries', async () => {
    await kvs.setSecret('token', 's3cr3t');
    expect(await kvs.getSecret('token')).toBe('s3cr3t');
    expect(await kvs.get('token')).toBeUndefined();
    const { results } = await kvs.query().getMany();
    expect(results).toEqual([]);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });
});

describe('metadata and set options', () => {
  it('returns createdAt/updatedAt in epoch seconds and keeps createdAt across updates', async () => {
    const t0 = fx.clock.now;
    await kvs.set('meta', 'a');
    fx.clock.now += 60_000;
    await kvs.set('meta', 'b');
    const result = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME] });
    expect(result).toEqual({ key: 'meta', value: 'b', createdAt: Math.floor(t0 / 1000), updatedAt: Math.floor((t0 + 60_000) / 1000) });
  });

  it('expires a key after its TTL and reports expireTime until then', async () => {
    await kvs.set('lease', 'holder-1', { ttl: { value: 5, unit: 'SECONDS' } });
    const withMeta = await kvs.get('lease', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(withMeta?.expireTime).toBe(new Date(fx.clock.now + 5_000).toISOString());
    fx.clock.now += 4_999;
    expect(await kvs.get('lease')).toBe('holder-1');
    fx.clock.now += 2;
    expect(await kvs.get('lease')).toBeUndefined();
  });

  it('rejects an invalid TTL instead of ignoring it', async () => {
    await expectKvsError(kvs.set('k', 1, { ttl: { value: 0, unit: 'SECONDS' } }), 'BAD_REQUEST');
    await expectKvsError(kvs.set('k', 1, { ttl: { value: 1, unit: 'WEEKS' as 'DAYS' } }), 'BAD_REQUEST');
    expect(await kvs.get('k')).toBeUndefined();
  });

  it('FAIL_IF_EXISTS creates once, then fails with KEY_CONFLICT and leaves the value alone', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_CONFLICT', 409);
    expect(await kvs.get('lock')).toBe('first');
  });

  it('FAIL_IF_EXISTS succeeds again once the previous key has expired', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'MINUTES' } });
    fx.clock.now += 61_000;
    await kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lock')).toBe('second');
  });

  it('returnValue LATEST and PREVIOUS return the right record', async () => {
    const first = await kvs.set('rv', 'one', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(first).toBeUndefined();
    const prev = await kvs.set('rv', 'two', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(prev).toEqual({ key: 'rv', value: 'one' });
    const latest = await kvs.set('rv', 'three', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [MetadataField.UPDATED_AT],
    });
    expect(latest).toEqual({ key: 'rv', value: 'three', updatedAt: Math.floor(fx.clock.now / 1000) });
  });

  it('rejects an unknown metadata field', async () => {
    await kvs.set('k', 1);
    await expectKvsError(kvs.get('k', { metadataFields: ['NOT_A_FIELD' as MetadataField] }), 'BAD_REQUEST');
  });
});

describe('key limits', () => {
  it('accepts a 500-character key and rejects 501 with KEY_TOO_LONG', async () => {
    const ok = 'k'.repeat(500);
    await kvs.set(ok, 1);
    expect(await kvs.get(ok)).toBe(1);
    await expectKvsError(kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG');
    await expectKvsError(kvs.get('k'.repeat(501)), 'KEY_TOO_LONG');
  });

  it('enforces the key format', async () => {
    await kvs.set('Aa0:._- #ok', 1);
    expect(await kvs.get('Aa0:._- #ok')).toBe(1);
    for (const bad of ['a/b', 'å', 'a?b', 'semi;colon', '   ']) {
      await expectKvsError(kvs.set(bad, 1), 'INVALID_KEY');
    }
  });

  it('rejects an empty key (KEY_TOO_SHORT for KVS, EMPTY_KEY for entities)', async () => {
    await expectKvsError(kvs.set('', 1), 'KEY_TOO_SHORT');
    await expectKvsError(kvs.entity('rollout').set('', { region: 'x' }), 'EMPTY_KEY');
  });
});

describe('value limits', () => {
  // 240 KiB of JSON: a string of n characters serialises to n + 2 bytes.
  const MAX = 240 * 1024;

  it('accepts a value of exactly 240 KiB and rejects one byte more with MAX_SIZE', async () => {
    await kvs.set('big', 'x'.repeat(MAX - 2));
    expect(((await kvs.get('big')) as string).length).toBe(MAX - 2);
    await expectKvsError(kvs.set('bigger', 'x'.repeat(MAX - 1)), 'MAX_SIZE');
    expect(await kvs.get('bigger')).toBeUndefined();
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // 'ä' is two bytes in UTF-8.
    await expectKvsError(kvs.set('umlauts', 'ä'.repeat(MAX / 2)), 'MAX_SIZE');
  });

  it('rejects values nested deeper than 31 levels (the stricter of the two documented limits) with MAX_DEPTH', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nest(depth - 1) });
    await kvs.set('deep-ok', nest(31));
    await expectKvsError(kvs.set('too-deep', nest(32)), 'MAX_DEPTH');
  });
});

describe('key query', () => {
  beforeEach(async () => {
    // 250 matching keys inserted in scrambled order, plus noise.
    const order = Array.from({ length: 250 }, (_, i) => (i * 97) % 250);
    for (const i of order) await kvs.set(`item:${pad(i)}`, { i });
    await kvs.set('other:1', 'noise');
    await kvs.set('other:2', 'noise');
  });

  it('pages through 250 keys 100 at a time with no duplicates and no misses, in key order', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<{ i: number }>();
      pageSizes.push(page.results.length);
      for (const r of page.results) {
        expect(r.value.i).toBe(Number(r.key.slice(5)));
        seen.push(r.key);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageSizes).toEqual([100, 100, 50]);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `item:${pad(i)}`));
  });

  it('defaults to 10 results per page', async () => {
    const page = await kvs.query().getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('rejects page sizes above 100 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await expect(kvs.query().limit(100).getMany()).resolves.toBeDefined();
    await expectKvsError(kvs.query().limit(101).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED');
  });

  it('getOne returns the first key by order', async () => {
    expect(await kvs.query().where('key', WhereConditions.beginsWith('item:')).getOne()).toEqual({ key: 'item:0000', value: { i: 0 } });
    expect(await kvs.query().where('key', WhereConditions.beginsWith('none:')).getOne()).toBeUndefined();
  });

  it('rejects a cursor from a different query', async () => {
    const { nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('item:')).getMany();
    await expectKvsError(kvs.query().where('key', WhereConditions.beginsWith('other:')).cursor(nextCursor!).getMany(), 'BAD_REQUEST');
    await expectKvsError(kvs.query().cursor('not-a-cursor').getMany(), 'BAD_REQUEST');
  });

  it('rejects where clauses other than one BEGINS_WITH on key', async () => {
    const twoClauses = await fx.local.handle('/api/v1/query', {
      where: [
        { property: 'key', condition: 'BEGINS_WITH', values: ['a'] },
        { property: 'key', condition: 'BEGINS_WITH', values: ['b'] },
      ],
    });
    expect(twoClauses).toEqual({ status: 400, body: expect.objectContaining({ code: 'QUERY_WHERE_INVALID' }) });
    const wrongField = await fx.local.handle('/api/v1/query', { where: [{ property: 'value', condition: 'BEGINS_WITH', values: ['a'] }] });
    expect(wrongField.body).toEqual(expect.objectContaining({ code: 'QUERY_WHERE_FIELD_INVALID' }));
    const wrongCondition = await fx.local.handle('/api/v1/query', { where: [{ property: 'key', condition: 'EQUAL_TO', values: ['a'] }] });
    expect(wrongCondition.body).toEqual(expect.objectContaining({ code: 'INVALID_FILTER_CONDITION' }));
  });
});

describe('custom entities (single-key operations)', () => {
  const rollout = () => kvs.entity<Record<string, unknown>>('rollout');

  it('stores, reads and deletes an entity, separately from plain keys', async () => {
    await rollout().set('r1', { region: 'north', service: 'ehr', phase: 2, progress: 0.5, live: true, notes: { any: ['thing'] } });
    expect(await rollout().get('r1')).toEqual({ region: 'north', service: 'ehr', phase: 2, progress: 0.5, live: true, notes: { any: ['thing'] } });
    expect(await kvs.get('r1')).toBeUndefined();
    await rollout().delete('r1');
    expect(await rollout().get('r1')).toBeUndefined();
  });

  it('rejects attribute values of the wrong type with INVALID_ENTITY_VALUE', async () => {
    await expectKvsError(rollout().set('r', { phase: '2' }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(rollout().set('r', { phase: 2.5 }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(rollout().set('r', { phase: 2 ** 31 }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(rollout().set('r', { live: 'yes' }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(rollout().set('r', { region: null }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(rollout().set('r', { undeclared: 1 }), 'INVALID_ENTITY_VALUE');
    await expectKvsError(kvs.entity<unknown>('rollout').set('r', 'not an object'), 'INVALID_ENTITY_VALUE');
    expect(await rollout().get('r')).toBeUndefined();
  });

  it('accepts boundary integers and floats', async () => {
    await rollout().set('r', { phase: -(2 ** 31), progress: 1e-30 });
    await rollout().set('s', { phase: 2 ** 31 - 1, progress: 12345.678 });
    expect(await rollout().get('s')).toEqual({ phase: 2 ** 31 - 1, progress: 12345.678 });
  });

  it('rejects entities that the manifest does not declare', async () => {
    await expectKvsError(kvs.entity('undeclared').set('k', {}), 'INVALID_ENTITY_TYPE');
    await expectKvsError(kvs.entity('ab').get('k'), 'ENTITY_TYPE_TOO_SHORT');
    await expectKvsError(kvs.entity('x'.repeat(61)).get('k'), 'ENTITY_TYPE_TOO_LARGE');
    await expectKvsError(kvs.entity('Bad Name').get('k'), 'INVALID_ENTITY_TYPE');
  });
});

describe('unknown endpoints', () => {
  it('answers 404 for paths the KVS does not have', async () => {
    expect((await fx.local.handle('/api/v1/nope', {})).status).toBe(404);
  });
});
