/**
 * getDetails through the real handler: notes, links, contacts and need notes are stored apart from what the
 * overviews draw and read on demand, per cell, per initiative, per participant or for the whole programme
 * (decision 0017). The same read rule as every other read; pages stay below the response budget.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { DETAILS_PAGE_BYTES } from '../../src/storage';
import type { DetailsEntry, DetailsPage, RolloutStatusView, SupportPlanView, TechnicalNeedsView } from '../../src/shared/contract';
import { DEFAULT_CELL_DETAILS, type Participant } from '../../src/shared/model';
import { LIMITS } from '../../src/shared/schemas';
import { seedProgramme } from '../../src/storage';
import { need, programme } from '../domain/fixtures';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { seedCell, seedInitiative } from './resolver-fixtures';

const NAMED: Participant[] = [
  { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
  { code: '03', name: 'Region Uppsala', short: 'Uppsala' },
  { code: '04', name: 'Region Sörmland', short: 'Sörmland' },
];
const MORE: Participant[] = Array.from({ length: 127 }, (_, k) => {
  const code = `k${String(k).padStart(3, '0')}`;
  return { code, name: `Kommun ${code}`, short: code };
});
const ALL = [...NAMED, ...MORE];

/** The oldest programme of space INF, so page 1001 shows it; unpublished. */
const PROG = programme({ id: 'prog-d', spaceKey: 'INF', published: false, participants: ALL, createdAt: '2020-01-01T00:00:00.000Z' });

const STOCKHOLM = { note: 'Pilot på två vårdcentraler', link: 'https://confluence.example/stockholm', regionalContact: 'Anna Lindqvist', nationalContact: 'Inera' };
/** big: every participant has a note; small: 01 has cell details, 03 only a plan, 04 only a need note; empty: none. */
const INITIATIVES = [
  seedInitiative({
    id: 'big',
    programmeId: PROG.id,
    order: 0,
    cells: Object.fromEntries(ALL.map((p) => [p.code, seedCell({ status: 'planning', note: `Anteckning ${p.code}` })])),
  }),
  seedInitiative({
    id: 'small',
    programmeId: PROG.id,
    order: 1,
    cells: {
      '01': seedCell({ status: 'pilot', contactEstablished: true, ...STOCKHOLM }),
      '03': seedCell({ status: 'pilot', pilotStart: '2026-02' }),
    },
    needs: [
      {
        ...need({ id: 'hsa', title: 'HSA' }),
        progress: {
          '03': { progress: 'in-progress', note: '', updatedAt: null },
          '04': { progress: 'done', note: 'Beställt i mars', updatedAt: null },
        },
      },
    ],
  }),
  seedInitiative({ id: 'empty', programmeId: PROG.id, order: 2 }),
];

/** A programme of space OTHER, whose initiative must not be reachable from the INF page. */
const FOREIGN = programme({ id: 'prog-o', spaceKey: 'OTHER', published: true, createdAt: '2020-01-01T00:00:00.000Z' });
const FOREIGN_INITIATIVE = seedInitiative({ id: 'foreign', programmeId: FOREIGN.id, cells: { '01': seedCell({ note: 'Främmande anteckning' }) } });

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  await seedProgramme(PROG, INITIATIVES);
  await seedProgramme(FOREIGN, [FOREIGN_INITIATIVE]);
});

const details = async (payload: Record<string, unknown>, user: DemoUserId = 'demo-viewer', options?: InvokeOptions) =>
  dataOf(await h.invoke(user, 'getDetails', payload, options));

/** Every page of one scope, following the cursor to the end. */
async function allPages(payload: Record<string, unknown>, options?: InvokeOptions): Promise<DetailsPage[]> {
  const pages: DetailsPage[] = [];
  let cursor: string | null = null;
  do {
    pages.push(await details(cursor === null ? payload : { ...payload, cursor }, 'demo-viewer', options));
    cursor = pages.at(-1)!.cursor;
  } while (cursor !== null);
  return pages;
}

