/** Reading the cell lines file (decision 0031): recognised by its header in sv and en, and every problem by row and column. */
import { tableToCsv } from '../../../static/app/src/editing/csv-file';
import { CELL_LINE_COLUMNS, CELL_LINE_HEADERS, cellLinesTable, programmeCellLines } from '../../../src/shared/cell-lines-csv';
import { IMPORT_PROBLEM_KINDS, importProblemText, parseImportCsv } from '../../../src/shared/import-csv';
import { LIMITS } from '../../../src/shared/limits';
import { DEFAULT_CELL, planOf, type Initiative } from '../../../src/shared/model';

const HEADER_SV = CELL_LINE_COLUMNS.map((c) => CELL_LINE_HEADERS[c].sv);
const csv = (...lines: string[][]) => tableToCsv([HEADER_SV, ...lines]);
const line = (over: Partial<Record<(typeof CELL_LINE_COLUMNS)[number], string>> = {}) =>
  CELL_LINE_COLUMNS.map((c) => over[c] ?? ({ initiative: 'Digital KBT', code: '01', participant: 'Region Stockholm', status: 'Pilot', contactEstablished: 'nej' } as Record<string, string>)[c] ?? '');

describe('parseImportCsv: the cell lines file', () => {
  it('is recognised by its header (sv, en, or a hand-shortened header) and reads each value', () => {
    const parsed = parseImportCsv(
      csv(line({ pilotStart: '2026-03', pilotEnd: '2026-06', contactEstablished: 'ja', contactSince: '2026-01-15', note: '  två\nrader ', link: ' https://example.org/x ' })),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.cellLines?.lines).toEqual([
      {
        row: 2,
        initiative: 'Digital KBT',
        participant: '01',
        values: {
          status: 'pilot',
          pilotStart: '2026-03',
          pilotEnd: '2026-06',
          broadStart: null,
          broadEnd: null,
          contactEstablished: true,
          contactSince: '2026-01-15',
          note: '  två\nrader ',
          link: 'https://example.org/x',
        },
      },
    ]);
    const en = parseImportCsv(tableToCsv([CELL_LINE_COLUMNS.map((c) => CELL_LINE_HEADERS[c].en), line({ status: 'Live', contactEstablished: 'yes' })]));
    expect(en.problems).toEqual([]);
    expect(en.cellLines?.lines[0].values).toMatchObject({ status: 'live', contactEstablished: true });
    const short = parseImportCsv('Införande;Deltagare;Pilot från\r\nDigital KBT;Region Stockholm;2026-04\r\n');
    expect(short.problems).toEqual([]);
    expect(short.cellLines?.columns).toEqual({ initiative: 1, participant: 2, pilotStart: 3 });
    expect(short.cellLines?.lines[0]).toEqual({ row: 2, initiative: 'Digital KBT', participant: 'Region Stockholm', values: { pilotStart: '2026-04' } });
  });

  it('a matrix is still a matrix', () => {
    expect(parseImportCsv('Införande;Region Stockholm\r\nDigital KBT;Pilot\r\n').cellLines).toBeUndefined();
  });

  it('reports each problem by row and column', () => {
    // The export guards a formula with "'"; one typed in Excel has none.
    const parsed = parseImportCsv(
      csv(
        line({ pilotStart: '2026-13' }),
        line({ code: '03', pilotEnd: 'mars 2026' }),
        line({ code: '04', contactSince: '2026-02-30' }),
        line({ code: '05', contactEstablished: 'kanske' }),
        line({ code: '06', link: 'javascript:alert(1)' }),
        line({ code: '07', note: 'x'.repeat(LIMITS.note + 1) }),
        line({ code: '08', note: '=SUM(A1)' }),
        line({ code: '09', status: '' }),
        line({ code: '10', status: 'Klart' }),
        line({ code: '01' }),
        line({ code: '12', note: 'a\u202Eb' }),
      ).replace("'=SUM", '=SUM'),
    );
    expect(parsed.problems.map(({ row, column, kind }) => ({ row, column, kind }))).toEqual([
      { row: 2, column: 5, kind: 'bad-month' },
      { row: 3, column: 6, kind: 'bad-month' },
      { row: 4, column: 10, kind: 'bad-date' },
      { row: 5, column: 9, kind: 'bad-yes-no' },
      { row: 6, column: 12, kind: 'bad-link' },
      { row: 7, column: 11, kind: 'note-too-long' },
      { row: 8, column: 11, kind: 'formula' },
      { row: 9, column: 4, kind: 'missing-status' },
      { row: 10, column: 4, kind: 'unknown-status' },
      { row: 11, column: 1, kind: 'duplicate-row' },
      { row: 12, column: 11, kind: 'forbidden-characters' },
    ]);
  });

  it('reports an unknown column, a duplicate column, a missing name column and a ragged row', () => {
    expect(parseImportCsv('Införande;Kod;Färg;Kod\r\nDigital KBT;01;röd;01\r\n').problems).toEqual([
      { row: 1, column: 3, kind: 'unknown-column', value: 'Färg' },
      { row: 1, column: 4, kind: 'duplicate-column', value: 'Kod' },
    ]);
    expect(parseImportCsv('Införande;Kod;Status\r\nDigital KBT;01\r\n').problems).toEqual([
      { row: 2, column: 3, kind: 'ragged-row' },
      { row: 2, column: 3, kind: 'missing-status', value: '' },
    ]);
  });

  it('words every problem in Swedish and English', () => {
    for (const kind of IMPORT_PROBLEM_KINDS) {
      expect(importProblemText({ kind }, 'sv')).not.toBe('');
      expect(importProblemText({ kind }, 'en')).not.toBe(importProblemText({ kind }, 'sv'));
    }
  });

  it('the export writes every cell of the initiatives not archived, with the plan and the note and link', () => {
    const initiatives: Array<Pick<Initiative, 'id' | 'name' | 'order' | 'archived' | 'cells'>> = [
      { id: 'a', name: 'B', order: 2, archived: false, cells: {} },
      { id: 'b', name: 'A', order: 1, archived: false, cells: { '01': { ...planOf(DEFAULT_CELL), pilotStart: '2026-03', updatedAt: null, hasDetails: true } } },
      { id: 'c', name: 'Arkiverat', order: 0, archived: true, cells: {} },
    ];
    const participants = [{ code: '01', name: 'Region Stockholm', short: 'Stockholm' }];
    const table = cellLinesTable(programmeCellLines({ participants }, initiatives, (id) => (id === 'b' ? { note: '=1+1', link: null } : undefined)), 'sv');
    expect(table.slice(1)).toEqual([
      ['A', '01', 'Region Stockholm', 'Ej påbörjat', '2026-03', '', '', '', 'nej', '', '=1+1', ''],
      ['B', '01', 'Region Stockholm', 'Ej påbörjat', '', '', '', '', 'nej', '', '', ''],
    ]);
    // The formula guard of the shared CSV writer, and the import reading it back.
    const parsed = parseImportCsv(tableToCsv(table));
    expect(parsed.problems).toEqual([]);
    expect(parsed.cellLines?.lines[0].values.note).toBe('=1+1');
  });
});
