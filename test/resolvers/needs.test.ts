/**
 * Technical needs through the real handler and the local KVS (issue 8, "Editors" and "Bad input"): adding,
 * editing, reordering, removing and restoring needs, a participant's progress and note, bulk progress, the
 * history by need, the caps, and who may do it. Every refused call leaves the store exactly as it was.
 */
import { kvs } from '@forge/kvs';
import type { DemoUserId } from '../../dev/demo-users';
import { withNeedNote } from '../../src/domain/edits';
import type { ResolverName, RolloutStatusView, TechnicalNeedsView } from '../../src/shared/contract';
import type { ParticipantDetails, Participant } from '../../src/shared/model';
import { DEFAULT_CELL_DETAILS } from '../../src/shared/model';
import { NEED_CATALOGUE_KEYS, needFromCatalogue } from '../../src/shared/need-catalogue';
import { LIMITS, needFieldsSchema } from '../../src/shared/schemas';
import { LOCALES } from '../../src/shared/vocabulary';
import { getProgramme, seedProgramme } from '../../src/storage';
import { encodeDetails, expand } from '../../src/storage/codec';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, seedInitiative, type InfProgramme } from './resolver-fixtures';

const NEED = { title: 'Anslutning till tjänstekontrakt', category: 'service-contract', required: true, description: 'Via tjänsteplattformen.', link: null } as const;
const VALUE_LIMIT = 240 * 1024;
const wide = (n: number) => '€'.repeat(n);

let h: Harness;
let inf: InfProgramme;
let first: string;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  first = inf.initiativeIds[0]!;
});

const editor = <N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions) => h.invoke('demo-editor', name, payload, options);

async function addNeed(fields: Record<string, unknown> = {}, initiativeId = first) {
  return dataOf(await editor('upsertNeed', { initiativeId, fields: { ...NEED, ...fields } }));
}

async function needsView(initiativeId = first) {
  const view = dataOf(await h.invoke('demo-viewer', 'getView', {}, { moduleKey: 'technical-needs' }));
  if (view.state !== 'ready') throw new Error('no view');
  return (view.view as TechnicalNeedsView).initiatives.find((i) => i.initiative.id === initiativeId)!.needs;
}

async function matrixCell(regionCode: string, initiativeId = first) {
  const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
  if (view.state !== 'ready') throw new Error('no view');
  return (view.view as RolloutStatusView).rows.find((r) => r.initiative.id === initiativeId)!.cells.find((c) => c.regionCode === regionCode)!;
}

async function needNotes(regionCode: string, initiativeId = first) {
  const page = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId, regionCode }));
  return page.entries[0]?.needNotes ?? {};
}

async function needHistory(needId: string, initiativeId = first) {
  return dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId, needId, limit: 50 })).entries;
}

/** A refused call: the typed error, and nothing written at all. */
async function refused<N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions, user: DemoUserId = 'demo-editor') {
  const before = h.storeText();
  const response = await h.invoke(user, name, payload, options);
  expect(h.storeText()).toBe(before);
  if (response.ok) throw new Error(`Expected ${name} to be refused`);
  return response.error;
}