const keyOf = (e: DetailsEntry) => `${e.initiativeId}:${e.regionCode}`;
const noDetails = { cell: DEFAULT_CELL_DETAILS, needNotes: {} };

describe('getDetails for one cell', () => {
  it('returns the cell’s details and need notes', async () => {
    expect((await details({ initiativeId: 'small', regionCode: '01' })).entries).toEqual([
      { initiativeId: 'small', regionCode: '01', cell: STOCKHOLM, needNotes: {} },
    ]);
    expect((await details({ initiativeId: 'small', regionCode: '04' })).entries).toEqual([
      { initiativeId: 'small', regionCode: '04', cell: DEFAULT_CELL_DETAILS, needNotes: { hsa: 'Beställt i mars' } },
    ]);
  });

  it('returns empty details for a cell without any, and no cursor', async () => {
    const page = await details({ initiativeId: 'small', regionCode: '03' });
    expect(page).toMatchObject({ entries: [{ initiativeId: 'small', regionCode: '03', ...noDetails }], cursor: null });
    // Nothing recorded for the seeded cell: no last change, even for a signed-in reader.
    expect(page.lastChange ?? null).toBeNull();
  });

  it('tells a signed-in reader who changed the cell last, and an anonymous one only the details', async () => {
    dataOf(
      await h.invoke('demo-editor', 'updateCell', {
        initiativeId: 'small',
        regionCode: '01',
        patch: { note: 'Pilot klar' },
        expected: { note: STOCKHOLM.note },
      }),
    );

    const signedIn = await details({ initiativeId: 'small', regionCode: '01' });
    expect(signedIn.entries[0]!.cell).toEqual({ ...STOCKHOLM, note: 'Pilot klar' });
    expect(signedIn.lastChange).toEqual({ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), byName: 'Eva Redaktör' });

    const anonymous = await details({ initiativeId: 'small', regionCode: '01' }, 'anonymous');
    expect(anonymous.entries[0]!.cell.note).toBe('Pilot klar');
    expect(anonymous.lastChange ?? null).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain('Eva Redaktör');
    expect(JSON.stringify(anonymous)).not.toContain('demo-editor');
  });
});

describe('getDetails for an initiative', () => {
  it('returns only the participants that have details', async () => {
    const [page, ...rest] = await allPages({ initiativeId: 'small' });
    expect(rest).toEqual([]);
    expect(page!.entries.map(keyOf).sort()).toEqual(['small:01', 'small:04']);
    expect(page!.entries.find((e) => e.regionCode === '01')).toEqual({ initiativeId: 'small', regionCode: '01', cell: STOCKHOLM, needNotes: {} });
    expect(page!.lastChange).toBeUndefined();
    expect((await details({ initiativeId: 'empty' })).entries).toEqual([]);
  });

  it('pages through more than 100 participants with the cursor, each exactly once', async () => {
    const pages = await allPages({ initiativeId: 'big' });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.entries).toHaveLength(100);
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e) => e.regionCode).sort()).toEqual(ALL.map((p) => p.code).sort());
    for (const e of entries) expect(e).toEqual({ initiativeId: 'big', regionCode: e.regionCode, cell: { ...DEFAULT_CELL_DETAILS, note: `Anteckning ${e.regionCode}` }, needNotes: {} });
  });
});

