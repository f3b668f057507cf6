/**
 * redactHistory through the real handler (issue 12): an editor removes a value written by mistake (a phone
 * number in a note) from the history. The value is gone from storage, the redaction is recorded without it,
 * the current data is untouched, a redacted value cannot be restored, and only the programme's editors may
 * do it: everything else is a typed error that writes nothing.
 */
import type { HistoryEntry } from '../../src/shared/model';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, FIELDS, type InfProgramme } from './resolver-fixtures';

const PHONE = '070-123 45 67';
const NOTE = `Ring Anna på ${PHONE}`;

let h: Harness;
let inf: InfProgramme;
let initiativeId: string;

async function cellHistory(): Promise<HistoryEntry[]> {
  return dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId, regionCode: '01', limit: 20 })).entries;
}

beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { needs: true });
  initiativeId = inf.initiativeIds[0]!;
  // The number is written into the note, then the note is cleared: the number now lives only in the history.
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId, regionCode: '01', patch: { note: NOTE }, expected: { note: '' } }));
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId, regionCode: '01', patch: { note: '' }, expected: { note: NOTE } }));
});

describe('redactHistory', () => {
  it('removes the value from storage in every entry that held it, and records who and when without the value', async () => {
    const [cleared, written] = await cellHistory();
    expect(written?.changes).toEqual([{ field: 'note', old: '', new: NOTE }]);
    expect(h.storeText()).toContain(PHONE);

    const first = dataOf(await h.invoke('demo-editor', 'redactHistory', { historyId: written!.id, field: 'note', side: 'new' }));
    expect(first.entry.changes).toEqual([{ field: 'note', old: '', new: null }]);
    expect(h.storeText()).toContain(PHONE); // still the old value of the entry that cleared it
    dataOf(await h.invoke('demo-editor', 'redactHistory', { historyId: cleared!.id, field: 'note', side: 'old' }));

    expect(h.storeText()).not.toContain(PHONE);
    const [after, before] = await cellHistory();
    expect(after?.changes).toEqual([{ field: 'note', old: null, new: '' }]);
    expect(after?.redactions).toEqual([{ field: 'note', side: 'old', at: expect.any(String), by: 'demo-editor', byName: expect.any(String) }]);
    expect(before?.redactions).toEqual([{ field: 'note', side: 'new', at: expect.any(String), by: 'demo-editor', byName: expect.any(String) }]);
    expect(JSON.stringify(after?.redactions)).not.toContain(PHONE);
  });

  it('leaves the current value of the cell alone: a note still holding the number is edited as usual', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId, regionCode: '01', patch: { note: NOTE }, expected: { note: '' } }));
    const [latest] = await cellHistory();
    dataOf(await h.invoke('demo-editor', 'redactHistory', { historyId: latest!.id, field: 'note', side: 'new' }));
    const details = dataOf(await h.invoke('demo-editor', 'getDetails', { initiativeId, regionCode: '01' }));
    expect(JSON.stringify(details)).toContain(NOTE);
  });

  it('changes nothing when the same value is redacted again (a replay)', async () => {
    const [, written] = await cellHistory();
    const payload = { historyId: written!.id, field: 'note', side: 'new' };
    dataOf(await h.invoke('demo-editor', 'redactHistory', payload));
    const before = h.storeText();
    const again = dataOf(await h.invoke('demo-editor', 'redactHistory', payload));
    expect(again.entry.redactions).toHaveLength(1);
    expect(h.storeText()).toBe(before);
  });

  it('makes a redacted removal impossible to restore', async () => {
    dataOf(await h.invoke('demo-editor', 'redactHistory', { historyId: inf.removedNeedHistoryId, field: 'need', side: 'old' }));
    const before = h.storeText();
    const restored = await h.invoke('demo-editor', 'restoreNeed', { initiativeId, historyId: inf.removedNeedHistoryId });
    expect(restored).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(h.storeText()).toBe(before);
  });

  it.each([
    ['a reader', 'demo-viewer', {}, 'no-page-edit'],
    ['an editor of another space, on their page that embeds the programme', 'demo-editor-other', { pageId: '2001', config: {} }, 'other-space'],
    ['an anonymous visitor', 'anonymous', {}, 'anonymous'],
    ['an unlicensed guest', 'demo-editor', { accountType: 'unlicensed' }, 'unlicensed'],
  ] as const)('is refused to %s, and nothing is written', async (_who, user, options, reason) => {
    const [, written] = await cellHistory();
    const where = 'config' in options ? { ...options, config: { programmeId: inf.programmeId } } : options;
    const before = h.storeText();
    const response = await h.invoke(user, 'redactHistory', { historyId: written!.id, field: 'note', side: 'new' }, where);
    expect(response).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason } });
    expect(h.storeText()).toBe(before);
  });

  it.each([
    ['a field the change did not change', { field: 'status', side: 'new' }, 'VALIDATION', 'field'],
    ['an empty value', { field: 'note', side: 'old' }, 'VALIDATION', 'side'],
    ['a side that is neither old nor new', { field: 'note', side: 'both' }, 'VALIDATION', 'side'],
    ['an unknown field name form', { field: '../x', side: 'new' }, 'VALIDATION', 'field'],
    ['an unknown change', { historyId: 'no-such-change', field: 'note', side: 'new' }, 'NOT_FOUND', 'historyId'],
  ] as const)('answers %s with a typed error at its path, and writes nothing', async (_what, payload, code, path) => {
    const [, written] = await cellHistory();
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'redactHistory', { historyId: written!.id, ...payload });
    expect(response).toMatchObject({ ok: false, error: { code, issues: [expect.objectContaining({ path })] } });
    expect(h.storeText()).toBe(before);
  });

  it('does not reach a change of another programme', async () => {
    // A programme of the EMPTY space, made by its editor; its history is not the INF programme's.
    const other = dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Annat program' }, { pageId: '3001' }));
    const { initiative } = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...FIELDS, name: 'X' } }, { pageId: '3001' }));
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: initiative.id, regionCode: '01', patch: { note: NOTE }, expected: { note: '' } }, { pageId: '3001' }));
    const [foreign] = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: initiative.id, regionCode: '01', limit: 1 }, { pageId: '3001' })).entries;
    expect(other.id).not.toBe(inf.programmeId);
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'redactHistory', { historyId: foreign!.id, field: 'note', side: 'new' });
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.storeText()).toBe(before);
  });
});