describe('upsertNeed', () => {
  it('adds a need last, with no progress, records it and shows it in the technical-needs view', async () => {
    const a = await addNeed();
    const b = await addNeed({ title: 'HSA', category: 'support-service', required: false });
    expect(a).toMatchObject({ initiativeId: first, position: 0, need: { ...NEED, id: expect.any(String) }, initiativeVersion: 2 });
    expect(b).toMatchObject({ position: 1, need: { title: 'HSA', required: false }, initiativeVersion: 3 });
    expect(a.need).not.toHaveProperty('progress');

    const needs = await needsView();
    expect(needs.map((n) => n.title)).toEqual([NEED.title, 'HSA']);
    expect(needs[0]!.progress.every((p) => p.progress === 'not-started' && !p.hasNote)).toBe(true);
    // A new required need is open in every region: the status matrix counts it.
    expect((await matrixCell('01')).openRequiredNeeds).toBe(1);

    expect(await needHistory(a.need.id)).toMatchObject([
      { target: 'need', action: 'create', needId: a.need.id, initiativeId: first, byName: 'Eva Redaktör', changes: expect.arrayContaining([{ field: 'title', old: null, new: NEED.title }]) },
    ]);
  });

  it('edits a need field by field, and refuses a stale edit of the same field with the stored value', async () => {
    const { need } = await addNeed();
    const edited = dataOf(await editor('upsertNeed', { initiativeId: first, needId: need.id, patch: { required: false, link: 'https://www.inera.se/' }, expected: { required: true, link: null } }));
    expect(edited.need).toMatchObject({ id: need.id, required: false, link: 'https://www.inera.se/', title: NEED.title });
    expect((await matrixCell('01')).openRequiredNeeds).toBe(0);

    // Another editor's change of a different field still lands.
    dataOf(await editor('upsertNeed', { initiativeId: first, needId: need.id, patch: { title: 'Tjänstekontrakt' }, expected: { title: NEED.title } }));

    const error = await refused('upsertNeed', { initiativeId: first, needId: need.id, patch: { required: true }, expected: { required: true } });
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['required'], current: { required: false }, changedByName: 'Eva Redaktör' });
    expect((await needHistory(need.id)).map((e) => e.action)).toEqual(['update', 'update', 'create']);
  });

  it('writes nothing for a change to the value already stored', async () => {
    const { need } = await addNeed();
    const before = h.storeText();
    const same = dataOf(await editor('upsertNeed', { initiativeId: first, needId: need.id, patch: { title: NEED.title }, expected: { title: NEED.title } }));
    expect(same.initiativeVersion).toBe(2);
    expect(h.storeText()).toBe(before);
  });

  it('refuses bad fields with their paths and writes nothing', async () => {
    const { need } = await addNeed();
    const tooLong = await refused('upsertNeed', { initiativeId: first, fields: { ...NEED, description: 'x'.repeat(LIMITS.needDescription + 1) } });
    expect(tooLong).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'fields.description' })] });
    const control = await refused('upsertNeed', { initiativeId: first, needId: need.id, patch: { title: 'HSA\u202E' }, expected: { title: NEED.title } });
    expect(control).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.title' })] });
    const badLink = await refused('upsertNeed', { initiativeId: first, fields: { ...NEED, link: 'javascript:alert(1)' } });
    expect(badLink).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'fields.link' })] });
    const badCategory = await refused('upsertNeed', { initiativeId: first, fields: { ...NEED, category: 'firewall' } });
    expect(badCategory).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'fields.category' })] });
    const noExpected = await refused('upsertNeed', { initiativeId: first, needId: need.id, patch: { title: 'HSA' }, expected: {} });
    expect(noExpected).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'expected.title', message: expect.any(String) }] });
  });

  it('refuses an unknown need and an initiative of no programme here with NOT_FOUND', async () => {
    const unknown = await refused('upsertNeed', { initiativeId: first, needId: 'no-such-need', patch: { title: 'HSA' }, expected: { title: NEED.title } });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'needId', message: expect.stringContaining('no-such-need') }] });
    expect(unknown.reason).toBeUndefined();
    expect(await refused('upsertNeed', { initiativeId: 'no-such-initiative', fields: NEED })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it(`accepts ${LIMITS.needsPerInitiative} needs and refuses one more with LIMIT (need-limit)`, async () => {
    for (let k = 0; k < LIMITS.needsPerInitiative; k++) await addNeed({ title: `Behov ${k + 1}`, description: 'x'.repeat(LIMITS.needDescription) });
    const error = await refused('upsertNeed', { initiativeId: first, fields: NEED });
    expect(error).toMatchObject({ code: 'LIMIT', reason: 'need-limit', issues: [{ path: 'fields', message: expect.any(String) }] });
    expect(await needsView()).toHaveLength(LIMITS.needsPerInitiative);
  });
});

