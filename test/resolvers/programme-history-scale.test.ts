/**
 * The programme's history at L (decision 0030): 50 initiatives × 290 participants with one recorded change per
 * cell and every other change a note at its maximum length on both sides (LIMITS.note). Measures what a page,
 * a filtered page, the digest and the whole CSV (page by page, as the space page fetches it) cost in read units
 * and response bytes, and checks every response stays under Forge's 5 MB. The numbers are printed for
 * docs/decisions/0030 (run with MEASURE=1 to see them).
 */
import { buildDataset } from '../../bench/datasets';
import { LIMITS } from '../../src/shared/limits';
import type { HistoryEntry } from '../../src/shared/model';
import { seedProgramme } from '../../src/storage';
import { createHarness, dataOf, invokeFromSpacePage, type Harness } from '../helpers/forge-harness';

const NOW = new Date('2026-11-15T10:00:00.000Z');
const RESPONSE_LIMIT = 5 * 1024 * 1024;
const USERS = ['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'];
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const note = (salt: string) => `${salt} ${'Regionen planerar införandet med förvaltningen; kontakt är etablerad. '.repeat(40)}`.slice(0, LIMITS.note);

let h: Harness;
let programmeId: string;
let initiativeIds: string[];
let codes: string[];
let total: number;

beforeAll(async () => {
  h = createHarness();
  const { programme, initiatives } = buildDataset('L', 'INF', NOW);
  programmeId = programme.id;
  initiativeIds = initiatives.map((i) => i.id);
  codes = programme.participants.map((p) => p.code);
  const history: HistoryEntry[] = [];
  initiativeIds.forEach((initiativeId, i) =>
    codes.forEach((regionCode, p) => {
      const k = i * codes.length + p;
      history.push({
        id: `h${String(k).padStart(6, '0')}`,
        programmeId,
        initiativeId,
        regionCode,
        needId: null,
        target: 'cell',
        action: 'update',
        // Spread over the last year, one change every ~36 minutes.
        at: new Date(NOW.getTime() - (initiativeIds.length * codes.length - k) * 36 * 60_000).toISOString(),
        by: USERS[k % USERS.length]!,
        byName: `Redaktör ${k % USERS.length}`,
        changes: k % 2 === 0 ? [{ field: 'note', old: note(`f${k}`), new: note(`e${k}`) }] : [{ field: 'status', old: 'planning', new: 'pilot' }],
      });
    }),
  );
  total = history.length;
  await h.kvs.withoutRateLimits(() => seedProgramme(programme, initiatives, history));
}, 300_000);

/** One call's read units and response size. */
async function measure<T>(call: () => Promise<T>): Promise<{ result: T; units: number; bytes: number }> {
  const before = h.kvs.units().readUnits;
  const result = await h.kvs.withoutRateLimits(call);
  return { result, units: h.kvs.units().readUnits - before, bytes: bytes(result) };
}

const history = (payload: Record<string, unknown>) => () => invokeFromSpacePage('demo-viewer', 'INF', 'getProgrammeHistory', { programmeId, ...payload });
const report: Record<string, unknown> = {};
afterAll(() => {
  if (process.env.MEASURE) console.log(JSON.stringify(report, null, 2));
});

it('reads a page of 25 and of 100, unfiltered and filtered, through the indexes', async () => {
  const cases: Record<string, Record<string, unknown>> = {
    'page of 25': { limit: 25 },
    'page of 100': { limit: 100 },
    'participant, page of 25': { regionCode: codes[7], limit: 25 },
    'user, page of 25': { by: 'acc-2', limit: 25 },
    'initiative + user, page of 25': { initiativeId: initiativeIds[3], by: 'acc-2', limit: 25 },
    'last 30 days, page of 25': { from: new Date(NOW.getTime() - 30 * 86_400_000).toISOString(), limit: 25 },
  };
  for (const [name, payload] of Object.entries(cases)) {
    const { result, units, bytes: size } = await measure(history(payload));
    const page = dataOf(result);
    expect(page.entries.length).toBeGreaterThan(0);
    expect(size).toBeLessThan(RESPONSE_LIMIT);
    report[name] = { entries: page.entries.length, readUnits: units, responseBytes: size };
  }
});

it('fetches the whole history for the CSV page by page, each response far under 5 MB', async () => {
  let cursor: string | undefined;
  let calls = 0;
  let entries = 0;
  let largest = 0;
  let units = 0;
  const started = Date.now();
  do {
    const m = await measure(history({ limit: 100, ...(cursor ? { cursor } : {}) }));
    const page = dataOf(m.result);
    calls++;
    entries += page.entries.length;
    largest = Math.max(largest, m.bytes);
    units += m.units;
    cursor = page.cursor ?? undefined;
  } while (cursor);
  expect(entries).toBe(total);
  expect(largest).toBeLessThan(RESPONSE_LIMIT);
  report.csv = { entries, calls, largestResponseBytes: largest, readUnits: units, minutesOfReadBudget: +(units / 4000).toFixed(2), ms: Date.now() - started };
}, 300_000);

it('builds the digest of the last 30 days and of the whole year within its bounds', async () => {
  for (const [name, days] of [['digest, 30 days', 30], ['digest, a year (truncated)', 366]] as const) {
    const m = await measure(() => invokeFromSpacePage('demo-viewer', 'INF', 'getHistoryDigest', { programmeId, from: new Date(NOW.getTime() - days * 86_400_000).toISOString() }));
    const digest = dataOf(m.result);
    expect(m.bytes).toBeLessThan(RESPONSE_LIMIT);
    report[name] = { changes: digest.changes, truncated: digest.truncated, readUnits: m.units, responseBytes: m.bytes };
  }
  expect(report['digest, a year (truncated)']).toMatchObject({ truncated: true, changes: 2000 });
}, 120_000);
