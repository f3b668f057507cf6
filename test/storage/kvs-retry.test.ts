/**
 * withKvsRetry against the local KVS through the real @forge/kvs SDK: a 429 is retried with bounded,
 * jittered backoff, then becomes RATE_LIMITED; any other error passes through untouched, at once.
 */
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { AppFailure } from '../../src/shared/errors';
import { isRateLimited, withKvsRetry } from '../../src/storage/kvs-retry';
import { freshKvs, type Fixture } from '../dev/support/kvs-fixture';
import { appErrorOf } from '../helpers/app-error';

let fx: Fixture;
let sleeps: number[];
/** Records the wait and moves the store's clock on by it, as real time would. */
const sleep = async (ms: number) => {
  sleeps.push(ms);
  fx.clock.now += ms;
};

beforeEach(() => {
  fx = freshKvs();
  sleeps = [];
});

/** Counts calls of a KVS operation. */
function counted<T>(op: () => Promise<T>): { run: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    run: () => {
      calls += 1;
      return op();
    },
    calls: () => calls,
  };
}

describe('withKvsRetry', () => {
  it('retries a refused write and succeeds, waiting longer each time', async () => {
    fx.local.rateLimitNext(2, { path: '/api/v1/transaction' });
    const write = counted(() => kvs.transact().set('cell', 'saved').execute());
    await withKvsRetry('Saving the cell', write.run, { sleep, random: () => 0.5 });
    expect(write.calls()).toBe(3);
    expect(await kvs.get('cell')).toBe('saved');
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]!);
  });

  it('gives up after four calls with RATE_LIMITED, saying storage is busy and to try again in a minute', async () => {
    fx.local.rateLimitNext(10, { path: '/api/v1/set' });
    const write = counted(() => kvs.set('cell', 'saved'));
    const error = await appErrorOf(() => withKvsRetry('Saving the cell', write.run, { sleep }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Saving the cell: storage is busy/);
    expect(error.message).toMatch(/try again in a minute/);
    expect(write.calls()).toBe(4);
    expect(fx.local.pendingInjectedRateLimits()).toBe(6);
    expect(await kvs.get('cell')).toBeUndefined();
  });

  it('keeps all its waits to a few seconds, far inside the 25 s invocation limit, even at the top of the jitter', async () => {
    fx.local.rateLimitNext(10);
    await expect(withKvsRetry('Reading', () => kvs.get('x'), { sleep, random: () => 0.999999 })).rejects.toBeInstanceOf(AppFailure);
    const total = sleeps.reduce((a, b) => a + b, 0);
    expect(sleeps).toHaveLength(3);
    expect(total).toBeLessThanOrEqual(4_000);
    expect(Math.min(...sleeps)).toBeGreaterThan(0);
  });

  it('rides out a burst over 1,000 requests per second once the second has passed', async () => {
    for (let i = 0; i < 1_000; i++) await kvs.get('x');
    const read = counted(() => kvs.get('x'));
    await expect(withKvsRetry('Reading', read.run, { sleep, random: () => 0 })).resolves.toBeUndefined();
    expect(read.calls()).toBeGreaterThan(1);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('does not retry any other storage error', async () => {
    const write = counted(() => kvs.set('not a valid key!', 1));
    const error = await withKvsRetry('Saving', write.run, { sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect((error as ForgeKvsAPIError).code).toBe('INVALID_KEY');
    expect(write.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry app errors or plain errors', async () => {
    const conflict = new AppFailure({ code: 'CONFLICT', message: 'changed meanwhile' });
    let calls = 0;
    await expect(
      withKvsRetry('Saving', async () => {
        calls += 1;
        throw conflict;
      }, { sleep }),
    ).rejects.toBe(conflict);
    await expect(withKvsRetry('Saving', () => Promise.reject(new Error('boom')), { sleep })).rejects.toThrow('boom');
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('honours a retry-after the error carries, and gives up at once when it is longer than the budget', async () => {
    const refusal = (retryAfterSeconds: number) => Object.assign(new Error('slow down'), { code: 'RATE_LIMIT_EXCEEDED', context: { retryAfterSeconds } });
    let calls = 0;
    await withKvsRetry('Reading', async () => {
      calls += 1;
      if (calls === 1) throw refusal(1.5);
      return 'ok';
    }, { sleep, random: () => 0 });
    expect(sleeps).toEqual([1_500]);

    sleeps = [];
    const error = await appErrorOf(() => withKvsRetry('Reading', () => Promise.reject(refusal(60)), { sleep }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(sleeps).toEqual([]);
  });
});

describe('isRateLimited', () => {
  it("recognises the SDK's error for a 429, and nothing else", async () => {
    fx.local.rateLimitNext(1);
    const refused = await kvs.get('x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForgeKvsAPIError);
    expect(isRateLimited(refused)).toBe(true);

    const invalid = await kvs.set('not a valid key!', 1).catch((e: unknown) => e);
    expect(isRateLimited(invalid)).toBe(false);
    expect(isRateLimited(new Error('429'))).toBe(false);
    expect(isRateLimited(new AppFailure({ code: 'RATE_LIMITED', message: 'given up' }))).toBe(false);
    expect(isRateLimited(undefined)).toBe(false);
    expect(isRateLimited('RATE_LIMIT_EXCEEDED')).toBe(false);
  });
});
