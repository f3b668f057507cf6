/**
 * CSV import through the real handler (issue 11, decision 0028): the rollout-status export read back in
 * (export → import unchanged is a no-op), a preview that writes nothing, apply in conditioned transactions
 * recorded as one import, a stale preview refused, and undo that leaves cells edited since.
 */
import { translator } from '../../static/app/src/i18n/define-messages';
import { tableToCsv } from '../../static/app/src/editing/csv-file';
import { matrixTable } from '../../static/app/src/views/rollout-status/csv';
import { rolloutStatusMessages } from '../../static/app/src/views/rollout-status/messages';
import { applyFilters, NO_FILTERS, toGrid, type Layout } from '../../static/app/src/views/rollout-status/view-model';
import { parseImportCsv, type ImportCell } from '../../src/shared/import-csv';
import type { Locale } from '../../src/shared/vocabulary';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  dataOf(await h.invoke('demo-editor', 'bulkUpdateCells', { initiativeId: inf.initiativeIds[0], regionCodes: ['01', '03'], status: 'pilot', expected: { '01': 'not-started', '03': 'not-started' } }));
});

/** The file "Ladda ner CSV" writes for the whole programme, as the view module builds it. */
async function exported(locale: Locale, layout: Layout): Promise<string> {
  const view = dataOf(await h.invoke('demo-editor', 'getView', { locale, includeArchived: true }));
  if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no rollout-status view');
  const grid = toGrid(applyFilters(view.view.rows, view.programme.participants, NO_FILTERS), layout);
  return tableToCsv(matrixTable(grid, locale, translator(rolloutStatusMessages, locale)));
}

const preview = async (cells: ImportCell[]) => dataOf(await h.invoke('demo-admin', 'previewImport', { programmeId: inf.programmeId, cells }));
const statusOf = async (initiativeIndex: number, code: string) => {
  const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
  if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no view');
  return view.view.rows[initiativeIndex].cells.find((c) => c.regionCode === code)!.status;
};

describe('export → import', () => {
  it.each([
    ['sv', 'initiatives-as-rows'],
    ['en', 'regions-as-rows'],
  ] as const)('of an unchanged file (%s, %s) is a no-op: no change, nothing written', async (locale, layout) => {
    const parsed = parseImportCsv(await exported(locale, layout));
    expect(parsed.problems).toEqual([]);
    expect(parsed.cells).toHaveLength(2 * 21);
    const before = h.storeText();
    const diff = await preview(parsed.cells);
    expect(diff).toEqual({ changes: [], unchanged: 42, problems: [], created: [] });
    expect(h.storeText()).toBe(before);
  });

  it('shows a changed cell old → new, reports an unknown region by row and column, and writes nothing', async () => {
    const csv = (await exported('sv', 'initiatives-as-rows')).replace('Region Uppsala', 'Region Upsala').replace(/\r\nInförande 2;Ej påbörjat/, '\r\nInförande 2;Infört');
    const parsed = parseImportCsv(csv);
    const before = h.storeText();
    const diff = await preview(parsed.cells);
    expect(diff.changes).toEqual([
      expect.objectContaining({ initiativeId: inf.initiativeIds[1], regionCode: '01', old: 'not-started', new: 'live', row: 3, column: 2, participant: 'Region Stockholm' }),
    ]);
    expect(diff.problems).toEqual([{ row: 1, column: 3, kind: 'unknown-participant', value: 'Region Upsala' }]);
    expect(h.storeText()).toBe(before);
  });
});

describe('apply and undo', () => {
  const change = (k: number, code: string, old: string, next: string) => ({ initiativeId: inf.initiativeIds[k], regionCode: code, old, new: next });
  const apply = (changes: unknown[], importId = 'imp-1') =>
    h.invoke('demo-admin', 'applyImport', { programmeId: inf.programmeId, importId, fileName: 'status.csv', counts: { changes: changes.length, unchanged: 0 }, changes });

  it('writes the changes as one import in the history, with a new revision, and undo restores them', async () => {
    const revision = dataOf(await h.invoke('demo-editor', 'getView', {})).revision;
    const result = dataOf(await apply([change(0, '01', 'pilot', 'live'), change(1, '04', 'not-started', 'planning')]));
    expect(result.applied).toBe(2);
    expect(result.revision).not.toBe(revision);
    expect(await statusOf(0, '01')).toBe('live');
    const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: inf.initiativeIds[0], regionCode: '01', limit: 10 }));
    expect(history.entries[0]).toMatchObject({ importId: 'imp-1', changes: [{ field: 'status', old: 'pilot', new: 'live' }] });

    // Applying the same part again (a retry) writes nothing twice.
    const again = h.storeText();
    expect(dataOf(await apply([change(0, '01', 'pilot', 'live')])).applied).toBe(0);
    expect(h.storeText()).toBe(again);

    // Someone edits one of the imported cells; undo restores the other and reports this one.
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[1], regionCode: '04', patch: { status: 'rollout' }, expected: { status: 'planning' } }));
    const undo = dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-1' }));
    expect(undo).toMatchObject({ restored: 1, more: false, refused: [{ initiativeId: inf.initiativeIds[1], regionCode: '04', old: 'not-started', new: 'rollout' }] });
    expect(await statusOf(0, '01')).toBe('pilot');
    expect(await statusOf(1, '04')).toBe('rollout');
    const after = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: inf.initiativeIds[0], regionCode: '01', limit: 10 }));
    expect(after.entries[0]).toMatchObject({ importId: 'imp-1', importUndo: true, changes: [{ field: 'status', old: 'live', new: 'pilot' }] });

    // A second undo finds nothing left to undo.
    expect(dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-1' }))).toMatchObject({ restored: 0, more: false });
  });

  it('refuses a stale preview with CONFLICT and writes nothing of that part', async () => {
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[1], regionCode: '01', patch: { status: 'planning' }, expected: { status: 'not-started' } }));
    const before = h.storeText();
    const response = await apply([change(0, '01', 'pilot', 'live'), change(1, '01', 'not-started', 'live')]);
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    expect(h.storeText()).toBe(before);
  });

  it('writes a whole initiative of 21 cells in one transaction of exactly 25 operations, and more across several', async () => {
    const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
    if (view.state !== 'ready') throw new Error('no view');
    const codes = view.programme.participants.map((p) => p.code);
    expect(codes).toHaveLength(21);
    // 21 cells of the second initiative (one batch at the limit) and 19 of the first (a second transaction).
    const changes = [
      ...codes.map((code) => change(1, code, 'not-started', 'declined')),
      ...codes.filter((c) => c !== '01' && c !== '03').map((code) => change(0, code, 'not-started', 'declined')),
    ];
    expect(dataOf(await apply(changes, 'imp-large')).applied).toBe(40);
    expect(await statusOf(1, codes[20])).toBe('declined');
    expect(await statusOf(0, codes[20])).toBe('declined');
  });

  it('is refused to an editor who does not administer the space', async () => {
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'applyImport', { programmeId: inf.programmeId, importId: 'x', fileName: 'a.csv', counts: { changes: 1, unchanged: 0 }, changes: [change(0, '01', 'pilot', 'live')] });
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'not-space-admin' }) });
    expect(h.storeText()).toBe(before);
  });
});