describe('getDetails for a participant', () => {
  it('returns one entry per initiative, in programme order, with or without details', async () => {
    const page = await details({ regionCode: '01' });
    expect(page.cursor).toBeNull();
    expect(page.entries).toEqual([
      { initiativeId: 'big', regionCode: '01', cell: { ...DEFAULT_CELL_DETAILS, note: 'Anteckning 01' }, needNotes: {} },
      { initiativeId: 'small', regionCode: '01', cell: STOCKHOLM, needNotes: {} },
      { initiativeId: 'empty', regionCode: '01', ...noDetails },
    ]);
    expect((await details({ regionCode: '04' })).entries.map((e) => [e.initiativeId, e.needNotes])).toEqual([
      ['big', {}],
      ['small', { hsa: 'Beställt i mars' }],
      ['empty', {}],
    ]);
  });

  it('pages by 100 initiatives when the programme has more', async () => {
    const many = programme({ id: 'prog-many', spaceKey: 'EMPTY', participants: NAMED, createdAt: '2020-01-01T00:00:00.000Z' });
    await seedProgramme(
      many,
      Array.from({ length: 105 }, (_, k) =>
        seedInitiative({ id: `i${String(k).padStart(3, '0')}`, programmeId: many.id, order: k, cells: { '03': seedCell({ note: `Not ${k}` }) } }),
      ),
    );
    const pages = await allPages({ regionCode: '03' }, { pageId: '3001' });
    expect(pages.map((p) => p.entries.length)).toEqual([100, 5]);
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e) => e.cell.note)).toEqual(Array.from({ length: 105 }, (_, k) => `Not ${k}`));
  });
});

describe('getDetails for the whole programme', () => {
  it('follows the cursor to the end and returns every stored detail exactly once', async () => {
    const pages = await allPages({});
    expect(pages.length).toBeGreaterThan(1);
    const entries = pages.flatMap((p) => p.entries);
    const keys = entries.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...ALL.map((p) => `big:${p.code}`), 'small:01', 'small:04'].sort());
    expect(entries.find((e) => keyOf(e) === 'small:04')).toEqual({ initiativeId: 'small', regionCode: '04', cell: DEFAULT_CELL_DETAILS, needNotes: { hsa: 'Beställt i mars' } });
    // Only this programme's details: the other space's programme stays out.
    expect(JSON.stringify(pages)).not.toContain('Främmande');
  });

  it('keeps every page within the response budget when the notes are at their maximum, still each exactly once', async () => {
    const full = programme({ id: 'prog-full', spaceKey: 'EMPTY', participants: MORE.slice(0, 60), createdAt: '2020-01-01T00:00:00.000Z' });
    const longNote = (seed: string) => seed.padEnd(LIMITS.note, '.');
    const needIds = Array.from({ length: LIMITS.needsPerInitiative }, (_, n) => `need-${n}`);
    await seedProgramme(full, [
      seedInitiative({
        id: 'full',
        programmeId: full.id,
        cells: Object.fromEntries(full.participants.map((p) => [p.code, seedCell({ note: longNote(`Anteckning ${p.code}`) })])),
        needs: needIds.map((id) => ({
          ...need({ id, title: id }),
          progress: Object.fromEntries(full.participants.map((p) => [p.code, { progress: 'in-progress' as const, note: longNote(`${id} ${p.code}`), updatedAt: null }])),
        })),
      }),
    ]);

    const pages = await allPages({}, { pageId: '3001' });
    // 60 records of some 26 KB are one storage page, but more than one response.
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(DETAILS_PAGE_BYTES * 1.1);
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.map((e) => e.regionCode).sort()).toEqual(full.participants.map((p) => p.code).sort());
    for (const e of entries) {
      expect(e.cell.note).toBe(longNote(`Anteckning ${e.regionCode}`));
      expect(Object.keys(e.needNotes).sort()).toEqual([...needIds].sort());
    }
  });
});

