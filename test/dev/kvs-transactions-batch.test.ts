/**
 * Transactions (all-or-nothing, conditions, 25-operation and unique-key
 * limits) and batch operations (independent items, 25-item limit), through
 * the real `@forge/kvs` SDK.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { expectKvsError, freshKvs, pad, type Fixture } from './support/kvs-fixture';

interface Counter {
  count?: number;
  owner?: string;
}

let fx: Fixture;
beforeEach(() => {
  fx = freshKvs();
});

describe('transactions', () => {
  it('commits sets and deletes together', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('a', 'A').set('b', { n: 2 }).delete('old').execute();
    expect(await kvs.get('a')).toBe('A');
    expect(await kvs.get('b')).toEqual({ n: 2 });
    expect(await kvs.get('old')).toBeUndefined();
  });

  it('accepts 25 operations and rejects 26, writing nothing', async () => {
    const tx25 = kvs.transact();
    for (let i = 0; i < 25; i++) tx25.set(`ok-${pad(i)}`, i);
    await tx25.execute();
    expect(await kvs.get('ok-0024')).toBe(24);

    const tx26 = kvs.transact();
    for (let i = 0; i < 25; i++) tx26.set(`no-${pad(i)}`, i);
    tx26.delete('ok-0000');
    await expectKvsError(tx26.execute(), 'BAD_REQUEST');
    expect(await kvs.get('no-0000')).toBeUndefined();
    expect(await kvs.get('ok-0000')).toBe(0);
  });

  it('rejects a key used twice, writing nothing', async () => {
    await expectKvsError(kvs.transact().set('dup', 1).set('other', 2).delete('dup').execute(), 'BAD_REQUEST');
    expect(await kvs.get('other')).toBeUndefined();
  });

  it('treats the same key in different stores as different keys', async () => {
    await kvs.transact().set('same', 'plain').set('same', { count: 1 }, { entityName: 'counter' }).execute();
    expect(await kvs.get('same')).toBe('plain');
    expect(await kvs.entity<Counter>('counter').get('same')).toEqual({ count: 1 });
  });

  it('fails a whole transaction on an invalid operation, writing nothing', async () => {
    await expectKvsError(kvs.transact().set('fine', 1).set('x'.repeat(501), 2).execute(), 'KEY_TOO_LONG');
    await expectKvsError(kvs.transact().set('fine', 1).set('big', 'x'.repeat(240 * 1024)).execute(), 'MAX_SIZE');
    await expectKvsError(kvs.transact().set('fine', 1).set('c', { count: 'one' }, { entityName: 'counter' }).execute(), 'INVALID_ENTITY_VALUE');
    expect(await kvs.get('fine')).toBeUndefined();
  });

  describe('conditions', () => {
    const counters = () => kvs.entity<Counter>('counter');
    beforeEach(async () => {
      await counters().set('c1', { count: 1, owner: 'anna' });
    });

    it('applies a conditional set when its condition holds', async () => {
      await kvs
        .transact()
        .set('c1', { count: 2, owner: 'anna' }, { entityName: 'counter', conditions: new Filter<Counter>().and('count', FilterConditions.equalTo(1)) })
        .execute();
      expect(await counters().get('c1')).toEqual({ count: 2, owner: 'anna' });
    });

    it('writes nothing when one condition fails, and answers with the conditional-check error', async () => {
      await kvs.set('unrelated', 'before');
      const err = await expectKvsError(
        kvs
          .transact()
          .set('unrelated', 'after')
          .delete('c9')
          .set('c2', { count: 1 }, { entityName: 'counter' })
          .set<Counter>('c1', { count: 99 }, { entityName: 'counter', conditions: new Filter<Counter>().and('count', FilterConditions.equalTo(5)) })
          .execute(),
        'CONDITIONAL_CHECK_FAILED',
        409,
      );
      expect(err.message).toContain('c1');
      expect(await kvs.get('unrelated')).toBe('before');
      expect(await counters().get('c2')).toBeUndefined();
      expect(await counters().get('c1')).toEqual({ count: 1, owner: 'anna' });
    });

    it('supports check operations guarding writes to other keys', async () => {
      const ownerIsAnna = new Filter<Counter>().and('owner', FilterConditions.equalTo('anna'));
      await kvs.transact().check('c1', { entityName: 'counter', conditions: ownerIsAnna }).set('audit', 'ok').execute();
      expect(await kvs.get('audit')).toBe('ok');

      const ownerIsBo = new Filter<Counter>().and('owner', FilterConditions.equalTo('bo'));
      await expectKvsError(kvs.transact().check('c1', { entityName: 'counter', conditions: ownerIsBo }).set('audit', 'no').execute(), 'CONDITIONAL_CHECK_FAILED', 409);
      expect(await kvs.get('audit')).toBe('ok');
    });

    it('lets notExists act as create-if-absent', async () => {
      const absent = () => new Filter<Counter>().and('count', FilterConditions.notExists());
      await kvs.transact().set<Counter>('c-new', { count: 0 }, { entityName: 'counter', conditions: absent() }).execute();
      expect(await counters().get('c-new')).toEqual({ count: 0 });
      await expectKvsError(
        kvs.transact().set<Counter>('c-new', { count: 7 }, { entityName: 'counter', conditions: absent() }).execute(),
        'CONDITIONAL_CHECK_FAILED',
        409,
      );
      expect(await counters().get('c-new')).toEqual({ count: 0 });
    });

    it('applies conditional deletes', async () => {
      const owner = (o: string) => new Filter<Counter>().and('owner', FilterConditions.equalTo(o));
      await expectKvsError(kvs.transact().delete('c1', { entityName: 'counter', conditions: owner('bo') }).execute(), 'CONDITIONAL_CHECK_FAILED', 409);
      expect(await counters().get('c1')).toBeDefined();
      await kvs.transact().delete('c1', { entityName: 'counter', conditions: owner('anna') }).execute();
      expect(await counters().get('c1')).toBeUndefined();
    });

    it('rejects conditions on plain keys (they apply to entities only)', async () => {
      const res = await fx.local.handle('/api/v1/transaction', {
        set: [{ key: 'plain', value: 1, conditions: { and: [{ property: 'count', condition: 'EXISTS', values: [true] }] } }],
      });
      expect(res).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_REQUEST' }) });
    });
  });
});

describe('batch operations', () => {
  it('sets, gets and deletes up to 25 mixed plain and entity items', async () => {
    const items = [
      ...Array.from({ length: 20 }, (_, i) => ({ key: `b-${pad(i)}`, value: i })),
      ...Array.from({ length: 5 }, (_, i) => ({ key: `e-${i}`, value: { count: i }, entityName: 'counter' })),
    ];
    const set = await kvs.batchSet<unknown>(items);
    expect(set.failedKeys).toEqual([]);
    expect(set.successfulKeys).toHaveLength(25);
    expect(set.successfulKeys).toContainEqual({ key: 'e-3', entityName: 'counter' });

    const got = await kvs.batchGet<unknown>([{ key: 'b-0001' }, { key: 'e-2', entityName: 'counter' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'b-0001', value: 1 },
      { key: 'e-2', entityName: 'counter', value: { count: 2 } },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);

    const del = await kvs.batchDelete([{ key: 'b-0001' }, { key: 'e-2', entityName: 'counter' }, { key: 'missing' }]);
    expect(del.successfulKeys).toEqual([{ key: 'b-0001' }, { key: 'e-2', entityName: 'counter' }]);
    expect(del.failedKeys.map((f) => f.error.code)).toEqual(['KEY_NOT_FOUND']);
    expect(await kvs.get('b-0001')).toBeUndefined();
    expect(await kvs.entity('counter').get('e-2')).toBeUndefined();
  });

  it('rejects more than 25 items per batch', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `b-${pad(i)}`, value: i }));
    await expectKvsError(kvs.batchSet(items), 'BAD_REQUEST');
    await expectKvsError(kvs.batchGet(items.map(({ key }) => ({ key }))), 'BAD_REQUEST');
    await expectKvsError(kvs.batchDelete(items.map(({ key }) => ({ key }))), 'BAD_REQUEST');
    expect(await kvs.get('b-0000')).toBeUndefined();
  });

  it('rejects the same key twice in one batch', async () => {
    await expectKvsError(kvs.batchSet([{ key: 'same', value: 1 }, { key: 'same', value: 2 }]), 'BAD_REQUEST');
  });

  it('reports invalid items in failedKeys while the valid ones are written', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'good', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'bad-entity', value: { count: 'x' }, entityName: 'counter' },
      { key: 'unknown-entity', value: {}, entityName: 'nope-entity' },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'good' }]);
    expect(result.failedKeys.map((f) => [f.key, f.error.code])).toEqual([
      ['bad/key', 'VALIDATION_ERROR'],
      ['bad-entity', 'VALIDATION_ERROR'],
      ['unknown-entity', 'VALIDATION_ERROR'],
    ]);
    expect(result.failedKeys[0]!.error.message).toContain('INVALID_KEY');
    expect(await kvs.get('good')).toBe(1);
  });

  it('honours a TTL per batch item', async () => {
    await kvs.batchSet([{ key: 'short', value: 1, options: { ttl: { value: 1, unit: 'SECONDS' } } }, { key: 'long', value: 2 }]);
    fx.clock.now += 1_500;
    expect(await kvs.get('short')).toBeUndefined();
    expect(await kvs.get('long')).toBe(2);
  });
});