describe('reorderNeeds', () => {
  it('stores the new order and records it once', async () => {
    const ids = [(await addNeed({ title: 'A' })).need.id, (await addNeed({ title: 'B' })).need.id, (await addNeed({ title: 'C' })).need.id];
    const result = dataOf(await editor('reorderNeeds', { initiativeId: first, needIds: [ids[2], ids[0], ids[1]] }));
    expect(result.needIds).toEqual([ids[2], ids[0], ids[1]]);
    expect((await needsView()).map((n) => n.title)).toEqual(['C', 'A', 'B']);
    const history = dataOf(await editor('getHistory', { initiativeId: first, limit: 1 })).entries;
    expect(history[0]).toMatchObject({ target: 'need', action: 'reorder', needId: null, changes: [{ field: 'order', old: ids, new: [ids[2], ids[0], ids[1]] }] });
  });

  it('refuses a stale order (a need added meanwhile), a duplicate and an unknown id, writing nothing', async () => {
    const a = (await addNeed({ title: 'A' })).need.id;
    const b = (await addNeed({ title: 'B' })).need.id;
    const stale = await refused('reorderNeeds', { initiativeId: first, needIds: [b] });
    expect(stale).toMatchObject({ code: 'CONFLICT', conflictingFields: ['needIds'], current: { needIds: [a, b] } });
    expect(await refused('reorderNeeds', { initiativeId: first, needIds: [b, b] })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'needIds' }] });
    expect(await refused('reorderNeeds', { initiativeId: first, needIds: [b, 'nope'] })).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'needIds.1' }] });
    expect(await refused('reorderNeeds', { initiativeId: first, needIds: [] })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'needIds' }] });
  });
});

describe('removeNeed and restoreNeed', () => {
  it('removes a need with its progress, and restores it at its place with its progress and notes', async () => {
    const a = (await addNeed({ title: 'A' })).need.id;
    const b = (await addNeed({ title: 'B' })).need.id;
    const c = (await addNeed({ title: 'C', required: false })).need.id;
    dataOf(await editor('updateNeedProgress', { initiativeId: first, needId: b, regionCode: '01', patch: { progress: 'done', note: 'Klart i mars' }, expected: { progress: 'not-started', note: '' } }));
    dataOf(await editor('updateNeedProgress', { initiativeId: first, needId: b, regionCode: '03', patch: { progress: 'in-progress' }, expected: { progress: 'not-started' } }));
    expect((await matrixCell('01')).openRequiredNeeds).toBe(1);
    expect((await matrixCell('03')).openRequiredNeeds).toBe(2);

    const removal = dataOf(await editor('removeNeed', { initiativeId: first, needId: b }));
    expect(removal).toMatchObject({ initiativeId: first, needId: b, historyId: expect.any(String) });
    expect((await needsView()).map((n) => n.id)).toEqual([a, c]);
    // The stored summary follows: B no longer counts as open anywhere.
    expect((await matrixCell('03')).openRequiredNeeds).toBe(1);
    const [removed] = await needHistory(b);
    expect(removed).toMatchObject({ id: removal.historyId, target: 'need', action: 'delete', changes: [{ field: 'need', old: { position: 1, need: { id: b, title: 'B' } }, new: null }] });

    const restored = dataOf(await editor('restoreNeed', { initiativeId: first, historyId: removal.historyId! }));
    expect(restored).toMatchObject({ position: 1, need: { id: b, title: 'B', required: true } });
    const needs = await needsView();
    expect(needs.map((n) => n.id)).toEqual([a, b, c]);
    expect(needs[1]!.progress.find((p) => p.regionCode === '01')).toMatchObject({ progress: 'done', hasNote: true });
    expect(needs[1]!.progress.find((p) => p.regionCode === '03')).toMatchObject({ progress: 'in-progress', hasNote: false });
    expect(await needNotes('01')).toEqual({ [b]: 'Klart i mars' });
    expect((await matrixCell('03')).openRequiredNeeds).toBe(2);
    expect((await needHistory(b)).map((e) => e.action)).toEqual(['restore', 'delete', 'update', 'update', 'create']);

    // Only once: the need is back, and the removal is no longer its latest change.
    expect(await refused('restoreNeed', { initiativeId: first, historyId: removal.historyId! })).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to restore what is not a removal of a need of this initiative, writing nothing', async () => {
    const a = (await addNeed()).need.id;
    const created = (await needHistory(a))[0]!;
    expect(await refused('restoreNeed', { initiativeId: first, historyId: created.id })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'historyId' }] });
    expect(await refused('restoreNeed', { initiativeId: first, historyId: 'no-such-change' })).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'historyId' }] });
    const removal = dataOf(await editor('removeNeed', { initiativeId: first, needId: a }));
    const other = inf.initiativeIds[1]!;
    expect(await refused('restoreNeed', { initiativeId: other, historyId: removal.historyId! })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'historyId' }] });
  });

  it('refuses to restore into an initiative that already has as many needs as it may', async () => {
    const a = (await addNeed()).need.id;
    const removal = dataOf(await editor('removeNeed', { initiativeId: first, needId: a }));
    for (let k = 0; k < LIMITS.needsPerInitiative; k++) await addNeed({ title: `Behov ${k + 1}` });
    expect(await refused('restoreNeed', { initiativeId: first, historyId: removal.historyId! })).toMatchObject({ code: 'LIMIT', reason: 'need-limit' });
  });

  it('tells an edit of a need removed meanwhile who removed it (NOT_FOUND, need-removed), writing nothing', async () => {
    const a = (await addNeed()).need.id;
    dataOf(await editor('removeNeed', { initiativeId: first, needId: a }));
    const progress = { initiativeId: first, needId: a, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' } };
    const removedMeanwhile = { code: 'NOT_FOUND', reason: 'need-removed', changedByName: 'Eva Redaktör', issues: [{ path: 'needId', message: expect.any(String) }] };
    expect(await refused('updateNeedProgress', progress)).toMatchObject(removedMeanwhile);
    expect(await refused('bulkUpdateNeedProgress', { initiativeId: first, needId: a, regionCodes: ['01'], progress: 'done', expected: { '01': 'not-started' } })).toMatchObject(removedMeanwhile);
    expect(await refused('upsertNeed', { initiativeId: first, needId: a, patch: { title: 'x' }, expected: { title: NEED.title } })).toMatchObject(removedMeanwhile);
    expect(await refused('removeNeed', { initiativeId: first, needId: a })).toMatchObject(removedMeanwhile);
    expect(await refused('reorderNeeds', { initiativeId: first, needIds: [a] })).toMatchObject({ ...removedMeanwhile, issues: [{ path: 'needIds.0', message: expect.any(String) }] });
  });
});

