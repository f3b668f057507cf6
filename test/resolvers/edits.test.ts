/** Editing through the real handler: concurrent edits, conflicts, bulk changes, reordering and history. */
import type { RolloutStatusView } from '../../src/shared/contract';
import { DEFAULT_CELL_DETAILS } from '../../src/shared/model';
import { getProgramme, seedProgramme } from '../../src/storage';
import { SWEDISH_REGIONS } from '../../src/shared/regions';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, FIELDS, seedInitiative, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
let first: string;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  first = inf.initiativeIds[0]!;
});

async function cellsOf(initiativeId: string) {
  const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
  if (view.state !== 'ready') throw new Error('no view');
  const row = (view.view as RolloutStatusView).rows.find((r) => r.initiative.id === initiativeId)!;
  return Object.fromEntries(row.cells.map((c) => [c.regionCode, c]));
}

/** What getDetails answers for one cell, as a signed-in reader asks. */
async function detailsOf(initiativeId: string, regionCode: string) {
  const page = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId, regionCode }));
  expect(page.entries).toHaveLength(1);
  return { ...page.entries[0]!, lastChange: page.lastChange };
}

/** Every stored detail of the programme, following the cursor. */
async function allDetails() {
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = dataOf(await h.invoke('demo-viewer', 'getDetails', cursor === undefined ? {} : { cursor }));
    entries.push(...page.entries);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return entries;
}

