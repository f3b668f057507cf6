/**
 * Programme administration (decision 0022) through the real handler: the space's administrators change the
 * settings, recorded in the history, under the field-level conflict rule; anyone else is refused and nothing
 * is written; the space page (a context with a space and no page) lists the space's programmes.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { createHarness, dataOf, type Harness, invokeFromSpacePage as fromSpacePage } from '../helpers/forge-harness';
import { createInfProgramme, embedding, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
});

const rename = (programmeId: string) => ({
  programmeId,
  patch: { name: 'FLDV 2027', description: 'Nationellt program', stalenessDays: 30, published: true },
  expected: { name: 'Första linjens digitala vård', description: '', stalenessDays: 90, published: false },
});

describe('updateProgrammeSettings', () => {
  it('lets the space administrator change every setting, records it in the history and changes the revision', async () => {
    const before = dataOf(await h.invoke('demo-viewer', 'getView', {}));
    const saved = dataOf(await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', rename(inf.programmeId)));

    expect(saved.programme).toMatchObject({ id: inf.programmeId, name: 'FLDV 2027', description: 'Nationellt program', stalenessDays: 30, published: true, version: 2 });
    expect(saved.revision).not.toBe(before.revision);
    // The macros show the new settings, and the programme is now readable from another space.
    const view = dataOf(await h.invoke('anonymous', 'getView', {}, embedding(inf.programmeId)));
    expect(view).toMatchObject({ state: 'ready', programme: { name: 'FLDV 2027', stalenessDays: 30, published: true } });

    const history = dataOf(await h.invoke('demo-editor', 'getHistory', {}));
    const entry = history.entries.find((e) => e.target === 'programme' && e.action === 'update');
    expect(entry).toMatchObject({ by: 'demo-admin', byName: 'Ada Administratör' });
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: 'Första linjens digitala vård', new: 'FLDV 2027' },
        { field: 'stalenessDays', old: 90, new: 30 },
        { field: 'published', old: false, new: true },
      ]),
    );
  });

  it('is allowed from a macro on a page of the space too (the space decides, not the module)', async () => {
    expect(await h.invoke('demo-admin', 'updateProgrammeSettings', rename(inf.programmeId))).toMatchObject({ ok: true });
  });

  it.each<[DemoUserId, string]>([
    ['anonymous', 'anonymous'],
    ['demo-viewer', 'not-space-admin'],
    ['demo-editor', 'not-space-admin'],
    ['demo-editor-other', 'not-space-admin'],
  ])('refuses %s (%s) and writes nothing', async (user, reason) => {
    const before = h.storeText();
    const response = await fromSpacePage(user, 'INF', 'updateProgrammeSettings', rename(inf.programmeId));
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason }) });
    expect(h.storeText()).toBe(before);
  });

  it('refuses an unlicensed guest even with the account of an administrator', async () => {
    const before = h.storeText();
    const response = await h.invoke('demo-admin', 'updateProgrammeSettings', rename(inf.programmeId), { accountType: 'unlicensed' });
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unlicensed' }) });
    expect(h.storeText()).toBe(before);
  });

  it("answers another space's programme as absent: an administrator of EMPTY cannot change INF's", async () => {
    const before = h.storeText();
    const response = await fromSpacePage('demo-admin', 'EMPTY', 'updateProgrammeSettings', rename(inf.programmeId));
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', reason: 'no-programme' }) });
    expect(h.storeText()).toBe(before);
  });

  it.each([
    ['an empty name', { name: '  ' }, { name: 'Första linjens digitala vård' }, 'patch.name'],
    ['a threshold of 0 days', { stalenessDays: 0 }, { stalenessDays: 90 }, 'patch.stalenessDays'],
    ['a text-direction override', { description: 'a\u202Eb' }, { description: '' }, 'patch.description'],
    ['an unknown setting', { spaceKey: 'OTHER' }, {}, 'patch'],
  ])('refuses %s with VALIDATION and writes nothing', async (_what, patch, expected, path) => {
    const before = h.storeText();
    const response = await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', { programmeId: inf.programmeId, patch, expected });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!response.ok) expect(response.error.issues?.map((i) => i.path).join(' ')).toContain(path);
    expect(h.storeText()).toBe(before);
  });

  it('answers a stale edit of the same setting with CONFLICT and the current value, and writes nothing', async () => {
    dataOf(await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', { programmeId: inf.programmeId, patch: { name: 'Först' }, expected: { name: 'Första linjens digitala vård' } }));
    const before = h.storeText();
    const stale = await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', { programmeId: inf.programmeId, patch: { name: 'Sist' }, expected: { name: 'Första linjens digitala vård' } });
    expect(stale).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', conflictingFields: ['name'], current: { name: 'Först' } }) });
    expect(h.storeText()).toBe(before);
    // A different setting from the same stale form still lands.
    expect(await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', { programmeId: inf.programmeId, patch: { stalenessDays: 45 }, expected: { stalenessDays: 90 } })).toMatchObject({ ok: true });
  });

  it('writes nothing when nothing changes', async () => {
    const before = h.storeText();
    const response = await fromSpacePage('demo-admin', 'INF', 'updateProgrammeSettings', { programmeId: inf.programmeId, patch: { stalenessDays: 90 }, expected: { stalenessDays: 90 } });
    expect(response).toMatchObject({ ok: true, data: { programme: { version: 1 } } });
    expect(h.storeText()).toBe(before);
  });
});

describe('getProgrammeAdmin', () => {
  it("lists the space's programme with its counts for a reader, read-only, and writes nothing", async () => {
    const before = h.storeText();
    const page = dataOf(await fromSpacePage('demo-viewer', 'INF', 'getProgrammeAdmin', {}));
    expect(page).toMatchObject({
      spaceKey: 'INF',
      canAdminister: false,
      reason: 'not-space-admin',
      programmes: [{ id: inf.programmeId, name: 'Första linjens digitala vård', participantCount: 21, initiativeCount: 2, published: false, version: 1 }],
    });
    expect(page.programmes[0]!.lastChangedAt).toEqual(expect.any(String));
    expect(h.storeText()).toBe(before);
  });

  it('says the administrator may administer, and shows an empty space as empty', async () => {
    expect(dataOf(await fromSpacePage('demo-admin', 'INF', 'getProgrammeAdmin', {}))).toMatchObject({ canAdminister: true, reason: null });
    expect(dataOf(await fromSpacePage('demo-admin', 'EMPTY', 'getProgrammeAdmin', {}))).toEqual({ spaceKey: 'EMPTY', programmes: [], canAdminister: true, reason: null });
  });

  it('is readable by anonymous visitors (no names in it) and refuses a call without a space', async () => {
    const page = dataOf(await fromSpacePage('anonymous', 'INF', 'getProgrammeAdmin', {}));
    expect(page).toMatchObject({ canAdminister: false, reason: 'anonymous' });
    expect(JSON.stringify(page)).not.toContain('demo-editor');
    expect(await h.invoke('demo-admin', 'getProgrammeAdmin', {}, { outsideMacro: true })).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'not-in-macro' } });
  });
});

describe('getCapabilities on the space page', () => {
  it('offers administration exactly to the space administrator', async () => {
    expect(dataOf(await fromSpacePage('demo-admin', 'INF', 'getCapabilities', {}))).toMatchObject({ canAdminister: true, canEdit: false });
    expect(dataOf(await fromSpacePage('demo-editor', 'INF', 'getCapabilities', {}))).toMatchObject({ canAdminister: false });
    expect(dataOf(await fromSpacePage('demo-admin', 'OTHER', 'getCapabilities', {}))).toMatchObject({ canAdminister: false });
  });
});

describe('updateParticipant', () => {
  const change = (payload: Record<string, unknown>) => fromSpacePage('demo-admin', 'INF', 'updateParticipant', { programmeId: inf.programmeId, ...payload });

  it('adds, renames, retires and reinstates, each recorded in the history; a retired participant leaves the views but keeps its data', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { status: 'pilot', note: 'Kvar' }, expected: { status: 'not-started', note: '' } }));

    const added = dataOf(await change({ action: 'add', code: 'KOMMUN-0180', name: 'Stockholms stad', short: 'Stockholm stad' }));
    expect(added.programme.participants.at(-1)).toEqual({ code: 'KOMMUN-0180', name: 'Stockholms stad', short: 'Stockholm stad' });
    expect(added.programme.participantCount).toBe(22);

    const renamed = dataOf(await change({ action: 'rename', code: '01', name: 'Region Stockholm (SLL)', short: 'SLL', expected: { name: 'Region Stockholm', short: 'Stockholm' } }));
    expect(renamed.programme.participants[0]).toMatchObject({ code: '01', name: 'Region Stockholm (SLL)', short: 'SLL' });

    const retired = dataOf(await change({ action: 'retire', code: '01' }));
    expect(retired.programme.participants.map((p) => p.code)).not.toContain('01');
    expect(retired.programme.retiredParticipants).toEqual([expect.objectContaining({ code: '01', name: 'Region Stockholm (SLL)' })]);
    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
    expect(view.state === 'ready' && view.programme.participants.map((p) => p.code)).not.toContain('01');

    const back = dataOf(await change({ action: 'reinstate', code: '01' }));
    expect(back.programme.participants.map((p) => p.code)).toContain('01');
    // Nothing was deleted: the cell and its details are still there.
    const details = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: inf.initiativeIds[0], regionCode: '01' }));
    expect(details.entries[0]).toMatchObject({ cell: { note: 'Kvar' } });

    const history = dataOf(await h.invoke('demo-editor', 'getHistory', {}));
    const actions = history.entries.filter((e) => e.changes.some((c) => c.field === 'participant')).map((e) => e.action);
    expect(actions.sort()).toEqual(['archive', 'create', 'restore', 'update']);
  });

  it('refuses a code in use (retired ones too) with CONFLICT, and writes nothing', async () => {
    dataOf(await change({ action: 'retire', code: '03' }));
    const before = h.storeText();
    expect(await change({ action: 'add', code: '01', name: 'X', short: 'X' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await change({ action: 'add', code: '03', name: 'X', short: 'X' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { retired: true } } });
    expect(h.storeText()).toBe(before);
  });

  it('answers a stale rename with CONFLICT and the current name, and an unknown participant with NOT_FOUND', async () => {
    dataOf(await change({ action: 'rename', code: '01', name: 'A', short: 'Stockholm', expected: { name: 'Region Stockholm', short: 'Stockholm' } }));
    const before = h.storeText();
    expect(await change({ action: 'rename', code: '01', name: 'B', short: 'Stockholm', expected: { name: 'Region Stockholm', short: 'Stockholm' } })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'CONFLICT', conflictingFields: ['name'], current: { name: 'A' } }),
    });
    expect(await change({ action: 'retire', code: '99' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.storeText()).toBe(before);
  });

  it('refuses an editor who is not a space administrator, and writes nothing', async () => {
    const before = h.storeText();
    const response = await fromSpacePage('demo-editor', 'INF', 'updateParticipant', { programmeId: inf.programmeId, action: 'retire', code: '01' });
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'not-space-admin' }) });
    expect(h.storeText()).toBe(before);
  });
});
