/**
 * Forge's per-installation KVS rate limits, through the real @forge/kvs SDK against the local KVS:
 * 4,000 read and 4,000 write units (10 KB each, per request) per rolling minute, 1,000 requests per
 * rolling second, 429 RATE_LIMIT_EXCEEDED over either; the switch for bulk seeding; fault injection.
 */
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { LocalKvs } from '../../dev/kvs';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { APP_SCOPES } from '../../dev/app-manifest';
import { expectKvsError, freshKvs, pad, testEntities, type Fixture } from './support/kvs-fixture';

/** An entity value whose get answers with between 9 and 10 × 10 KB: exactly 10 units per read. */
const tenUnitValue = { region: 'r', service: 's', phase: 1, notes: 'x'.repeat(97_000) };

let fx: Fixture;
beforeEach(() => {
  fx = freshKvs();
});

const rateLimited = (promise: Promise<unknown>) => expectKvsError(promise, 'RATE_LIMIT_EXCEEDED', 429);

describe('read units per minute', () => {
  beforeEach(async () => {
    await fx.local.withoutRateLimits(() => kvs.entity('rollout').set('big', tenUnitValue));
  });

  it('answers 429 once a minute holds 4,000 read units, and reads again when the window has moved on', async () => {
    for (let i = 0; i < 400; i++) await kvs.entity('rollout').get('big');
    expect(fx.local.rateLimitUsage().readUnitsLastMinute).toBe(4_000);

    const err = await rateLimited(kvs.entity('rollout').get('big'));
    expect(err).toBeInstanceOf(ForgeKvsAPIError);
    expect(err.message).toMatch(/4000 read units/);

    // Rolling, not fixed: a millisecond before the first read leaves the window, the minute is still full.
    fx.clock.now += 59_999;
    await rateLimited(kvs.entity('rollout').get('big'));
    fx.clock.now += 1;
    await expect(kvs.entity('rollout').get('big')).resolves.toMatchObject({ service: 's' });
  });

  it('sizes a read by what it returns: a 97 KB value is 10 units, a small one 1', async () => {
    await kvs.entity('rollout').get('big');
    expect(fx.local.rateLimitUsage().readUnitsLastMinute).toBe(10);
    await kvs.get('missing-key');
    expect(fx.local.rateLimitUsage().readUnitsLastMinute).toBe(11);
  });

  it('counts a query page as one request, not one per item, while billing still counts per item', async () => {
    await fx.local.withoutRateLimits(async () => {
      for (let i = 0; i < 100; i += 25) {
        await kvs.batchSet(Array.from({ length: 25 }, (_, j) => ({ key: `k-${pad(i + j)}`, value: i + j })));
      }
    });
    const billedBefore = fx.local.units().readUnits;
    const page = await kvs.query().limit(100).getMany();
    expect(page.results).toHaveLength(100);
    expect(fx.local.rateLimitUsage().readUnitsLastMinute).toBe(1);
    expect(fx.local.units().readUnits - billedBefore).toBe(100);
  });

  it('charges nothing for a refused read, in the window or on the bill', async () => {
    for (let i = 0; i < 400; i++) await kvs.entity('rollout').get('big');
    const billed = fx.local.units();
    await rateLimited(kvs.entity('rollout').get('big'));
    expect(fx.local.units()).toEqual({ ...billed, requests: billed.requests + 1 });
    expect(fx.local.rateLimitUsage().readUnitsLastMinute).toBe(4_000);
  });
});

describe('write units per minute', () => {
  it('refuses the write that would pass 4,000 units, and the refused write changes nothing', async () => {
    for (let i = 0; i < 400; i++) await kvs.entity('rollout').set(`w${i}`, tenUnitValue);
    expect(fx.local.rateLimitUsage().writeUnitsLastMinute).toBe(4_000);
    await rateLimited(kvs.entity('rollout').set('w0', { ...tenUnitValue, service: 'changed' }));
    await rateLimited(kvs.set('small', 1));
    // Reads have their own budget.
    expect(await kvs.entity('rollout').get('w0')).toMatchObject({ service: 's' });
    fx.clock.now += 60_000;
    await kvs.set('small', 1);
    expect(await kvs.get('small')).toBe(1);
  });

  it('counts a transaction or a batch of 25 as one request sized by its whole body', async () => {
    await kvs.batchSet(Array.from({ length: 25 }, (_, i) => ({ key: `b${i}`, value: i })));
    expect(fx.local.rateLimitUsage().writeUnitsLastMinute).toBe(1);
    const tx = kvs.transact();
    for (let i = 0; i < 3; i++) tx.set(`t${i}`, tenUnitValue, { entityName: 'rollout' });
    await tx.execute();
    // Three 97 KB values in one body: ~291 KB, 29 units (not 3 × 10).
    expect(fx.local.rateLimitUsage().writeUnitsLastMinute).toBe(1 + 29);
  });
});

