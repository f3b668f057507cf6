/**
 * The space page's long jobs (import, backup, restore) wait out Forge's per-minute storage limit: a call that
 * answers RATE_LIMITED is sent again after a pause, with the page told it waits, and any other answer ends it.
 */
import { patiently, RATE_LIMIT_PAUSE_MS } from '../../../static/app/src/admin/patient-invoke';

type Answer = { ok: true } | { ok: false; error: { code: 'RATE_LIMITED' | 'CONFLICT'; message: string } };
const busy: Answer = { ok: false, error: { code: 'RATE_LIMITED', message: 'busy' } };

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function run(answers: Answer[]) {
  const waits: boolean[] = [];
  let calls = 0;
  const done = patiently(async () => answers[Math.min(calls++, answers.length - 1)]!, (on) => waits.push(on));
  for (let k = 0; k < 10; k++) await jest.advanceTimersByTimeAsync(RATE_LIMIT_PAUSE_MS);
  return { result: await done, calls, waits };
}

it('calls again after each RATE_LIMITED, telling the page it waits, until the call succeeds', async () => {
  const { result, calls, waits } = await run([busy, busy, { ok: true }]);
  expect(result).toEqual({ ok: true });
  expect(calls).toBe(3);
  expect(waits).toEqual([true, false, true, false]);
});

it('returns any other failure at once, without waiting', async () => {
  const conflict: Answer = { ok: false, error: { code: 'CONFLICT', message: 'changed' } };
  const { result, calls, waits } = await run([conflict, { ok: true }]);
  expect(result).toBe(conflict);
  expect(calls).toBe(1);
  expect(waits).toEqual([]);
});

it('gives up after eight tries and returns the last RATE_LIMITED', async () => {
  const { result, calls } = await run([busy]);
  expect(result).toBe(busy);
  expect(calls).toBe(8);
});
