/**
 * The cell lines import through the real handler (decision 0031): "Ladda ner alla celler (för import)" read
 * back in is a no-op; windows, a note and a link changed in the file are previewed field by field, applied as
 * one import with the cell edit's own rules, and undone field by field (a field edited since is left); a
 * window ending before it starts, an unknown participant and a stale field are refused, and nothing is written.
 */
import Papa from 'papaparse';
import { tableToCsv } from '../../static/app/src/editing/csv-file';
import { cellLinesExport } from '../../static/app/src/admin/import-export';
import { applyImportPlan, importPreviewParts, mergeImportPreviews, parseImportCsv, type ImportPreview } from '../../src/shared/import-csv';
import { IMPORT_LIMITS } from '../../src/shared/limits';
import type { Locale } from '../../src/shared/vocabulary';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  dataOf(
    await h.invoke('demo-editor', 'updateCell', {
      initiativeId: inf.initiativeIds[0],
      regionCode: '01',
      patch: { status: 'pilot', pilotStart: '2026-03', pilotEnd: '2026-06', note: '- första raden\nandra raden', link: 'https://example.org/a', contactEstablished: true, contactSince: '2026-01-15' },
      expected: { status: 'not-started', pilotStart: null, pilotEnd: null, note: '', link: null, contactEstablished: false, contactSince: null },
    }),
  );
});

/** The file the space page's "Ladda ner alla celler (för import)" makes. */
async function exported(locale: Locale): Promise<string> {
  const result = await cellLinesExport(async (cursor) => h.invoke('demo-admin', 'getBackupPart', cursor ? { programmeId: inf.programmeId, cursor } : { programmeId: inf.programmeId }), locale);
  if (!result.ok) throw new Error(result.error.message);
  return tableToCsv(result.table);
}

async function preview(csv: string): Promise<ImportPreview> {
  const parsed = parseImportCsv(csv);
  expect(parsed.problems).toEqual([]);
  const lines = parsed.cellLines!;
  const parts: ImportPreview[] = [];
  for (const part of importPreviewParts(lines.lines, IMPORT_LIMITS)) {
    parts.push(dataOf(await h.invoke('demo-admin', 'previewImport', { programmeId: inf.programmeId, cells: [], lines: part, lineColumns: lines.columns })));
  }
  return mergeImportPreviews(parts);
}

async function apply(plan: ImportPreview, importId = 'imp-lines') {
  const counts = { changes: plan.lines?.length ?? 0, unchanged: plan.unchanged };
  return applyImportPlan(plan, IMPORT_LIMITS, async (part) => dataOf(await h.invoke('demo-admin', 'applyImport', { programmeId: inf.programmeId, importId, fileName: 'celler.csv', counts, ...part })));
}

const cell = async (k: number, code: string) => {
  const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
  if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no view');
  return view.view.rows[k].cells.find((c) => c.regionCode === code)!;
};
const details = async (k: number, code: string) => dataOf(await h.invoke('demo-editor', 'getDetails', { initiativeId: inf.initiativeIds[k], regionCode: code })).entries[0].cell;

/** The file with one line's fields replaced: `edit` gets the line's cells (a header's order) and changes them. */
function editLine(csv: string, initiative: string, code: string, edit: (cells: string[]) => void): string {
  const table = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: 'greedy' }).data;
  const k = table.findIndex((l) => l[0] === initiative && l[1] === code);
  if (k < 0) throw new Error('no such line');
  // Cells the export guarded against formulas keep their "'": the table is written back as a user would save it.
  edit(table[k]);
  return `\uFEFF${Papa.unparse(table, { delimiter: ';', newline: '\r\n' })}`;
}

