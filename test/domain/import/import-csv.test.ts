/** Reading the matrix CSV back (decision 0028): orientation, statuses in both languages, and every problem by row and column. */
import { tableToCsv } from '../../../static/app/src/editing/csv-file';
import { rolloutStatusMessages } from '../../../static/app/src/views/rollout-status/messages';
import { importBatches, IMPORT_BATCH_CELLS } from '../../../src/domain/import/import-diff';
import { IMPORT_PROBLEM_KINDS, importProblemText, MATRIX_WORDS, parseImportCsv } from '../../../src/shared/import-csv';

const csv = (rows: string[][]) => tableToCsv(rows);

describe('parseImportCsv', () => {
  it('reads the initiatives-as-rows matrix and skips the summary column and empty cells', () => {
    const parsed = parseImportCsv(
      csv([
        ['Införande', 'Region Stockholm', 'Region Uppsala', 'Infört'],
        ['Digital KBT', 'Infört', '', '1 av 2'],
        ['Chatt', 'pilot', 'Declined / not applicable', '0 av 2'],
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.orientation).toBe('initiatives-as-rows');
    expect(parsed.cells).toEqual([
      { row: 2, column: 2, initiative: 'Digital KBT', participant: 'Region Stockholm', status: 'live', initiativeInRows: true },
      { row: 3, column: 2, initiative: 'Chatt', participant: 'Region Stockholm', status: 'pilot', initiativeInRows: true },
      { row: 3, column: 3, initiative: 'Chatt', participant: 'Region Uppsala', status: 'declined', initiativeInRows: true },
    ]);
  });

  it('reads the transposed matrix without its summary row, and without a BOM (as Excel may save it)', () => {
    const text = csv([
      ['Region', 'Digital KBT'],
      ['Region Stockholm', 'Planering pågår'],
      ['Live', '0 of 1'],
    ]).slice(1);
    const parsed = parseImportCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.cells).toEqual([{ row: 2, column: 2, initiative: 'Digital KBT', participant: 'Region Stockholm', status: 'planning', initiativeInRows: false }]);
  });

  it('takes back a value the export neutralised with a leading quote, and refuses a real formula', () => {
    const text = csv([
      ['Införande', '-Region', 'Region Uppsala'],
      ['=HYPERLINK("http://x")', 'Infört', 'Infört'],
      ['KBT', 'Infört', '@SUM(A1)'],
    ]);
    expect(text).toContain("'-Region");
    const parsed = parseImportCsv(text);
    expect(parsed.cells.map((c) => c.participant)).toContain('-Region');
    // Neutralised, so read as text: not a formula, but not a status either.
    expect(parsed.problems).toEqual([{ row: 3, column: 3, kind: 'unknown-status', value: '@SUM(A1)' }]);
    // The initiative name that starts with "=" was neutralised by the export, so it is a name, not a formula.
    expect(parsed.cells.map((c) => c.initiative)).toContain('=HYPERLINK("http://x")');
    const raw = parseImportCsv('Införande;Region Stockholm\r\n=1+1;Infört\r\n');
    expect(raw.problems).toEqual([{ row: 2, column: 1, kind: 'formula', value: '=1+1' }]);
    expect(parseImportCsv('Införande;Region Stockholm\r\nKBT;+Infört\r\n').problems).toEqual([{ row: 2, column: 2, kind: 'formula', value: '+Infört' }]);
  });

  it('reports unknown statuses, duplicate rows and columns, ragged rows and over-long names by row and column', () => {
    const parsed = parseImportCsv(
      csv([
        ['Införande', 'Region Stockholm', 'region  stockholm'],
        ['KBT', 'Klart', ''],
        ['kbt', 'Infört', ''],
        ['x'.repeat(201), 'Infört', ''],
        ['Chatt', 'Infört'],
      ]),
    );
    expect(parsed.problems.map((p) => [p.row, p.column, p.kind])).toEqual([
      [1, 3, 'duplicate-column'],
      [2, 2, 'unknown-status'],
      [3, 1, 'duplicate-row'],
      [4, 1, 'too-long'],
      [5, 3, 'ragged-row'],
    ]);
  });

  it('recognises a file saved in another encoding, and a file that is not the matrix', () => {
    expect(parseImportCsv('Införande;Region Stockholm\r\nKBT;InfÃ¶rt\r\n').problems).toEqual([{ row: 2, column: 2, kind: 'encoding', value: 'InfÃ¶rt' }]);
    expect(parseImportCsv('Inf\uFFFDrande;Region\r\n').problems[0].kind).toBe('encoding');
    expect(parseImportCsv('Status;Pilot\r\n').problems).toEqual([{ row: 1, column: 1, kind: 'not-a-matrix', value: 'Status' }]);
    expect(parseImportCsv('\uFEFF').problems).toEqual([{ row: 1, column: 1, kind: 'empty-file' }]);
  });

  it('uses the words the export writes (views/rollout-status/messages.ts)', () => {
    const words = (key: 'columnInitiative' | 'columnRegion' | 'summaryRow') => [rolloutStatusMessages.sv[key], rolloutStatusMessages.en[key]];
    expect(new Set(words('columnInitiative'))).toEqual(new Set(MATRIX_WORDS.initiative));
    expect(new Set(words('columnRegion'))).toEqual(new Set(MATRIX_WORDS.participant));
    expect(new Set(words('summaryRow'))).toEqual(new Set(MATRIX_WORDS.summary));
  });

  it('words every problem in Swedish and English', () => {
    for (const kind of IMPORT_PROBLEM_KINDS) {
      expect(importProblemText({ kind }, 'sv')).not.toBe(importProblemText({ kind }, 'en'));
    }
  });
});

describe('importBatches', () => {
  it('keeps each batch to one initiative and at most the cells one transaction holds', () => {
    const change = (initiativeId: string, k: number) => ({ initiativeId, regionCode: String(k), old: 'not-started' as const, new: 'live' as const });
    const changes = [...Array.from({ length: 45 }, (_, k) => change('a', k)), change('b', 1)];
    const batches = importBatches(changes);
    expect(batches.map((b) => b.length)).toEqual([IMPORT_BATCH_CELLS, IMPORT_BATCH_CELLS, 3, 1]);
    expect(batches.every((b) => new Set(b.map((c) => c.initiativeId)).size === 1)).toBe(true);
  });
});
