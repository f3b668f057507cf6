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
      expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unpublished' }) });
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

    const history = dataOf(await h.invoke('anonymous', 'getHistory', {}));
    expect(history.entries.length).toBeGreaterThan(0);
    expect(history.entries.every((e) => e.byName === null && e.by === '')).toBe(true);
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
    ['anonymous', '1001', { canEdit: false, canCreateProgramme: false, reason: 'anonymous', accountType: 'anonymous' }],
    ['demo-viewer', '1001', { canEdit: false, canCreateProgramme: false, reason: 'no-page-edit', accountType: 'licensed' }],
    ['demo-editor', '1001', { canEdit: true, canCreateProgramme: false, reason: null, accountType: 'licensed' }],
    ['demo-editor-other', '1001', { canEdit: false, canCreateProgramme: false, reason: 'no-page-edit', accountType: 'licensed' }],
    ['demo-editor', '3001', { canEdit: false, canCreateProgramme: true, reason: 'no-programme', accountType: 'licensed' }],
    ['demo-viewer', '3001', { canEdit: false, canCreateProgramme: false, reason: 'no-programme', accountType: 'licensed' }],
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