describe('export → import of the cell lines file', () => {
  it.each(['sv', 'en'] as const)('of an unchanged file (%s) is a no-op: no change, nothing written', async (locale) => {
    const csv = await exported(locale);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The note starting with "-" is guarded with "'" in the file and read back without it.
    expect(csv).toContain(';"\'- första raden');
    const before = h.storeText();
    const diff = await preview(csv);
    expect(diff).toEqual({ changes: [], unchanged: 2 * 21, problems: [], created: [], lines: [] });
    expect(h.storeText()).toBe(before);
  });

  it('a window and a note changed: previewed field by field, applied as one import, undone field by field', async () => {
    let csv = await exported('sv');
    csv = editLine(csv, 'Införande 1', '01', (c) => {
      c[5] = '2026-09'; // pilot end
      c[6] = '2027-01'; // broad start
      c[10] = 'Ny anteckning';
      c[11] = ''; // no link any more
    });
    csv = editLine(csv, 'Införande 2', '03', (c) => {
      c[4] = '2026-05';
      c[5] = '2026-08';
    });
    const plan = await preview(csv);
    expect(plan.problems).toEqual([]);
    expect(plan.unchanged).toBe(40);
    expect(plan.lines).toEqual([
      expect.objectContaining({
        initiativeId: inf.initiativeIds[0],
        regionCode: '01',
        row: 2,
        fields: [
          { field: 'pilotEnd', old: '2026-06', new: '2026-09' },
          { field: 'broadStart', old: null, new: '2027-01' },
          { field: 'note', old: '- första raden\nandra raden', new: 'Ny anteckning' },
          { field: 'link', old: 'https://example.org/a', new: null },
        ],
      }),
      expect.objectContaining({ initiativeId: inf.initiativeIds[1], regionCode: '03', fields: [{ field: 'pilotStart', old: null, new: '2026-05' }, { field: 'pilotEnd', old: null, new: '2026-08' }] }),
    ]);
    const revision = dataOf(await h.invoke('demo-editor', 'getView', {})).revision;
    expect(await apply(plan)).toEqual({ done: 2, complete: true });
    expect(dataOf(await h.invoke('demo-editor', 'getView', {})).revision).not.toBe(revision);
    expect(await cell(0, '01')).toMatchObject({ pilotStart: '2026-03', pilotEnd: '2026-09', broadStart: '2027-01', status: 'pilot', hasDetails: true });
    expect(await details(0, '01')).toMatchObject({ note: 'Ny anteckning', link: null });
    const history = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: inf.initiativeIds[0], regionCode: '01', limit: 10 }));
    expect(history.entries[0]).toMatchObject({ importId: 'imp-lines', changes: expect.arrayContaining([{ field: 'note', old: '- första raden\nandra raden', new: 'Ny anteckning' }]) });
    // The export now, imported again, is a no-op.
    expect((await preview(await exported('sv'))).lines).toEqual([]);

    // Someone edits the imported note since; undo restores every other field and leaves the note.
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: 'Skrivet efter' }, expected: { note: 'Ny anteckning' } }));
    const undo = dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-lines' }));
    expect(undo).toMatchObject({ restored: 2, more: false, refusedFields: [{ initiativeId: inf.initiativeIds[0], regionCode: '01', field: 'note', participant: 'Region Stockholm' }] });
    expect(await cell(0, '01')).toMatchObject({ pilotEnd: '2026-06', broadStart: null });
    expect(await details(0, '01')).toMatchObject({ note: 'Skrivet efter', link: 'https://example.org/a' });
    expect(await cell(1, '03')).toMatchObject({ pilotStart: null, pilotEnd: null });
    const after = dataOf(await h.invoke('demo-editor', 'getHistory', { initiativeId: inf.initiativeIds[1], regionCode: '03', limit: 10 }));
    expect(after.entries[0]).toMatchObject({ importId: 'imp-lines', importUndo: true });
    expect(dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-lines' }))).toMatchObject({ restored: 0, more: false });
  });

  it('an empty field is no value: a cleared window and contact are changes (unlike the matrix, where empty changes nothing)', async () => {
    const csv = editLine(await exported('en'), 'Införande 1', '01', (c) => {
      c[4] = '';
      c[5] = '';
      c[8] = '';
      c[9] = '';
    });
    const plan = await preview(csv);
    expect(plan.lines?.[0].fields).toEqual([
      { field: 'pilotStart', old: '2026-03', new: null },
      { field: 'pilotEnd', old: '2026-06', new: null },
      { field: 'contactEstablished', old: true, new: false },
      { field: 'contactSince', old: '2026-01-15', new: null },
    ]);
  });

  it('a column left out of the file leaves its field alone', async () => {
    const parsed = parseImportCsv('\uFEFFInförande;Kod;Status\r\nInförande 1;01;Infört\r\n');
    expect(parsed.problems).toEqual([]);
    const diff = dataOf(await h.invoke('demo-admin', 'previewImport', { programmeId: inf.programmeId, cells: [], lines: parsed.cellLines!.lines, lineColumns: parsed.cellLines!.columns }));
    expect(diff.lines).toEqual([expect.objectContaining({ fields: [{ field: 'status', old: 'pilot', new: 'live' }] })]);
    // Applied, the cell keeps its note, link and the flag that says it has details.
    expect(await apply(mergeImportPreviews([diff]), 'imp-status')).toEqual({ done: 1, complete: true });
    expect(await cell(0, '01')).toMatchObject({ status: 'live', hasDetails: true });
    expect(await details(0, '01')).toMatchObject({ note: '- första raden\nandra raden', link: 'https://example.org/a' });
    dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-status' }));
    expect(await cell(0, '01')).toMatchObject({ status: 'pilot', hasDetails: true });
  });
});