describe('requests per second', () => {
  it('answers the 1,001st request in one second with 429, and the next second serves again', async () => {
    for (let i = 0; i < 1_000; i++) await kvs.get('nothing-here');
    expect(fx.local.rateLimitUsage()).toMatchObject({ requestsLastSecond: 1_000, readUnitsLastMinute: 1_000 });
    await rateLimited(kvs.get('nothing-here'));
    await rateLimited(kvs.set('a', 1));
    fx.clock.now += 1_000;
    await expect(kvs.set('a', 1)).resolves.toBeUndefined();
  });

  it('holds when the 1,001 requests are made at once', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 1_001 }, () => kvs.get('nothing-here')));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
  });
});

describe('switching the limits off for bulk seeding', () => {
  it('lets withoutRateLimits write thousands of records at once without charging the windows', async () => {
    await fx.local.withoutRateLimits(async () => {
      for (let i = 0; i < 1_200; i++) await kvs.set(`seed-${i}`, i);
    });
    expect(fx.local.rateLimitUsage()).toEqual({ requestsLastSecond: 0, readUnitsLastMinute: 0, writeUnitsLastMinute: 0 });
    // The limits are still on for everything after it.
    for (let i = 0; i < 1_000; i++) await kvs.get(`seed-${i}`);
    await rateLimited(kvs.get('seed-1000'));
  });

  it('exempts only the seeding itself, not requests made meanwhile outside it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seeding = fx.local.withoutRateLimits(async () => {
      await gate;
    });
    for (let i = 0; i < 1_000; i++) await kvs.get('x');
    await rateLimited(kvs.get('x'));
    release();
    await seeding;
  });

  it('never answers 429 for a store created with rateLimits: false', async () => {
    const unlimited = new LocalKvs({ entities: testEntities, rateLimits: false, now: () => 0 });
    installForgeRuntime({ kvs: unlimited, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    for (let i = 0; i < 1_100; i++) await kvs.get('x');
    expect(unlimited.rateLimits()).toBeUndefined();
  });

  it('takes lower limits for tests near a limit', async () => {
    const tight = new LocalKvs({ entities: testEntities, rateLimits: { requestsPerSecond: 3 }, now: () => 0 });
    installForgeRuntime({ kvs: tight, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    for (let i = 0; i < 3; i++) await kvs.get('x');
    await rateLimited(kvs.get('x'));
    expect(tight.rateLimits()).toEqual({ requestsPerSecond: 3, readUnitsPerMinute: 4_000, writeUnitsPerMinute: 4_000 });
  });
});

describe('fault injection: rateLimitNext', () => {
  it('answers the next N requests to a path with 429 without running them', async () => {
    fx.local.rateLimitNext(2, { path: '/api/v1/transaction' });
    await kvs.set('counter', 1); // another path: not affected
    const write = () => kvs.transact().set('counter', 2).execute();
    await rateLimited(write());
    await rateLimited(write());
    expect(await kvs.get('counter')).toBe(1);
    expect(fx.local.pendingInjectedRateLimits()).toBe(0);
    await write();
    expect(await kvs.get('counter')).toBe(2);
  });

  it('applies to any path when none is given, even inside withoutRateLimits, and can be cleared', async () => {
    fx.local.rateLimitNext(1);
    await fx.local.withoutRateLimits(() => rateLimited(kvs.get('x')));
    fx.local.rateLimitNext(5);
    fx.local.clearInjectedRateLimits();
    await expect(kvs.get('x')).resolves.toBeUndefined();
  });
});
