import {
  getInitiative,
  listInitiatives,
  queryDetailsPage,
  queryHistory,
  readDetails,
  readRevision,
  seedProgramme,
  updateInitiativeWith,
} from '../../src/storage';
import { splitDetails, type Initiative } from '../../src/shared/model';
import { cell, initiative, need } from '../domain/fixtures';
import { appErrorOf } from '../helpers/app-error';
import { createHarness, type Harness } from '../helpers/forge-harness';
import { filledInitiative, historyAt, regionalProgramme, withoutDetails } from './storage-fixtures';

const withNote = (note: string) => (current: Initiative, loaded: Map<string, { cell: { note: string; link: string | null; regionalContact: string; nationalContact: string }; needNotes: Record<string, string> }>) => ({
  next: { ...current, cells: { ...current.cells, '01': { ...current.cells['01']!, hasDetails: true } } },
  details: new Map([['01', { ...loaded.get('01')!, cell: { ...loaded.get('01')!.cell, note } }]]),
  history: [historyAt(current.programmeId, 1, { id: `h-${note}`, initiativeId: current.id, regionCode: '01' })],
});

let h: Harness;
beforeEach(() => {
  h = createHarness();
});

describe('initiative records', () => {
  it('come back exactly as stored: what the views draw in the initiative, the details apart', async () => {
    const full = {
      ...withoutDetails(
        initiative({
          id: 'init-full',
          programmeId: 'prog-s',
          cells: {
            '01': cell({ status: 'pilot', pilotStart: '2026-02', pilotEnd: '2026-05', broadStart: '2099-12', contactEstablished: true, contactSince: '2026-01-31', updatedAt: '2026-11-01T00:00:00.000Z' }),
            '03': cell({ status: 'planning', updatedAt: null }),
          },
          milestones: [{ id: 'plan', phase: 'planering', title: 'Plan', done: true, dueMonth: '2026-02', doneOn: '2026-02-10' }],
        }),
      ),
      needs: [{ ...need(), progress: { '01': { progress: 'done' as const, note: 'klar', updatedAt: '2026-10-01T00:00:00.000Z' } } }],
    };
    full.cells['01'] = { ...full.cells['01'], note: 'å ä ö', link: 'https://x.se/' };
    await seedProgramme(regionalProgramme(), [full]);
    const { initiative: lean } = splitDetails(full);
    expect(await getInitiative('init-full')).toEqual(lean);
    expect(lean.cells['01']).toMatchObject({ hasDetails: true, status: 'pilot' });
    expect(lean.needs[0].progress['01']).toEqual({ progress: 'done', updatedAt: '2026-10-01T00:00:00.000Z', hasNote: true });
    const details = await readDetails('init-full', ['01', '03']);
    expect(details.get('01')).toEqual({ cell: { note: 'å ä ö', link: 'https://x.se/', regionalContact: '', nationalContact: '' }, needNotes: { 'need-1': 'klar' } });
    expect(details.get('03')?.cell.note).toBe('');
    const page = await queryDetailsPage({ initiativeId: 'init-full' });
    expect(page.entries.map((e) => e.code)).toEqual(['01']);
  });

  it('keep an updated time to the day, as the domain asks', async () => {
    const lean = initiative({ id: 'init-day', programmeId: 'prog-s', cells: { '01': cell({ updatedAt: '2026-11-01T15:42:10.123Z' }) } });
    await seedProgramme(regionalProgramme(), [withoutDetails(lean)]);
    expect((await getInitiative('init-day'))?.cells['01']?.updatedAt).toBe('2026-11-01T00:00:00.000Z');
  });

  it('are all listed, following cursors past the 100-item page limit', async () => {
    const many = Array.from({ length: 230 }, (_, k) => withoutDetails(initiative({ id: `i-${k}`, programmeId: 'prog-s', order: k })));
    await seedProgramme(regionalProgramme(), many);
    const listed = await listInitiatives('prog-s');
    expect(listed.map((i) => i.id)).toEqual(many.map((i) => i.id));
  });
});