describe('the overviews carry flags, not details', () => {
  it('marks cells and need entries that have details, without their text', async () => {
    const view = async (moduleKey: string) => {
      const response = dataOf(await h.invoke('demo-viewer', 'getView', {}, { moduleKey }));
      if (response.state !== 'ready') throw new Error('no view');
      expect(JSON.stringify(response)).not.toMatch(/Pilot på två|Anna Lindqvist|Beställt i mars|Anteckning/);
      return response.view;
    };
    const rollout = (await view('rollout-status')) as RolloutStatusView;
    const small = rollout.rows.find((r) => r.initiative.id === 'small')!;
    expect(small.cells.filter((c) => c.hasDetails).map((c) => c.regionCode)).toEqual(['01']);

    const needs = (await view('technical-needs')) as TechnicalNeedsView;
    const hsa = needs.initiatives.find((i) => i.initiative.id === 'small')!.needs[0]!;
    expect(hsa.progress.filter((p) => p.hasNote).map((p) => p.regionCode)).toEqual(['04']);

    const support = (await view('support-plan')) as SupportPlanView;
    const contacts = support.initiatives.find((i) => i.initiative.id === 'small')!.contacts;
    expect(contacts.find((c) => c.regionCode === '01')).toMatchObject({ established: true, hasDetails: true });
    expect(contacts.find((c) => c.regionCode === '03')).toMatchObject({ hasDetails: false });
  });
});

describe('getDetails: what may be read, and where', () => {
  const SCOPES = [{ initiativeId: 'small', regionCode: '01' }, { initiativeId: 'small' }, { regionCode: '01' }, {}];

  it.each([[{ initiativeId: 'foreign', regionCode: '01' }], [{ initiativeId: 'foreign' }]])(
    'refuses an initiative of another programme with NOT_FOUND, and shows none of it: %o',
    async (payload) => {
      const response = await h.invoke('demo-viewer', 'getDetails', payload);
      expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(response)).not.toContain('Främmande');
    },
  );

  it('refuses an unknown participant with NOT_FOUND', async () => {
    for (const payload of [{ initiativeId: 'small', regionCode: '99' }, { regionCode: '99' }]) {
      expect(await h.invoke('demo-viewer', 'getDetails', payload)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await h.invoke('demo-viewer', 'getDetails', { initiativeId: 'no-such' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each(['anonymous', 'demo-viewer', 'demo-editor', 'demo-editor-other'] as const)(
    'never lets an unpublished programme’s details leave its space: %s on the OTHER page gets PERMISSION',
    async (user) => {
      for (const scope of SCOPES) {
        const response = await h.invoke(user, 'getDetails', scope, { pageId: '2001', config: { programmeId: PROG.id } });
        expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unpublished' }) });
        expect(JSON.stringify(response)).not.toMatch(/Pilot på två|Anteckning|Beställt/);
      }
    },
  );

  it('serves a published programme’s details on a page of another space', async () => {
    const page = await details({ initiativeId: 'foreign', regionCode: '01' }, 'anonymous', { pageId: '3001', config: { programmeId: FOREIGN.id } });
    expect(page.entries[0]!.cell.note).toBe('Främmande anteckning');
  });

  it.each([
    [{ cursor: 'garbage' }],
    [{ cursor: Buffer.from('{"s":-1}').toString('base64url') }],
    [{ initiativeId: 'big', cursor: 'not a cursor' }],
    [{ regionCode: '01', cursor: 'x' }],
    [{ regionCode: '01', cursor: '-1' }],
    [{ regionCode: '01', cursor: '1.5' }],
    [{ regionCode: '01', cursor: '4' }],
  ])('refuses a forged cursor with VALIDATION: %o', async (payload) => {
    expect(await h.invoke('demo-viewer', 'getDetails', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'cursor' }] } });
  });

  // A cursor that has the app's form but carries a storage cursor the KVS refuses (forged, or one from
  // another scope) is the caller's mistake (issue 12, finding 4).
  it('refuses a well-formed cursor that storage does not accept with VALIDATION', async () => {
    const first = await details({ initiativeId: 'big' });
    const forged = Buffer.from(JSON.stringify({ c: 'forged', s: 0 })).toString('base64url');
    expect(await h.invoke('demo-viewer', 'getDetails', { cursor: forged })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A cursor of one initiative's details replayed for the whole programme.
    expect(await h.invoke('demo-viewer', 'getDetails', { cursor: first.cursor })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('rejects unknown payload fields', async () => {
    expect(await h.invoke('demo-viewer', 'getDetails', { programmeId: PROG.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