describe('updateNeedProgress', () => {
  it('saves progress and note: the note in the detail record, the flag and the open-needs summary in the records the views read', async () => {
    const { need } = await addNeed();
    const result = dataOf(
      await editor('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode: '03', patch: { progress: 'done', note: 'Kontrakt signerat' }, expected: { progress: 'not-started', note: '' } }),
    );
    expect(result).toMatchObject({
      initiativeId: first,
      needId: need.id,
      entry: { regionCode: '03', progress: 'done', hasNote: true, updatedAt: expect.stringMatching(/T00:00:00.000Z$/) },
      note: 'Kontrakt signerat',
      cell: { regionCode: '03', openRequiredNeeds: 0 },
      initiativeVersion: 3,
    });
    expect((await needsView())[0]!.progress.find((p) => p.regionCode === '03')).toMatchObject({ progress: 'done', hasNote: true });
    expect(JSON.stringify(dataOf(await h.invoke('demo-viewer', 'getView', {}, { moduleKey: 'technical-needs' })))).not.toContain('Kontrakt signerat');
    expect(await needNotes('03')).toEqual({ [need.id]: 'Kontrakt signerat' });
    // The overviews that draw no progress read the summary: region 03 has no open required need, 01 has one.
    expect((await matrixCell('03')).openRequiredNeeds).toBe(0);
    expect((await matrixCell('01')).openRequiredNeeds).toBe(1);
    // The cell's own details are untouched.
    expect(dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: first, regionCode: '03' })).entries[0]!.cell).toEqual(DEFAULT_CELL_DETAILS);

    expect((await needHistory(need.id))[0]).toMatchObject({
      target: 'need-progress',
      action: 'update',
      regionCode: '03',
      needId: need.id,
      changes: [
        { field: 'progress', old: 'not-started', new: 'done' },
        { field: 'note', old: '', new: 'Kontrakt signerat' },
      ],
    });
  });

  it('clearing the note removes it from the detail record', async () => {
    const { need } = await addNeed();
    const edit = (patch: object, expected: object) => editor('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode: '01', patch, expected });
    dataOf(await edit({ note: 'Anteckning' }, { note: '' }));
    const cleared = dataOf(await edit({ note: '' }, { note: 'Anteckning' }));
    expect(cleared).toMatchObject({ note: '', entry: { hasNote: false } });
    expect(dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: first })).entries).toEqual([]);
  });

  it('lets concurrent edits of different participants and fields land, and refuses a stale edit of the same field', async () => {
    const { need } = await addNeed();
    const edit = (regionCode: string, patch: object, expected: object) => editor('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode, patch, expected });
    const responses = await Promise.all([
      edit('01', { progress: 'in-progress' }, { progress: 'not-started' }),
      edit('03', { progress: 'done' }, { progress: 'not-started' }),
      edit('01', { note: 'Beställt' }, { note: '' }),
    ]);
    expect(responses.every((r) => r.ok)).toBe(true);
    const progress = (await needsView())[0]!.progress;
    expect(progress.find((p) => p.regionCode === '01')).toMatchObject({ progress: 'in-progress', hasNote: true });
    expect(progress.find((p) => p.regionCode === '03')).toMatchObject({ progress: 'done', hasNote: false });

    const stale = await refused('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode: '01', patch: { progress: 'done', note: 'Min' }, expected: { progress: 'not-started', note: 'Beställt' } });
    expect(stale).toMatchObject({ code: 'CONFLICT', conflictingFields: ['progress'], current: { progress: 'in-progress' }, changedByName: 'Eva Redaktör', changedAt: expect.any(String) });
  });

  it('refuses bad input with a path, writing nothing', async () => {
    const { need } = await addNeed();
    const payload = (over: Record<string, unknown>) => ({ initiativeId: first, needId: need.id, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' }, ...over });
    expect(await refused('updateNeedProgress', payload({ regionCode: '99' }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'regionCode' }] });
    expect(await refused('updateNeedProgress', payload({ patch: { note: 'x'.repeat(LIMITS.note + 1) }, expected: { note: '' } }))).toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'patch.note' })],
    });
    expect(await refused('updateNeedProgress', payload({ patch: { note: 'a\u0000b' }, expected: { note: '' } }))).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.note' })] });
    expect(await refused('updateNeedProgress', payload({ patch: { progress: 'finished' } }))).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.progress' })] });
    expect(await refused('updateNeedProgress', payload({ patch: {} }))).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch' })] });
    const unknown = await refused('updateNeedProgress', payload({ needId: 'no-such-need' }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'needId' }] });
    expect(unknown.reason).toBeUndefined();
  });
});