describe('updateInitiativeWith', () => {
  beforeEach(async () => {
    await seedProgramme(regionalProgramme(), [filledInitiative('prog-s', 1)]);
  });

  it('writes the record, its history and a new revision together', async () => {
    const before = await readRevision();
    const { initiative: saved, revision, changed } = await updateInitiativeWith('init-1', withNote('ny'), { programmeId: 'prog-s', detailsFor: ['01'] });

    expect(changed).toBe(true);
    expect(saved.version).toBe(4);
    expect((await readDetails('init-1', ['01'])).get('01')?.cell.note).toBe('ny');
    expect(revision).not.toBe(before);
    expect(await readRevision()).toBe(revision);
    expect((await queryHistory({ programmeId: 'prog-s', limit: 10 })).entries.map((e) => e.id)).toEqual(['h-ny']);
  });

  it('writes nothing when the storage rejects any part of the change', async () => {
    const before = { initiative: await getInitiative('init-1'), revision: await readRevision(), writes: h.writeUnits() };
    // A history id the KVS refuses as a key: the whole transaction must fail, not just that entry.
    const broken: Parameters<typeof updateInitiativeWith>[1] = (current, loaded) => ({ ...withNote('ny')(current, loaded), history: [historyAt('prog-s', 1, { id: 'bad/key' })] });
    await expect(updateInitiativeWith('init-1', broken, { detailsFor: ['01'] })).rejects.toThrow();
    expect((await readDetails('init-1', ['01'])).get('01')?.cell.note).toBe('Anteckning för Region Stockholm');

    expect(await getInitiative('init-1')).toEqual(before.initiative);
    expect(await readRevision()).toBe(before.revision);
    expect(h.writeUnits()).toBe(before.writes);
    expect((await queryHistory({ programmeId: 'prog-s', limit: 10 })).entries).toEqual([]);
  });

  it('re-applies a change that lost a race, so both writers land, and records only committed attempts', async () => {
    const attempts = { a: 0, b: 0 };
    const edit = (who: 'a' | 'b', field: 'name' | 'summary') => (current: Initiative) => {
      attempts[who]++;
      return {
        next: { ...current, [field]: `från ${who}` },
        history: [historyAt('prog-s', attempts[who], { id: `h-${who}-${attempts[who]}`, initiativeId: current.id })],
      };
    };
    await Promise.all([updateInitiativeWith('init-1', edit('a', 'name')), updateInitiativeWith('init-1', edit('b', 'summary'))]);

    const stored = await getInitiative('init-1');
    expect(stored).toMatchObject({ name: 'från a', summary: 'från b', version: 5 });
    expect(attempts.a + attempts.b).toBe(3);
    const ids = (await queryHistory({ programmeId: 'prog-s', limit: 10 })).entries.map((e) => e.id).sort();
    expect(ids).toEqual(attempts.a === 2 ? ['h-a-2', 'h-b-1'] : ['h-a-1', 'h-b-2']);
  });

  it('refuses a record over 240 KiB with LIMIT before sending it', async () => {
    const before = h.writeUnits();
    // Far more than the schemas allow (60 needs with 4,000-character descriptions of random text).
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 20000))).join('');
    const huge = (current: Initiative) => ({
      next: { ...current, needs: Array.from({ length: 60 }, (_, k) => need({ id: `n${k}`, description: noise(4000) })) },
      history: [historyAt('prog-s', 1, { initiativeId: current.id })],
    });
    const error = await appErrorOf(() => updateInitiativeWith('init-1', huge));
    expect(error.code).toBe('LIMIT');
    expect(error.message).toMatch(/240 KiB/);
    expect(h.writeUnits()).toBe(before);
  });

  it('reports an initiative of another programme as not found', async () => {
    const error = await appErrorOf(() => updateInitiativeWith('init-1', withNote('x'), { programmeId: 'prog-other', detailsFor: ['01'] }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
