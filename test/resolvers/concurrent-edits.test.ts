/**
 * Concurrency through the real handler, the real @forge/kvs SDK and the strict local KVS (rate limits on),
 * as editors meet on a real page (issue 12). The storage-level race (any status for a failed condition) is
 * in test/storage/lost-race.test.ts; this is what the editors see.
 */
import REGIONS from '../../src/shared/regions.json';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

const CODES = REGIONS.regions.map((r) => r.code);
let h: Harness;
let inf: InfProgramme;

beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { initiatives: 1 });
});

const initiativeId = () => inf.initiativeIds[0]!;
const cellEdit = (regionCode: string, patch: Record<string, unknown>, expected: Record<string, unknown>) =>
  h.invoke('demo-editor', 'updateCell', { initiativeId: initiativeId(), regionCode, patch, expected });
const details = async (regionCode: string) =>
  dataOf(await h.invoke('demo-editor', 'getDetails', { initiativeId: initiativeId(), regionCode })).entries[0]!.cell;
const rolloutRow = async () => {
  const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
  if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no view');
  return view.view.rows[0]!;
};

it('21 editors, each on another cell of the same initiative, at once: every edit lands, each once in the history', async () => {
  const results = await Promise.all(CODES.map((code, n) => cellEdit(code, { status: 'pilot', note: `Region ${n}` }, { status: 'not-started', note: '' })));

  expect(results.filter((r) => !r.ok)).toEqual([]);
  const row = await rolloutRow();
  expect(row.cells.map((c) => c.status)).toEqual(CODES.map(() => 'pilot'));
  expect(row.initiative.version).toBe(1 + CODES.length);
  expect(await Promise.all(CODES.map(async (code) => (await details(code)).note))).toEqual(CODES.map((_, n) => `Region ${n}`));
  const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: initiativeId(), limit: 50 })).entries;
  expect(history.filter((e) => e.regionCode !== null)).toHaveLength(CODES.length);
}, 30_000);

it('20 editors on the same cell, all from the same starting value: exactly one wins, the rest get a conflict with its value', async () => {
  const results = await Promise.all(Array.from({ length: 20 }, (_, n) => cellEdit('01', { note: `Anteckning ${n}` }, { note: '' })));

  const won = results.filter((r) => r.ok);
  expect(won).toHaveLength(1);
  const stored = (await details('01')).note;
  for (const lost of results.filter((r) => !r.ok)) {
    expect(lost).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflictingFields: ['note'], current: { note: stored } } });
  }
  const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: initiativeId(), regionCode: '01' })).entries;
  expect(history).toHaveLength(1);
}, 30_000);

it('a bulk status edit while editors change cells: the bulk edit and every cell edit land', async () => {
  const bulkCodes = CODES.slice(0, 10);
  const otherCodes = CODES.slice(10);
  const [bulk, ...edits] = await Promise.all([
    h.invoke('demo-editor', 'bulkUpdateCells', {
      initiativeId: initiativeId(),
      regionCodes: bulkCodes,
      status: 'planning',
      expected: Object.fromEntries(bulkCodes.map((c) => [c, 'not-started'])),
    }),
    // Notes in the bulk edit's own regions (another field) and statuses elsewhere.
    ...bulkCodes.map((code) => cellEdit(code, { note: `Not ${code}` }, { note: '' })),
    ...otherCodes.map((code) => cellEdit(code, { status: 'live' }, { status: 'not-started' })),
  ]);

  expect(bulk).toMatchObject({ ok: true });
  expect(edits.filter((r) => !r.ok)).toEqual([]);
  const row = await rolloutRow();
  const status = Object.fromEntries(row.cells.map((c) => [c.regionCode, c.status]));
  for (const code of bulkCodes) expect(status[code]).toBe('planning');
  for (const code of otherCodes) expect(status[code]).toBe('live');
  for (const code of bulkCodes) expect((await details(code)).note).toBe(`Not ${code}`);
}, 30_000);

it('a bulk status edit racing a single edit of the same cell’s status: one of them is refused as a conflict, nothing is mixed', async () => {
  const [bulk, single] = await Promise.all([
    h.invoke('demo-editor', 'bulkUpdateCells', { initiativeId: initiativeId(), regionCodes: ['01', '03'], status: 'planning', expected: { '01': 'not-started', '03': 'not-started' } }),
    cellEdit('01', { status: 'live' }, { status: 'not-started' }),
  ]);

  expect([bulk.ok, single.ok].filter(Boolean)).toHaveLength(1);
  const status = Object.fromEntries((await rolloutRow()).cells.map((c) => [c.regionCode, c.status]));
  if (bulk.ok) expect(status).toMatchObject({ '01': 'planning', '03': 'planning' });
  else expect(status).toMatchObject({ '01': 'live', '03': 'not-started' });
  expect(bulk.ok ? single : bulk).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
}, 30_000);