describe('bulkUpdateNeedProgress', () => {
  it('sets one progress for several participants in one change, one history entry each', async () => {
    const { need } = await addNeed();
    const result = dataOf(
      await editor('bulkUpdateNeedProgress', {
        initiativeId: first,
        needId: need.id,
        regionCodes: ['01', '03', '04'],
        progress: 'done',
        expected: { '01': 'not-started', '03': 'not-started', '04': 'not-started' },
      }),
    );
    expect(result.entries.map((e) => [e.regionCode, e.progress])).toEqual([
      ['01', 'done'],
      ['03', 'done'],
      ['04', 'done'],
    ]);
    expect(result.cells.map((c) => c.openRequiredNeeds)).toEqual([0, 0, 0]);
    expect(result.initiativeVersion).toBe(3);
    expect((await matrixCell('05')).openRequiredNeeds).toBe(1);
    const entries = (await needHistory(need.id)).filter((e) => e.target === 'need-progress');
    expect(entries.map((e) => e.regionCode).sort()).toEqual(['01', '03', '04']);
  });

  it('refuses a participant changed meanwhile, one outside the programme and more than one change can hold', async () => {
    const { need } = await addNeed();
    dataOf(await editor('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode: '01', patch: { progress: 'in-progress' }, expected: { progress: 'not-started' } }));
    const bulk = (regionCodes: string[], over: Record<string, unknown> = {}) => ({
      initiativeId: first,
      needId: need.id,
      regionCodes,
      progress: 'done',
      expected: Object.fromEntries(regionCodes.map((c) => [c, 'not-started'])),
      ...over,
    });
    expect(await refused('bulkUpdateNeedProgress', bulk(['01', '03']))).toMatchObject({ code: 'CONFLICT', conflictingFields: ['01'], current: { '01': 'in-progress' } });
    expect(await refused('bulkUpdateNeedProgress', bulk(['03', 'zz']))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'regionCodes' }] });
    expect(await refused('bulkUpdateNeedProgress', bulk(['03'], { expected: {} }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'expected.03' }] });
  });

  it('changes 22 participants at once and refuses 23 with LIMIT (decision 0012), writing nothing', async () => {
    const participants = Array.from({ length: 30 }, (_, k) => ({ code: `m${k}`, name: `Kommun ${k}`, short: `K${k}` }));
    const programme = { ...(await getProgramme(inf.programmeId))!, id: 'municipalities', spaceKey: 'EMPTY', participants, createdAt: '2020-01-01T00:00:00.000Z' };
    await seedProgramme(programme, [seedInitiative({ id: 'm-init', programmeId: 'municipalities', order: 0 })]);
    const onEmpty = { pageId: '3001' };
    const { need } = dataOf(await editor('upsertNeed', { initiativeId: 'm-init', fields: NEED }, onEmpty));
    const codes = participants.map((p) => p.code);
    const bulk = (some: string[]) => ({ initiativeId: 'm-init', needId: need.id, regionCodes: some, progress: 'done', expected: Object.fromEntries(some.map((c) => [c, 'not-started'])) });
    expect(await refused('bulkUpdateNeedProgress', bulk(codes.slice(0, 23)), onEmpty)).toMatchObject({ code: 'LIMIT' });
    expect(dataOf(await editor('bulkUpdateNeedProgress', bulk(codes.slice(0, 22)), onEmpty)).entries).toHaveLength(22);
  });
});

