/** The read rule and what each audience sees, through the real handler. */
import type { DemoUserId } from '../../dev/demo-users';
import type { RolloutStatusView } from '../../src/shared/contract';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, embedding } from './resolver-fixtures';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});

const READERS: DemoUserId[] = ['anonymous', 'demo-viewer', 'demo-editor', 'demo-editor-other'];

describe('an unpublished programme', () => {
  it.each(READERS)('is shown to %s on a page in its own space', async (user) => {
    await createInfProgramme(h);
    const view = dataOf(await h.invoke(user, 'getView', {}));
    expect(view.state).toBe('ready');
  });

  it.each(READERS)('never leaves its space: %s on another space’s page gets PERMISSION unpublished and no data', async (user) => {
    const inf = await createInfProgramme(h);
    for (const name of ['getView', 'getHistory', 'getDetails'] as const) {
      const response = await h.invoke(user, name, {}, embedding(inf.programmeId));
      // The history refuses anonymous readers before anything else: they never read it anywhere.
      const reason = name === 'getHistory' && user === 'anonymous' ? 'anonymous' : 'unpublished';
      expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason }) });
      expect(JSON.stringify(response)).not.toContain('Första linjens');
    }
  });
});

describe('a published programme', () => {
  it('is shown on pages of other spaces, to anyone', async () => {
    const inf = await createInfProgramme(h, { published: true });
    const view = dataOf(await h.invoke('anonymous', 'getView', {}, embedding(inf.programmeId)));
    expect(view.state === 'ready' && view.programme.name).toBe('Första linjens digitala vård');
  });

  it('is listed for the config dialog of other spaces, after that space’s own programmes', async () => {
    await createInfProgramme(h, { published: true });
    await h.invoke('demo-editor', 'createProgramme', { name: 'Opublicerat i INF' });
    await h.invoke('demo-editor-other', 'createProgramme', { name: 'Eget i OTHER' }, { pageId: '2001' });

    const list = dataOf(await h.invoke('demo-editor-other', 'listProgrammes', {}, { pageId: '2001' }));
    expect(list.map((p) => [p.name, p.spaceKey])).toEqual([
      ['Eget i OTHER', 'OTHER'],
      ['Första linjens digitala vård', 'INF'],
    ]);
  });
});

