/**
 * A stored record that cannot be read (issue 12, finding 4): one corrupt initiative or progress record no
 * longer takes all four macros down. It is left out, logged with its entity and key, and the view carries a
 * notice; an edit of it is a typed error naming it. A malformed programme is a typed error naming the
 * programme, never "no programme here yet".
 */
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from '../resolvers/resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
let logged: jest.SpyInstance;

beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { initiatives: 3 });
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

/** Overwrites one stored record as a hand edit or a bad restore would, and moves the revision so caches notice. */
async function corrupt(entityName: string, key: string, change: (value: Record<string, unknown>) => unknown): Promise<void> {
  const read = await h.kvs.handle('/api/v1/entity/get', { entityName, key });
  const current = (read.body as { value: Record<string, unknown> }).value;
  const written = await h.kvs.handle('/api/v1/entity/set', { entityName, key, value: change(current) });
  expect(written.status).toBeLessThan(300);
  await h.kvs.handle('/api/v1/set', { key: 'meta:revision', value: `corrupted-${Date.now()}` });
}

const loggedText = () => logged.mock.calls.map((call) => call.map(String).join(' ')).join('\n');

describe('an initiative record that cannot be read', () => {
  beforeEach(async () => {
    await corrupt('initiative', inf.initiativeIds[1], (v) => ({ ...v, data: 'b:this is not brotli' }));
  });

  it.each(MACRO_KEYS)('%s still shows the others, with a notice, and the log names the record', async (moduleKey) => {
    const response = await h.invoke('anonymous', 'getView', {}, { moduleKey });
    const view = dataOf(response);
    expect(view.state).toBe('ready');
    if (view.state !== 'ready') return;
    expect(view.notices).toEqual([{ code: 'unreadable-records', entity: 'initiative', count: 1, keys: [inf.initiativeIds[1]] }]);
    expect(JSON.stringify(view.view)).not.toContain(inf.initiativeIds[1]);
    expect(JSON.stringify(view.view)).toContain(inf.initiativeIds[0]);
    expect(loggedText()).toContain(`initiative record "${inf.initiativeIds[1]}"`);
  });

  it('an edit of it is a typed error naming it, and nothing is written', async () => {
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'updateCell', {
      initiativeId: inf.initiativeIds[1],
      regionCode: '01',
      patch: { status: 'pilot' },
      expected: { status: 'not-started' },
    });
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL', record: { entity: 'initiative', key: inf.initiativeIds[1] } } });
    expect(h.storeText()).toBe(before);
  });

  it('the other initiatives can still be edited', async () => {
    const response = await h.invoke('demo-editor', 'updateCell', {
      initiativeId: inf.initiativeIds[0],
      regionCode: '01',
      patch: { status: 'pilot' },
      expected: { status: 'not-started' },
    });
    expect(response.ok).toBe(true);
  });
});

it('initiative columns that do not add up are unreadable too, not drawn as garbage', async () => {
  await corrupt('initiative', inf.initiativeIds[0], (v) => ({ ...v, data: { codes: ['01'], cells: 'zz', needs: [], name: 'x' } }));
  const view = dataOf(await h.invoke('anonymous', 'getView', {}));
  expect(view.state === 'ready' && view.notices).toEqual([{ code: 'unreadable-records', entity: 'initiative', count: 1, keys: [inf.initiativeIds[0]] }]);
});

it('a progress record that cannot be read leaves that initiative without progress in technical-needs', async () => {
  // An initiative gets a progress record once it has needs; write one directly and break it.
  await h.kvs.handle('/api/v1/entity/set', {
    entityName: 'progress',
    key: inf.initiativeIds[0],
    value: { programmeId: inf.programmeId, initiativeId: inf.initiativeIds[0], data: 'not base64 deflate at all' },
  });
  await h.kvs.handle('/api/v1/set', { key: 'meta:revision', value: 'progress-corrupted' });

  const view = dataOf(await h.invoke('anonymous', 'getView', {}, { moduleKey: 'technical-needs' }));
  expect(view.state === 'ready' && view.notices).toEqual([{ code: 'unreadable-records', entity: 'progress', count: 1, keys: [inf.initiativeIds[0]] }]);
  expect(loggedText()).toContain(`progress record "${inf.initiativeIds[0]}"`);
});

it('a detail record that cannot be read reads as no details, and the log names it', async () => {
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: 'Hej' }, expected: { note: '' } }));
  await corrupt('detail', `${inf.initiativeIds[0]}:01`, (v) => ({ ...v, data: 'garbage' }));
  const details = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: inf.initiativeIds[0], regionCode: '01' }));
  expect(details.entries[0].cell.note).toBe('');
  expect(loggedText()).toContain(`detail record "${inf.initiativeIds[0]}:01"`);
});

describe('a malformed programme record', () => {
  beforeEach(async () => {
    await corrupt('programme', inf.programmeId, (v) => ({ ...v, data: 'garbage' }));
  });

  it.each(MACRO_KEYS)('%s answers a typed error naming the programme, not "no programme here yet"', async (moduleKey) => {
    const response = await h.invoke('anonymous', 'getView', {}, { moduleKey });
    expect(response).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INTERNAL', record: { entity: 'programme', key: inf.programmeId } }),
    });
    expect(JSON.stringify(response)).toContain(inf.programmeId);
  });

  it('also when a page in another space names it in its config', async () => {
    const response = await h.invoke('anonymous', 'getView', {}, { pageId: '2001', config: { programmeId: inf.programmeId } });
    expect(response).toMatchObject({ ok: false, error: { record: { entity: 'programme', key: inf.programmeId } } });
  });

  it('the macro config dialog still lists the programmes that can be read', async () => {
    const response = await h.invoke('demo-editor', 'listProgrammes', {});
    expect(response).toEqual({ ok: true, data: [] });
    expect(loggedText()).toContain(`programme record "${inf.programmeId}"`);
  });

  it('no one is offered to create a second programme over it', async () => {
    const caps = dataOf(await h.invoke('demo-editor', 'getCapabilities', {}));
    expect(caps).toMatchObject({ canEdit: false, canCreateProgramme: false });
  });
});