describe('updateCell', () => {
  it('saves, records the editor in the history and answers with the cell as readers will see it', async () => {
    const result = dataOf(
      await h.invoke('demo-editor', 'updateCell', {
        initiativeId: first,
        regionCode: '03',
        patch: { status: 'pilot', pilotStart: '2026-03' },
        expected: { status: 'not-started', pilotStart: null },
      }),
    );
    expect(result).toMatchObject({
      initiativeId: first,
      regionCode: '03',
      cell: { regionCode: '03', status: 'pilot', pilotStart: '2026-03', hasDetails: false, stale: false },
      details: DEFAULT_CELL_DETAILS,
      initiativeVersion: 2,
    });
    // The cell view carries no names and no details: who changed it is in the history (getDetails).
    expect(result.cell).not.toHaveProperty('updatedBy');
    expect(result.cell).not.toHaveProperty('updatedByName');
    expect(result.cell).not.toHaveProperty('note');
    expect((await cellsOf(first))['03']).toMatchObject({ status: 'pilot', pilotStart: '2026-03', hasDetails: false });
    expect((await detailsOf(first, '03')).lastChange).toEqual({ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), byName: 'Eva Redaktör' });
  });

  it('writes a note into the participant’s detail record, not into the view', async () => {
    const result = dataOf(
      await h.invoke('demo-editor', 'updateCell', {
        initiativeId: first,
        regionCode: '03',
        patch: { note: 'Pilot på två vårdcentraler', link: 'https://confluence.example/03', regionalContact: 'Anna' },
        expected: { note: '', link: null, regionalContact: '' },
      }),
    );
    const saved = { note: 'Pilot på två vårdcentraler', link: 'https://confluence.example/03', regionalContact: 'Anna', nationalContact: '' };
    expect(result.details).toEqual(saved);
    expect(result.cell).toMatchObject({ hasDetails: true, status: 'not-started' });
    expect(JSON.stringify(result.cell)).not.toContain('Pilot på två');

    expect(await detailsOf(first, '03')).toMatchObject({ initiativeId: first, regionCode: '03', cell: saved, needNotes: {} });
    expect(await allDetails()).toEqual([{ initiativeId: first, regionCode: '03', cell: saved, needNotes: {} }]);
    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
    expect(JSON.stringify(view)).not.toContain('Pilot på två');
    expect((await cellsOf(first))['03']).toMatchObject({ hasDetails: true });
  });

  it('removes the detail record when every detail is cleared, and the view’s cell then has no details', async () => {
    const edit = async (patch: Record<string, unknown>, expected: Record<string, unknown>) =>
      dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch, expected }));
    await edit({ status: 'pilot', note: 'Anteckning', nationalContact: 'Inera' }, { status: 'not-started', note: '', nationalContact: '' });
    expect((await allDetails()).map((e) => [e.initiativeId, e.regionCode])).toEqual([[first, '01']]);

    // One detail cleared: the record stays, with the one left.
    await edit({ note: '' }, { note: 'Anteckning' });
    expect((await detailsOf(first, '01')).cell).toEqual({ ...DEFAULT_CELL_DETAILS, nationalContact: 'Inera' });
    expect((await cellsOf(first))['01']).toMatchObject({ hasDetails: true });

    // The last one cleared: the record is gone, the plan stays.
    const result = await edit({ nationalContact: '' }, { nationalContact: 'Inera' });
    expect(result.details).toEqual(DEFAULT_CELL_DETAILS);
    expect(result.cell).toMatchObject({ status: 'pilot', hasDetails: false });
    expect(await allDetails()).toEqual([]);
    expect((await detailsOf(first, '01')).cell).toEqual(DEFAULT_CELL_DETAILS);
    expect((await cellsOf(first))['01']).toMatchObject({ status: 'pilot', hasDetails: false });
  });

  it('lets concurrent edits of different regions and fields of one initiative all land', async () => {
    const edit = (regionCode: string, patch: Record<string, unknown>, expected: Record<string, unknown>) =>
      h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode, patch, expected });
    const responses = await Promise.all([
      edit('01', { status: 'pilot' }, { status: 'not-started' }),
      edit('03', { status: 'live' }, { status: 'not-started' }),
      edit('01', { note: 'Kontakt tagen' }, { note: '' }),
    ]);
    expect(responses.every((r) => r.ok)).toBe(true);

    const cells = await cellsOf(first);
    expect(cells['01']).toMatchObject({ status: 'pilot', hasDetails: true });
    expect(cells['01']).not.toHaveProperty('note');
    expect(cells['03']).toMatchObject({ status: 'live', hasDetails: false });
    expect((await detailsOf(first, '01')).cell.note).toBe('Kontakt tagen');
    expect(dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: first })).entries).toHaveLength(3 + 1);
  });

  it('refuses a stale edit of the same field with the stored value, and keeps the stored value', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'live' }, expected: { status: 'not-started' } }));
    const before = h.writeUnits();

    const stale = await h.invoke('demo-editor', 'updateCell', {
      initiativeId: first,
      regionCode: '01',
      patch: { status: 'pilot', note: 'Min ändring' },
      expected: { status: 'not-started', note: '' },
    });

    expect(stale).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'CONFLICT',
        conflictingFields: ['status'],
        current: { status: 'live' },
        // Who changed it meanwhile, and when: the conflict dialog says so.
        changedByName: 'Eva Redaktör',
        changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    });
    expect(h.writeUnits()).toBe(before);
    expect((await cellsOf(first))['01']).toMatchObject({ status: 'live', hasDetails: false });
    // Neither field of the refused edit landed: the note is not stored either.
    expect((await detailsOf(first, '01')).cell.note).toBe('');
    expect(await allDetails()).toEqual([]);
  });

  it('refuses a stale edit of a note with the stored note, and keeps it', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { note: 'Först' }, expected: { note: '' } }));
    const before = h.writeUnits();
    const stale = await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { note: 'Min' }, expected: { note: '' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflictingFields: ['note'], current: { note: 'Först' }, changedByName: 'Eva Redaktör' } });
    expect(h.writeUnits()).toBe(before);
    expect((await detailsOf(first, '01')).cell.note).toBe('Först');
  });

  it('writes nothing and records nothing for a change to the value already stored', async () => {
    const before = h.writeUnits();
    const result = dataOf(
      await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'not-started' }, expected: { status: 'not-started' } }),
    );
    expect(result.initiativeVersion).toBe(1);
    expect(h.writeUnits()).toBe(before);
  });
});