describe('getHistory by need', () => {
  it('answers only that need’s changes, and needs the initiative', async () => {
    const a = (await addNeed({ title: 'A' })).need.id;
    const b = (await addNeed({ title: 'B' })).need.id;
    dataOf(await editor('updateNeedProgress', { initiativeId: first, needId: b, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' } }));
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'pilot' }, expected: { status: 'not-started' } }));
    expect((await needHistory(a)).map((e) => [e.target, e.action])).toEqual([['need', 'create']]);
    expect((await needHistory(b)).map((e) => [e.target, e.action])).toEqual([
      ['need-progress', 'update'],
      ['need', 'create'],
    ]);
    const oneCell = dataOf(await editor('getHistory', { initiativeId: first, regionCode: '01', needId: b })).entries;
    expect(oneCell.map((e) => e.target)).toEqual(['need-progress']);
    expect(await refused('getHistory', { needId: b })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'initiativeId' }] });
  });

  it('a need’s progress does not count as the cell’s last change', async () => {
    const { need } = await addNeed();
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: '01', patch: { note: 'Cell' }, expected: { note: '' } }));
    dataOf(await editor('updateNeedProgress', { initiativeId: first, needId: need.id, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' } }));
    const page = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId: first, regionCode: '01' }));
    const cellChange = dataOf(await editor('getHistory', { initiativeId: first, regionCode: '01', limit: 5 })).entries.find((e) => e.target === 'cell')!;
    expect(page.lastChange).toEqual({ at: cellChange.at, byName: 'Eva Redaktör' });
  });
});