describe('getView', () => {
  it('says there is no programme yet in an empty space', async () => {
    expect(dataOf(await h.invoke('demo-editor', 'getView', {}, { pageId: '3001' }))).toEqual({
      state: 'no-programme',
      macro: 'rollout-status',
      config: { perspective: 'programme', layout: 'initiatives-as-rows', showArchived: false },
      revision: null,
    });
  });

  it('builds the view of the macro it is called from, with the revision to compare later', async () => {
    await createInfProgramme(h);
    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}, { moduleKey: 'roadmap' }));
    expect(view.state === 'ready' && view.view.macro).toBe('roadmap');
    expect(view.state === 'ready' && view.revision).toMatch(/\S/);
  });

  it('shows editor names to signed-in readers only: never in a cell, on demand from the cell’s details', async () => {
    const inf = await createInfProgramme(h);
    dataOf(
      await h.invoke('demo-editor', 'updateCell', {
        initiativeId: inf.initiativeIds[0],
        regionCode: '01',
        patch: { status: 'pilot' },
        expected: { status: 'not-started' },
      }),
    );
    const cellFor = async (user: DemoUserId) => {
      const view = dataOf(await h.invoke(user, 'getView', {}));
      return view.state === 'ready' ? (view.view as RolloutStatusView).rows[0]!.cells[0]! : null;
    };
    // A cell view is the same for every audience: it names nobody.
    const signedInCell = await cellFor('demo-viewer');
    expect(signedInCell).toMatchObject({ status: 'pilot', updatedAt: expect.any(String) });
    expect(signedInCell).not.toHaveProperty('updatedByName');
    expect(signedInCell).not.toHaveProperty('updatedBy');
    expect(await cellFor('anonymous')).toEqual(signedInCell);

    const lastChange = async (user: DemoUserId) =>
      dataOf(await h.invoke(user, 'getDetails', { initiativeId: inf.initiativeIds[0], regionCode: '01' })).lastChange ?? null;
    expect(await lastChange('demo-viewer')).toMatchObject({ byName: 'Eva Redaktör' });
    expect(await lastChange('anonymous')).toBeNull();

    // The history, with its names and old values, is for licensed users only (issue 12, finding 2).
    expect(await h.invoke('anonymous', 'getHistory', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'anonymous' } });
    expect(dataOf(await h.invoke('demo-viewer', 'getHistory', {})).entries.some((e) => e.byName === 'Eva Redaktör')).toBe(true);
  });

  it('an unlicensed guest reads the overviews but not the history, never the editor of a cell, and cannot edit', async () => {
    const inf = await createInfProgramme(h);
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: 'Borttaget senare' }, expected: { note: '' } }));
    const guest = { accountType: 'unlicensed' as const };
    expect(dataOf(await h.invoke('demo-viewer', 'getView', {}, guest)).state).toBe('ready');
    expect(await h.invoke('demo-viewer', 'getHistory', {}, guest)).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'unlicensed' } });
    const details = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: inf.initiativeIds[0], regionCode: '01' }, guest));
    expect(details.lastChange ?? null).toBeNull();
    // Even a guest who could edit the page is refused: Forge cannot check a guest's permission as the user.
    const before = h.writeUnits();
    const write = await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: 'x' }, expected: { note: 'Borttaget senare' } }, guest);
    expect(write).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'unlicensed' } });
    expect(h.writeUnits()).toBe(before);
    const caps = dataOf(await h.invoke('demo-editor', 'getCapabilities', {}, guest));
    expect(caps).toMatchObject({ canEdit: false, reason: 'unlicensed', accountType: 'unlicensed' });
  });

  it('costs one small read when nothing changed since the last view', async () => {
    await createInfProgramme(h);
    const macros = ['rollout-status', 'technical-needs', 'support-plan', 'roadmap'];
    // Each macro's first view warms what it draws (technical-needs also reads the needs' progress).
    for (const moduleKey of macros) await h.invoke('anonymous', 'getView', {}, { moduleKey });
    h.kvs.resetUnits();
    for (const moduleKey of macros) {
      expect((await h.invoke('anonymous', 'getView', {}, { moduleKey })).ok).toBe(true);
    }
    expect(h.kvs.units()).toMatchObject({ readUnits: 4, requests: 4 });
  });

  it('rejects unknown payload fields', async () => {
    expect(await h.invoke('anonymous', 'getView', { locale: 'sv', x: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('getCapabilities', () => {
  it.each([
    ['anonymous', '1001', { canEdit: false, canCreateProgramme: false, reason: 'anonymous', accountType: 'anonymous', canAdminister: false }],
    ['demo-viewer', '1001', { canEdit: false, canCreateProgramme: false, reason: 'no-page-edit', accountType: 'licensed', canAdminister: false }],
    ['demo-editor', '1001', { canEdit: true, canCreateProgramme: false, reason: null, accountType: 'licensed', canAdminister: false }],
    ['demo-editor-other', '1001', { canEdit: false, canCreateProgramme: false, reason: 'no-page-edit', accountType: 'licensed', canAdminister: false }],
    ['demo-editor', '3001', { canEdit: false, canCreateProgramme: true, reason: 'no-programme', accountType: 'licensed', canAdminister: false }],
    ['demo-viewer', '3001', { canEdit: false, canCreateProgramme: false, reason: 'no-programme', accountType: 'licensed', canAdminister: false }],
    // The space administrator (decision 0022): administers INF and EMPTY, and edits there.
    ['demo-admin', '1001', { canEdit: true, canCreateProgramme: false, reason: null, accountType: 'licensed', canAdminister: true }],
    ['demo-admin', '3001', { canEdit: false, canCreateProgramme: true, reason: 'no-programme', accountType: 'licensed', canAdminister: true }],
  ] as const)('%s on page %s', async (user, pageId, expected) => {
    await createInfProgramme(h);
    expect(dataOf(await h.invoke(user, 'getCapabilities', {}, { pageId }))).toEqual(expected);
  });

  it('answers other-space for an editor of another space embedding the programme', async () => {
    const inf = await createInfProgramme(h, { published: true });
    expect(dataOf(await h.invoke('demo-editor-other', 'getCapabilities', {}, embedding(inf.programmeId)))).toMatchObject({
      canEdit: false,
      canCreateProgramme: true,
      reason: 'other-space',
    });
  });
});