describe('bulkUpdateCells', () => {
  it('sets one status in several regions in one change, with one history entry per region', async () => {
    const result = dataOf(
      await h.invoke('demo-editor', 'bulkUpdateCells', {
        initiativeId: first,
        regionCodes: ['01', '03', '04'],
        status: 'planning',
        expected: { '01': 'not-started', '03': 'not-started', '04': 'not-started' },
      }),
    );
    expect(result.cells.map((c) => [c.regionCode, c.status])).toEqual([
      ['01', 'planning'],
      ['03', 'planning'],
      ['04', 'planning'],
    ]);
    expect(result.initiativeVersion).toBe(2);

    const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: first, limit: 10 }));
    const bulk = history.entries.filter((e) => e.target === 'cell');
    expect(bulk.map((e) => e.regionCode).sort()).toEqual(['01', '03', '04']);
    expect(new Set(bulk.map((e) => e.at)).size).toBe(1);
  });

  it('changes all 21 regions at once', async () => {
    const codes = SWEDISH_REGIONS.map((r) => r.code);
    const response = await h.invoke('demo-editor', 'bulkUpdateCells', {
      initiativeId: first,
      regionCodes: codes,
      status: 'planning',
      expected: Object.fromEntries(codes.map((c) => [c, 'not-started'])),
    });
    expect(response.ok).toBe(true);
  });

  it('refuses all regions when one changed meanwhile', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '03', patch: { status: 'live' }, expected: { status: 'not-started' } }));
    const response = await h.invoke('demo-editor', 'bulkUpdateCells', {
      initiativeId: first,
      regionCodes: ['01', '03'],
      status: 'pilot',
      expected: { '01': 'not-started', '03': 'not-started' },
    });
    expect(response).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflictingFields: ['03'], current: { '03': 'live' } } });
    expect((await cellsOf(first))['01']).toMatchObject({ status: 'not-started' });
  });

  it('refuses more regions than one transaction can hold with LIMIT, writing nothing', async () => {
    const participants = Array.from({ length: 30 }, (_, k) => ({ code: `m${k}`, name: `Kommun ${k}`, short: `K${k}` }));
    const big = { ...(await programmeOf(inf.programmeId)), id: 'municipalities', spaceKey: 'EMPTY', participants, createdAt: '2020-01-01T00:00:00.000Z' };
    await seedProgramme(big, [seedInitiative({ id: 'm-init', programmeId: 'municipalities', order: 0 })]);
    const before = h.writeUnits();

    const codes = participants.map((p) => p.code);
    const response = await h.invoke(
      'demo-editor',
      'bulkUpdateCells',
      { initiativeId: 'm-init', regionCodes: codes, status: 'pilot', expected: Object.fromEntries(codes.map((c) => [c, 'not-started'])) },
      { pageId: '3001' },
    );

    expect(response).toMatchObject({ ok: false, error: { code: 'LIMIT' } });
    expect(h.writeUnits()).toBe(before);
  });
});

async function programmeOf(programmeId: string) {
  return (await getProgramme(programmeId))!;
}

describe('upsertInitiative and setInitiativeArchived', () => {
  it('creates an initiative last, with the programme milestones', async () => {
    const { initiative: created } = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...FIELDS, name: 'Tredje' } }));
    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}, { moduleKey: 'support-plan' }));
    if (view.state !== 'ready' || view.view.macro !== 'support-plan') throw new Error('no view');
    expect(view.view.initiatives.map((i) => i.initiative.name)).toEqual(['Införande 1', 'Införande 2', 'Tredje']);
    expect(view.view.initiatives[2]!.initiative.id).toBe(created.id);
    expect(view.view.initiatives[2]!.milestones).toHaveLength(11);
  });

  it('edits details with the field-level conflict rule', async () => {
    const ok = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { id: first, patch: { summary: 'Ny' }, expected: { summary: '' } }));
    expect(ok.initiative).toMatchObject({ summary: 'Ny', version: 2, updatedByName: 'Eva Redaktör' });
    const stale = await h.invoke('demo-editor', 'upsertInitiative', { id: first, patch: { summary: 'Annan' }, expected: { summary: '' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', conflictingFields: ['summary'], current: { summary: 'Ny' } } });
  });

  it('archiving hides the initiative from the overview; restoring brings it back', async () => {
    dataOf(await h.invoke('demo-editor', 'setInitiativeArchived', { id: first, archived: true }));
    expect(await rowNames()).toEqual(['Införande 2']);
    dataOf(await h.invoke('demo-editor', 'setInitiativeArchived', { id: first, archived: false }));
    expect(await rowNames()).toEqual(['Införande 1', 'Införande 2']);
  });

  it('lists archived initiatives for the manage panel when asked, whatever the macro shows', async () => {
    dataOf(await h.invoke('demo-editor', 'setInitiativeArchived', { id: first, archived: true }));
    const view = dataOf(await h.invoke('demo-editor', 'getView', { includeArchived: true }));
    const rows = view.state === 'ready' ? (view.view as RolloutStatusView).rows : [];
    expect(rows.map((r) => [r.initiative.name, r.initiative.archived])).toEqual([
      ['Införande 1', true],
      ['Införande 2', false],
    ]);
  });

  it('restoring an old detail from history is a new change, recorded with its old and new value', async () => {
    dataOf(await h.invoke('demo-editor', 'upsertInitiative', { id: first, patch: { name: 'Nytt namn' }, expected: { name: 'Införande 1' } }));
    // What the history panel's "Återställ" sends for that line.
    dataOf(await h.invoke('demo-editor', 'upsertInitiative', { id: first, patch: { name: 'Införande 1' }, expected: { name: 'Nytt namn' } }));
    const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: first }));
    const names = history.entries.filter((e) => e.target === 'initiative' && e.action === 'update').map((e) => e.changes);
    expect(names).toEqual([[{ field: 'name', old: 'Nytt namn', new: 'Införande 1' }], [{ field: 'name', old: 'Införande 1', new: 'Nytt namn' }]]);
    expect(await rowNames()).toEqual(['Införande 1', 'Införande 2']);
  });
});