describe('a new initiative in a cell lines file', () => {
  it('is created first, its lines written with the id it got; undo archives it', async () => {
    const parsed = parseImportCsv('\uFEFFInförande;Kod;Status;Pilot från (ÅÅÅÅ-MM);Anteckning\r\nHelt nytt;01;Pilot;2026-04;Från filen\r\nHelt nytt;03;Ej påbörjat;;\r\n');
    expect(parsed.problems).toEqual([]);
    const plan = mergeImportPreviews([
      dataOf(await h.invoke('demo-admin', 'previewImport', { programmeId: inf.programmeId, cells: [], lines: parsed.cellLines!.lines, lineColumns: parsed.cellLines!.columns })),
    ]);
    expect(plan.created).toEqual([{ name: 'Helt nytt', row: 2, column: 1, cells: 1 }]);
    expect(plan.unchanged).toBe(1);
    expect(await apply(plan, 'imp-new')).toEqual({ done: 1, complete: true });
    const view = dataOf(await h.invoke('demo-editor', 'getView', {}));
    if (view.state !== 'ready' || view.view.macro !== 'rollout-status') throw new Error('no view');
    const row = view.view.rows.find((r) => r.initiative.name === 'Helt nytt')!;
    expect(row.cells.find((c) => c.regionCode === '01')).toMatchObject({ status: 'pilot', pilotStart: '2026-04', hasDetails: true });
    let undo = dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-new' }));
    let archived = undo.archived;
    while (undo.more) {
      undo = dataOf(await h.invoke('demo-admin', 'undoImport', { programmeId: inf.programmeId, importId: 'imp-new' }));
      archived += undo.archived;
    }
    expect(archived).toBe(1);
  });
});

describe('problems the server finds, by row and column; nothing written', () => {
  it('a window ending before it starts (only where the file changes it), an unknown participant, a blank initiative', async () => {
    const csv = '\uFEFFInförande;Kod;Deltagare;Pilot från;Pilot till\r\nInförande 1;01;Region Stockholm;2026-03;2026-01\r\nInförande 2;99;Region Atlantis;;\r\n;03;;;\r\n';
    const parsed = parseImportCsv(csv);
    expect(parsed.problems).toEqual([]);
    const before = h.storeText();
    const diff = dataOf(await h.invoke('demo-admin', 'previewImport', { programmeId: inf.programmeId, cells: [], lines: parsed.cellLines!.lines, lineColumns: parsed.cellLines!.columns }));
    expect(diff.problems).toEqual([
      { row: 2, column: 5, kind: 'end-before-start', value: '2026-03 – 2026-01' },
      { row: 3, column: 2, kind: 'unknown-participant', value: '99' },
      { row: 4, column: 1, kind: 'unknown-initiative', value: '' },
    ]);
    expect(h.storeText()).toBe(before);
  });

  it('a field changed since the preview is a CONFLICT, and nothing of the part is written', async () => {
    const plan = await preview(editLine(await exported('sv'), 'Införande 1', '01', (c) => (c[10] = 'Från filen')));
    dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: 'Från formuläret' }, expected: { note: '- första raden\nandra raden' } }));
    const before = h.storeText();
    const lines = plan.lines!.map(({ initiativeId, regionCode, fields }) => ({ initiativeId, regionCode, fields }));
    const response = await h.invoke('demo-admin', 'applyImport', { programmeId: inf.programmeId, importId: 'imp-stale', fileName: 'a.csv', counts: { changes: 1, unchanged: 0 }, changes: [], lines });
    expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    expect(h.storeText()).toBe(before);
  });

  it('a value the cell form would refuse is refused by the apply schema too', async () => {
    const lines = [{ initiativeId: inf.initiativeIds[0], regionCode: '01', fields: [{ field: 'link', old: 'https://example.org/a', new: 'javascript:alert(1)' }] }];
    const response = await h.invoke('demo-admin', 'applyImport', { programmeId: inf.programmeId, importId: 'imp-bad', fileName: 'a.csv', counts: { changes: 1, unchanged: 0 }, changes: [], lines });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