describe('who may edit needs', () => {
  const CALLS: Array<[ResolverName, (needId: string, historyId: string) => unknown]> = [
    ['upsertNeed', () => ({ initiativeId: first, fields: NEED })],
    ['reorderNeeds', (needId) => ({ initiativeId: first, needIds: [needId] })],
    ['removeNeed', (needId) => ({ initiativeId: first, needId })],
    ['restoreNeed', (_needId, historyId) => ({ initiativeId: first, historyId })],
    ['updateNeedProgress', (needId) => ({ initiativeId: first, needId, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' } })],
    ['bulkUpdateNeedProgress', (needId) => ({ initiativeId: first, needId, regionCodes: ['01'], progress: 'done', expected: { '01': 'not-started' } })],
  ];
  const DENIED: Array<[string, DemoUserId, InvokeOptions | ((programmeId: string) => InvokeOptions), string]> = [
    ['anonymous', 'anonymous', {}, 'anonymous'],
    ['a reader', 'demo-viewer', {}, 'no-page-edit'],
    ['an editor of another space, on a page there', 'demo-editor-other', (programmeId) => ({ pageId: '2001', config: { programmeId } }), 'other-space'],
    ['an editor of another space, on the programme’s page', 'demo-editor-other', {}, 'no-page-edit'],
    ['the editor, from a page in another space', 'demo-editor', (programmeId) => ({ pageId: '2001', config: { programmeId } }), 'other-space'],
    ['an unlicensed guest', 'demo-editor', { accountType: 'unlicensed' }, 'unlicensed'],
  ];

  it.each(CALLS)('%s is refused to everyone but an editor of the programme’s space, writing nothing', async (name, payload) => {
    const needId = (await addNeed()).need.id;
    const removed = (await addNeed({ title: 'B' })).need.id;
    const historyId = dataOf(await editor('removeNeed', { initiativeId: first, needId: removed })).historyId!;
    for (const [, user, where, reason] of DENIED) {
      const options = typeof where === 'function' ? where(inf.programmeId) : where;
      expect(await refused(name, payload(needId, historyId), options, user)).toMatchObject({ code: 'PERMISSION', reason });
    }
    expect(await editor(name, payload(needId, historyId))).toMatchObject({ ok: true });
  });
});

describe('the caps keep every record under Forge’s 240 KiB', () => {
  it(`${LIMITS.needsPerInitiative} needs with ${LIMITS.needDescription}-character descriptions at 290 participants, every one with progress`, async () => {
    const participants: Participant[] = Array.from({ length: 290 }, (_, k) => ({ code: String(k + 1).padStart(4, '0'), name: wide(100), short: wide(20) }));
    const programme = { ...(await getProgramme(inf.programmeId))!, id: 'kommuner', spaceKey: 'EMPTY', participants, createdAt: '2020-01-01T00:00:00.000Z' };
    const progress = (note: string) => Object.fromEntries(participants.map((p) => [p.code, { progress: 'in-progress' as const, note, updatedAt: '2026-11-01T00:00:00.000Z' }]));
    const seeded = seedInitiative({
      id: 'k-init',
      programmeId: 'kommuner',
      order: 0,
      needs: Array.from({ length: LIMITS.needsPerInitiative - 1 }, (_, k) => ({
        id: `need-${k}`.padEnd(LIMITS.id, 'x'),
        title: wide(LIMITS.name),
        category: 'support-service' as const,
        required: true,
        description: wide(LIMITS.needDescription),
        link: `https://x.se/${wide(LIMITS.link - 13)}`,
        progress: progress(k === 0 ? wide(LIMITS.note) : ''),
      })),
    });
    await seedProgramme(programme, [seeded]);
    const onEmpty = { pageId: '3001' };

    // The twelfth need at its maximum, through the resolver, then progress and a note on it.
    const fields = { title: wide(LIMITS.name), category: 'infrastructure', required: true, description: wide(LIMITS.needDescription), link: `https://x.se/${wide(LIMITS.link - 13)}` };
    const { need } = dataOf(await editor('upsertNeed', { initiativeId: 'k-init', fields }, onEmpty));
    const codes = participants.map((p) => p.code).slice(0, 22);
    dataOf(
      await editor('bulkUpdateNeedProgress', { initiativeId: 'k-init', needId: need.id, regionCodes: codes, progress: 'done', expected: Object.fromEntries(codes.map((c) => [c, 'not-started'])) }, onEmpty),
    );
    dataOf(
      await editor('updateNeedProgress', { initiativeId: 'k-init', needId: need.id, regionCode: '0001', patch: { note: wide(LIMITS.note) }, expected: { note: '' } }, onEmpty),
    );
    expect(await refused('upsertNeed', { initiativeId: 'k-init', fields }, onEmpty)).toMatchObject({ code: 'LIMIT', reason: 'need-limit' });

    const find = (entity: string, key: string) => kvs.entity<Record<string, unknown>>(entity).get(key);
    const initiative = (await find('initiative', 'k-init'))!;
    const plain = Buffer.byteLength(JSON.stringify({ ...initiative, data: expand(initiative.data as string) }), 'utf8');
    console.log(`initiative record with ${LIMITS.needsPerInitiative} needs at 290 participants: ${(plain / 1024).toFixed(1)} KiB uncompressed`);
    expect(plain).toBeLessThan(VALUE_LIMIT);
    const progressRecord = (await find('progress', 'k-init'))!;
    expect(Buffer.byteLength(JSON.stringify({ ...progressRecord, data: expand(progressRecord.data as string) }), 'utf8')).toBeLessThan(VALUE_LIMIT);
    expect(Buffer.byteLength(JSON.stringify(await find('detail', 'k-init:0001')), 'utf8')).toBeLessThan(VALUE_LIMIT);

    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}, { ...onEmpty, moduleKey: 'technical-needs' }));
    if (view.state !== 'ready') throw new Error('no view');
    const needs = (view.view as TechnicalNeedsView).initiatives[0]!.needs;
    expect(needs).toHaveLength(LIMITS.needsPerInitiative);
    expect(needs[LIMITS.needsPerInitiative - 1]!.doneCount).toBe(22);
  });

  it('a detail record keeps at most twice as many need notes as an initiative may have needs, and stays under 240 KiB', () => {
    const current = new Set(Array.from({ length: LIMITS.needsPerInitiative }, (_, k) => `n${k}`.padEnd(LIMITS.id, 'x')));
    let details: ParticipantDetails = {
      cell: { note: wide(LIMITS.note), link: `https://x.se/${wide(LIMITS.link - 13)}`, regionalContact: wide(LIMITS.shortText), nationalContact: wide(LIMITS.shortText) },
      needNotes: {},
    };
    // Notes of removed needs pile up until the bound, then go; the current needs' notes stay.
    for (let k = 0; k < 3 * LIMITS.needsPerInitiative; k++) details = withNeedNote(details, `old${k}`.padEnd(LIMITS.id, 'x'), wide(LIMITS.note), current);
    for (const id of current) details = withNeedNote(details, id, wide(LIMITS.note), current);
    const count = Object.keys(details.needNotes).length;
    expect(count).toBeLessThanOrEqual(2 * LIMITS.needsPerInitiative);
    expect([...current].every((id) => details.needNotes[id] !== undefined)).toBe(true);
    const worst = { ...details, needNotes: Object.fromEntries(Array.from({ length: 2 * LIMITS.needsPerInitiative }, (_, k) => [`n${k}`.padEnd(LIMITS.id, 'x'), wide(LIMITS.note)])) };
    const bytes = Buffer.byteLength(JSON.stringify(encodeDetails('p'.repeat(LIMITS.id), 'i'.repeat(LIMITS.id), 'c'.repeat(16), worst)), 'utf8');
    expect(bytes).toBeLessThan(VALUE_LIMIT);
  });
});

describe('the need catalogue', () => {
  it.each(NEED_CATALOGUE_KEYS.flatMap((key) => LOCALES.map((locale) => [key, locale] as const)))('%s in %s is a valid new need', (key, locale) => {
    const fields = needFromCatalogue(key, locale);
    expect(needFieldsSchema.safeParse(fields).success).toBe(true);
    expect(fields.description.split('. ').length).toBe(1);
  });

  it('offers the needs of this field', () => {
    expect(NEED_CATALOGUE_KEYS.map((key) => needFromCatalogue(key, 'sv').title)).toEqual([
      'Anslutning till tjänstekontrakt',
      'HSA-katalogen',
      'SITHS-inloggning',
      'Sjunet-anslutning',
      'Brandväggsöppningar',
      'Identitetsleverantör (IdP)',
      'Journalsystemsintegration',
      'Regionala rutiner',
    ]);
  });
});