async function rowNames(): Promise<string[]> {
  const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
  return view.state === 'ready' ? (view.view as RolloutStatusView).rows.map((r) => r.initiative.name) : [];
}

describe('reorderInitiatives', () => {
  it('changes the order every overview shows, rewriting only the moved initiative', async () => {
    const { initiative: third } = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...FIELDS, name: 'Införande 3' } }));
    const before = h.writeUnits();
    dataOf(await h.invoke('demo-editor', 'reorderInitiatives', { ids: [third.id, ...inf.initiativeIds] }));
    expect(await rowNames()).toEqual(['Införande 3', 'Införande 1', 'Införande 2']);
    // One initiative record, one history entry and the revision: 3 small writes.
    expect(h.writeUnits() - before).toBe(3);
  });

  it('refuses with LIMIT, writing nothing, when more initiatives move than one change can hold', async () => {
    const many = Array.from({ length: 30 }, (_, k) => seedInitiative({ id: `bulk-${k}`, programmeId: inf.programmeId, order: 10_000 + k * 1024 }));
    await seedProgramme(await programmeOf(inf.programmeId), many);
    const all = [...inf.initiativeIds, ...many.map((i) => i.id)];
    const before = h.writeUnits();

    const response = await h.invoke('demo-editor', 'reorderInitiatives', { ids: [...all].reverse() });

    expect(response).toMatchObject({ ok: false, error: { code: 'LIMIT' } });
    expect(h.writeUnits()).toBe(before);
  });
});

describe('getHistory', () => {
  it('pages newest first, and filters by region', async () => {
    for (const [k, status] of (['planning', 'pilot', 'rollout', 'live'] as const).entries()) {
      const previous = k === 0 ? 'not-started' : (['planning', 'pilot', 'rollout'] as const)[k - 1];
      dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { status }, expected: { status: previous } }));
    }
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '03', patch: { note: 'x' }, expected: { note: '' } }));

    const page1 = dataOf(await h.invoke('demo-viewer', 'getHistory', { regionCode: '01', limit: 3 }));
    expect(page1.entries.map((e) => e.changes[0]!.new)).toEqual(['live', 'rollout', 'pilot']);
    expect(page1.entries[0]).toMatchObject({ by: 'demo-editor', byName: 'Eva Redaktör', initiativeId: first, regionCode: '01' });
    const page2 = dataOf(await h.invoke('demo-viewer', 'getHistory', { regionCode: '01', limit: 3, cursor: page1.cursor! }));
    expect(page2.entries.map((e) => e.changes[0]!.new)).toEqual(['planning']);
    expect(page2.cursor).toBeNull();

    const all = dataOf(await h.invoke('demo-viewer', 'getHistory', { limit: 50 }));
    // 5 cell edits, 2 initiatives created, 1 programme created.
    expect(all.entries).toHaveLength(8);
    expect(all.entries.map((e) => e.at)).toEqual([...all.entries.map((e) => e.at)].sort().reverse());
  });

  it('does not read history of an initiative of another programme', async () => {
    const response = await h.invoke('demo-viewer', 'getHistory', { initiativeId: 'not-here' });
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
