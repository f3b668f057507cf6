/**
 * Faults in the local KVS (issue 12): a failed transaction, a 429, a timeout before and after the write,
 * and an invocation stopped mid-edit. In every case the editor gets a typed answer that tells the truth
 * (saved, or nothing saved), and the store is never half-written: the initiative's version, its history and
 * the revision always move together.
 */
import { DEMO_USERS } from '../../dev/demo-users';
import { InvokeError, InvokeRunner } from '../../dev/invoke-runner';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
let silenced: jest.SpyInstance;

beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { initiatives: 1 });
  silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  silenced.mockRestore();
  h.kvs.clearInjectedFaults();
});

const TX = '/api/v1/transaction';
const payload = () => ({ initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { status: 'pilot', note: 'Start i mars' }, expected: { status: 'not-started', note: '' } });
const edit = () => h.invoke('demo-editor', 'updateCell', payload());

/** The facts that must move together: the initiative's version, its history entries, the revision. */
async function state() {
  const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
  if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no view');
  const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: inf.initiativeIds[0] })).entries.length;
  return { version: view.view.rows[0]!.initiative.version, history, revision: view.revision, status: view.view.rows[0]!.cells[0]!.status };
}

describe('a transaction the KVS refuses (500) before running it', () => {
  it('is a typed error, writes nothing, and the edit can be saved again', async () => {
    const before = h.storeText();
    h.kvs.failNext(1, { path: TX, status: 500, code: 'INTERNAL_SERVER_ERROR' });

    const refused = await edit();
    expect(refused).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(h.storeText()).toBe(before);

    expect(dataOf(await edit()).cell.status).toBe('pilot');
  });
});

describe('a timeout', () => {
  it('before the write reached the store: a typed error, and nothing is written', async () => {
    const before = h.storeText();
    h.kvs.failNext(1, { path: TX, status: 504, code: 'GATEWAY_TIMEOUT' });
    expect(await edit()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(h.storeText()).toBe(before);
  });

  it('after the write landed: the edit is recognised as saved, once, and saving it again (a replay) changes nothing', async () => {
    const start = await state();
    h.kvs.failNext(1, { path: TX, status: 504, code: 'GATEWAY_TIMEOUT', when: 'after' });

    const saved = await edit();
    expect(saved).toMatchObject({ ok: true, data: { cell: { status: 'pilot' } } });
    const after = await state();
    expect(after).toMatchObject({ version: start.version + 1, history: start.history + 1, status: 'pilot' });

    // The editor, unsure, presses save again with the same starting values: no second change, no conflict.
    const replay = await edit();
    expect(replay).toMatchObject({ ok: true, data: { cell: { status: 'pilot' } } });
    expect(await state()).toEqual(after);
  });
});

describe('KVS rate limit (429) on the transaction', () => {
  it('a short burst is retried inside the invocation and the edit lands exactly once', async () => {
    const start = await state();
    h.kvs.rateLimitNext(2, { path: TX });
    expect((await edit()).ok).toBe(true);
    expect(await state()).toMatchObject({ version: start.version + 1, history: start.history + 1 });
  });
});

describe('an invocation stopped at its time limit mid-edit (as Forge stops a function)', () => {
  const runner = new InvokeRunner({ limits: { timeoutMs: 150 } });
  const invoke = () =>
    runner.invokeFunction({
      functionKey: 'updateCell',
      payload: payload(),
      macroInstance: { pageId: '1001', localId: 'a1001-rollout-status', moduleKey: 'rollout-status' },
      user: DEMO_USERS['demo-editor'],
    });

  it('stopped while reading, before its write: the caller gets a timeout, nothing is written', async () => {
    const before = h.storeText();
    h.kvs.delayNext(1, 400, { path: '/api/v1/entity/get' });
    await expect(invoke()).rejects.toMatchObject({ code: 'INVOCATION_TIMEOUT' } satisfies Partial<InvokeError>);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.storeText()).toBe(before);
  });

  it('stopped while its transaction is in flight: the store holds all of the edit or none of it', async () => {
    const start = await state();
    h.kvs.delayNext(1, 400, { path: TX });
    await expect(invoke()).rejects.toMatchObject({ code: 'INVOCATION_TIMEOUT' });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const after = await state();
    const landed = after.version === start.version + 1;
    expect(after).toMatchObject(
      landed
        ? { history: start.history + 1, status: 'pilot' }
        : { version: start.version, history: start.history, revision: start.revision, status: 'not-started' },
    );
  });
});
