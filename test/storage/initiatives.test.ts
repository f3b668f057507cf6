import {
  getInitiative,
  listInitiatives,
  queryHistory,
  readRevision,
  seedProgramme,
  updateInitiativeWith,
} from '../../src/storage';
import type { Initiative } from '../../src/shared/model';
import { cell, initiative, need } from '../domain/fixtures';
import { appErrorOf } from '../helpers/app-error';
import { createHarness, type Harness } from '../helpers/forge-harness';
import { filledInitiative, historyAt, regionalProgramme } from './storage-fixtures';

const withNote = (note: string) => (current: Initiative) => ({
  next: { ...current, cells: { ...current.cells, '01': { ...current.cells['01']!, note } } },
  history: [historyAt(current.programmeId, 1, { id: `h-${note}`, initiativeId: current.id, regionCode: '01' })],
});

let h: Harness;
beforeEach(() => {
  h = createHarness();
});

describe('initiative records', () => {
  it('come back exactly as stored, with cells, needs and milestones', async () => {
    const full = initiative({
      id: 'init-full',
      programmeId: 'prog-s',
      cells: { '01': cell({ status: 'pilot', note: 'å ä ö', link: 'https://x.se/' }), '03': cell() },
      needs: [need({ progress: { '01': { progress: 'done', note: 'klar', updatedAt: null, updatedBy: null, updatedByName: null } } })],
      milestones: [{ id: 'plan', phase: 'planering', title: 'Plan', done: true, dueMonth: '2026-02', doneOn: '2026-02-10' }],
    });
    await seedProgramme(regionalProgramme(), [full]);
    expect(await getInitiative('init-full')).toEqual(full);
  });

  it('are all listed, following cursors past the 100-item page limit', async () => {
    const many = Array.from({ length: 230 }, (_, k) => initiative({ id: `i-${k}`, programmeId: 'prog-s', order: k }));
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
    const { initiative: saved, revision, changed } = await updateInitiativeWith('init-1', withNote('ny'), { programmeId: 'prog-s' });

    expect(changed).toBe(true);
    expect(saved.version).toBe(4);
    expect((await getInitiative('init-1'))?.cells['01']?.note).toBe('ny');
    expect(revision).not.toBe(before);
    expect(await readRevision()).toBe(revision);
    expect((await queryHistory({ programmeId: 'prog-s', limit: 10 })).entries.map((e) => e.id)).toEqual(['h-ny']);
  });

  it('writes nothing when the storage rejects any part of the change', async () => {
    const before = { initiative: await getInitiative('init-1'), revision: await readRevision(), writes: h.writeUnits() };
    // A history id the KVS refuses as a key: the whole transaction must fail, not just that entry.
    const broken = (current: Initiative) => ({ ...withNote('ny')(current), history: [historyAt('prog-s', 1, { id: 'bad/key' })] });
    await expect(updateInitiativeWith('init-1', broken)).rejects.toThrow();

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
    const huge = (current: Initiative) => ({
      next: { ...current, cells: Object.fromEntries(Array.from({ length: 150 }, (_, k) => [`r${k}`, cell({ note: 'x'.repeat(2000) })])) },
      history: [historyAt('prog-s', 1, { initiativeId: current.id })],
    });
    const error = await appErrorOf(() => updateInitiativeWith('init-1', huge));
    expect(error.code).toBe('LIMIT');
    expect(error.message).toMatch(/240 KiB/);
    expect(h.writeUnits()).toBe(before);
  });

  it('reports an initiative of another programme as not found', async () => {
    const error = await appErrorOf(() => updateInitiativeWith('init-1', withNote('x'), { programmeId: 'prog-other' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
