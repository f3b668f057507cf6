import type { DetailsEntry, DetailsPage } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import type { GetDetailsInput } from '../../../src/shared/schemas';
import { DetailsStore } from '../../../static/app/src/details/details-store';

const NOTE = { note: 'Avtal klart', link: null, regionalContact: 'Eva Berg', nationalContact: '' };
const entry = (initiativeId: string, regionCode: string, note = NOTE.note): DetailsEntry => ({
  initiativeId,
  regionCode,
  cell: { ...NOTE, note },
  needNotes: {},
});

/** A getDetails whose answers the test releases one at a time. */
function controlledServer() {
  const calls: Array<{ payload: GetDetailsInput; answer(page: Result<DetailsPage>): void }> = [];
  const fetchPage = (payload: GetDetailsInput) =>
    new Promise<Result<DetailsPage>>((resolve) => {
      calls.push({ payload, answer: resolve });
    });
  return { calls, fetchPage };
}

const page = (entries: DetailsEntry[], cursor: string | null = null, lastChange?: DetailsPage['lastChange']): Result<DetailsPage> => ({
  ok: true,
  data: { entries, cursor, lastChange },
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('details store', () => {
  it('reads a scope once however many ask at the same time, and tells its subscribers as it goes', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    let notified = 0;
    store.subscribe(() => notified++);
    const scope = { kind: 'initiative', initiativeId: 'kbt' } as const;
    const first = store.load(scope);
    const second = store.load(scope);
    expect(server.calls).toHaveLength(1);
    expect(store.scopeState(scope)).toEqual({ status: 'loading', fetched: 0 });

    server.calls[0].answer(page([entry('kbt', '01')], 'next'));
    await tick();
    expect(store.scopeState(scope)).toEqual({ status: 'loading', fetched: 1 });
    expect(server.calls[1].payload).toEqual({ initiativeId: 'kbt', cursor: 'next' });
    server.calls[1].answer(page([entry('kbt', '03')]));
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });

    expect(store.scopeState(scope)).toEqual({ status: 'done' });
    expect(store.lookup('kbt', '03', true)?.cell.regionalContact).toBe('Eva Berg');
    expect(notified).toBeGreaterThanOrEqual(3);
    // Already read: no new request.
    await store.load(scope);
    expect(server.calls).toHaveLength(2);
  });

  it('keeps a failed read failed until asked again, then reads again', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const scope = { kind: 'region', regionCode: '01' } as const;
    const failed = store.load(scope);
    server.calls[0].answer({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(await failed).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(store.scopeState(scope)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(store.lookup('kbt', '01', true)).toBeUndefined();

    const retried = store.load(scope);
    expect(server.calls).toHaveLength(2);
    server.calls[1].answer(page([entry('kbt', '01')]));
    expect(await retried).toEqual({ ok: true });
    expect(store.lookup('kbt', '01', true)?.cell.note).toBe('Avtal klart');
  });

  it('throws away a read that the view’s new revision overtook, and reads again when asked', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const scope = { kind: 'initiative', initiativeId: 'kbt' } as const;
    const old = store.load(scope);
    store.sync('r2');
    expect(store.scopeState(scope)).toEqual({ status: 'idle' });
    server.calls[0].answer(page([entry('kbt', '01', 'före')]));
    expect(await old).toEqual({ ok: false, stopped: true });
    expect(store.lookup('kbt', '01', true)).toBeUndefined();

    const fresh = store.load(scope);
    server.calls[1].answer(page([entry('kbt', '01', 'efter')]));
    await fresh;
    expect(store.lookup('kbt', '01', true)?.cell.note).toBe('efter');
  });

  it('lets one caller stop waiting without stopping the read for the others', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const scope = { kind: 'region', regionCode: '03' } as const;
    const list = store.load(scope);
    const abort = new AbortController();
    const csv = store.load(scope, { signal: abort.signal });
    abort.abort();
    expect(await csv).toEqual({ ok: false, stopped: true });
    server.calls[0].answer(page([entry('kbt', '03')]));
    expect(await list).toEqual({ ok: true });
    expect(store.scopeState(scope)).toEqual({ status: 'done' });
  });

  it('reads a cell fresh for the form even when it is cached, and caches the answer with who changed it', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const scope = { kind: 'initiative', initiativeId: 'kbt' } as const;
    const listed = store.load(scope);
    server.calls[0].answer(page([entry('kbt', '01', 'gammal')]));
    await listed;

    const fresh = store.loadCellFresh('kbt', '01');
    expect(server.calls[1].payload).toEqual({ initiativeId: 'kbt', regionCode: '01' });
    server.calls[1].answer(page([entry('kbt', '01', 'ny')], null, { at: '2026-03-02T09:15:00.000Z', byName: 'Anna' }));
    const result = await fresh;
    expect(result.ok && result.data.cell.note).toBe('ny');
    expect(store.lookup('kbt', '01', true)?.cell.note).toBe('ny');
    expect(store.lastChange('kbt', '01')).toEqual({ at: '2026-03-02T09:15:00.000Z', byName: 'Anna' });
  });

  it('says so when the form’s read fails, and caches nothing', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const fresh = store.loadCellFresh('kbt', '01');
    server.calls[0].answer({ ok: false, error: { code: 'LIMIT', message: 'rate limited' } });
    expect(await fresh).toEqual({ ok: false, error: { code: 'LIMIT', message: 'rate limited' } });
    expect(store.lookup('kbt', '01', true)).toBeUndefined();
  });

  it('puts a saved cell’s details in at once, and asks again who changed it', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    const cell = { kind: 'cell', initiativeId: 'kbt', regionCode: '01' } as const;
    const read = store.load(cell);
    server.calls[0].answer(page([entry('kbt', '01')], null, { at: '2026-03-02T09:15:00.000Z', byName: 'Anna' }));
    await read;
    expect(store.scopeState(cell)).toEqual({ status: 'done' });

    store.saved('kbt', '01', { ...NOTE, note: 'Sparad' }, 'r2');
    expect(store.lookup('kbt', '01', true)?.cell.note).toBe('Sparad');
    expect(store.lastChange('kbt', '01')).toBeUndefined();
    expect(store.scopeState(cell)).toEqual({ status: 'idle' });
  });

  it('tells nobody anything once the view is gone', async () => {
    const server = controlledServer();
    const store = new DetailsStore(server.fetchPage, 'r1');
    let notified = 0;
    store.subscribe(() => notified++);
    const read = store.load({ kind: 'programme' });
    const before = notified;
    store.dispose();
    server.calls[0].answer(page([entry('kbt', '01')], 'more'));
    expect(await read).toEqual({ ok: false, stopped: true });
    expect(notified).toBe(before);
    expect(server.calls).toHaveLength(1);
  });
});
