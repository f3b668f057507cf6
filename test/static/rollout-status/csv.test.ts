import Papa from 'papaparse';
import { translator } from '../../../static/app/src/i18n/define-messages';
import { DEFAULT_CELL_DETAILS } from '../../../src/shared/model';
import { datedCsvName as csvFileName, tableToCsv as toCsv } from '../../../static/app/src/editing/csv-file';
import { listTable, matrixTable, type DetailsLookup } from '../../../static/app/src/views/rollout-status/csv';
import { rolloutStatusMessages } from '../../../static/app/src/views/rollout-status/messages';
import { applyFilters, NO_FILTERS, toGrid } from '../../../static/app/src/views/rollout-status/view-model';
import { cell, header, REGIONS, sampleRows } from './fixtures';

const sv = translator(rolloutStatusMessages, 'sv');
const en = translator(rolloutStatusMessages, 'en');

/** What a spreadsheet app reads: strip the BOM, split on ';'. */
function read(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
}

/** A list's table as the file says it; fails the test when there is no file. */
function csvOf(table: string[][] | null): string[][] {
  expect(table).not.toBeNull();
  return read(toCsv(table!));
}

describe('CSV of the matrix', () => {
  it('has Swedish headers with full region names and statuses in words', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, NO_FILTERS), 'initiatives-as-rows');
    expect(read(toCsv(matrixTable(grid, 'sv', sv)))).toEqual([
      ['Införande', 'Region Stockholm', 'Region Uppsala', 'Region Sörmland', 'Infört'],
      ['Digital KBT', 'Infört', 'Pilot (tidigt införande)', 'Ej påbörjat', '1 av 3'],
      ['Chatt med vården', 'Planering pågår', 'Infört', 'Avstår / ej aktuellt', '1 av 3'],
    ]);
  });

  it('is in English when the UI is', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, NO_FILTERS), 'initiatives-as-rows');
    const [head, first] = read(toCsv(matrixTable(grid, 'en', en)));
    expect(head[0]).toBe('Initiative');
    expect(first.slice(1, 3)).toEqual(['Live', 'Pilot']);
  });

  it('exports only what the filter shows, leaving non-matching cells empty', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, statuses: ['live'] }), 'initiatives-as-rows');
    expect(read(toCsv(matrixTable(grid, 'sv', sv)))).toEqual([
      ['Införande', 'Region Stockholm', 'Region Uppsala', 'Infört'],
      ['Digital KBT', 'Infört', '', '1 av 3'],
      ['Chatt med vården', '', 'Infört', '1 av 3'],
    ]);
  });

  it('follows the transposed layout, with the summary as the last line', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, NO_FILTERS), 'regions-as-rows');
    const table = read(toCsv(matrixTable(grid, 'sv', sv)));
    expect(table[0]).toEqual(['Region', 'Digital KBT', 'Chatt med vården']);
    expect(table[1]).toEqual(['Region Stockholm', 'Infört', 'Planering pågår']);
    expect(table[table.length - 1]).toEqual(['Infört', '1 av 3', '1 av 3']);
  });
});

describe('CSV safety', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+46 8 123', `'+46 8 123`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['=1+1\nrad två', `'=1+1\nrad två`],
  ])('neutralises %j', (value, expected) => {
    expect(read(toCsv([['x'], [value]]))[1][0]).toBe(expected);
  });

  it('leaves ordinary text alone, including ; and quotes', () => {
    expect(read(toCsv([['x'], ['Avtal; "klart" – se länk']]))[1][0]).toBe('Avtal; "klart" – se länk');
  });

  it('neutralises an initiative name typed as a formula', () => {
    const rows = [{ ...sampleRows()[0], initiative: header('kbt', '=cmd|calc') }];
    const grid = toGrid(applyFilters(rows, REGIONS, NO_FILTERS), 'initiatives-as-rows');
    expect(read(toCsv(matrixTable(grid, 'sv', sv)))[1][0]).toBe(`'=cmd|calc`);
  });
});

describe('CSV of a region list', () => {
  /** Digital KBT in Region Uppsala, with a note and a link stored as details (not in the view). */
  function uppsalaRows() {
    return [
      {
        ...sampleRows()[0],
        cells: [
          cell('03', 'pilot', {
            pilotStart: '2026-03',
            pilotEnd: '2026-05',
            openRequiredNeeds: 2,
            contactEstablished: true,
            contactSince: '2025-11-03',
            hasDetails: true,
          }),
        ],
      },
      { ...sampleRows()[1], cells: [cell('03', 'live')] },
    ];
  }
  /** As the details store answers once the region's details are read: cells without details have none. */
  const uppsalaDetails: DetailsLookup = (initiativeId, regionCode, hasDetails) =>
    initiativeId === 'kbt' && regionCode === '03'
      ? { note: 'Startar på vårdcentralerna', link: 'https://www.inera.se/kbt', regionalContact: 'Eva', nationalContact: '' }
      : hasDetails
        ? undefined
        : DEFAULT_CELL_DETAILS;

  it('has one line per initiative with plans, needs, contact, and the note and link from the details', () => {
    const table = csvOf(listTable(applyFilters(uppsalaRows(), REGIONS, NO_FILTERS), 'region', 'sv', sv, uppsalaDetails));
    expect(table[0]).toEqual([
      'Införande',
      'Status',
      'Planerad pilot',
      'Planerat breddinförande',
      'Öppna obligatoriska behov',
      'Kontakt med regionen',
      'Anteckning',
      'Länk',
      'Senast uppdaterad',
    ]);
    expect(table[1]).toEqual([
      'Digital KBT',
      'Pilot (tidigt införande)',
      'mars 2026 – maj 2026',
      'Inte planerat',
      '2',
      'Etablerad sedan 3 nov. 2025',
      'Startar på vårdcentralerna',
      'https://www.inera.se/kbt',
      '10 jan. 2026',
    ]);
  });

  it('needs no details for a cell the view says has none', () => {
    const asked: string[] = [];
    const lookup: DetailsLookup = (initiativeId, regionCode, hasDetails) => {
      asked.push(`${initiativeId}:${regionCode}:${hasDetails}`);
      return uppsalaDetails(initiativeId, regionCode, hasDetails);
    };
    const table = csvOf(listTable(applyFilters(uppsalaRows(), REGIONS, NO_FILTERS), 'region', 'sv', sv, lookup));
    expect(table[2].slice(0, 2)).toEqual(['Chatt med vården', 'Infört']);
    expect(table[2].slice(6, 8)).toEqual(['', '']);
    expect(asked).toEqual(['kbt:03:true', 'chatt:03:false']);
  });

  it('makes no file while the details of a line shown are missing, rather than a file with holes', () => {
    expect(listTable(applyFilters(uppsalaRows(), REGIONS, NO_FILTERS), 'region', 'sv', sv, () => undefined)).toBeNull();
  });

  it('does not wait for the details of a line the filter hides', () => {
    const onlyLive = applyFilters(uppsalaRows(), REGIONS, { ...NO_FILTERS, statuses: ['live'] });
    const table = csvOf(listTable(onlyLive, 'region', 'sv', sv, (_i, _r, hasDetails) => (hasDetails ? undefined : DEFAULT_CELL_DETAILS)));
    expect(table.map((line) => line[0])).toEqual(['Införande', 'Chatt med vården']);
  });

  it('neutralises a note typed as a formula', () => {
    const lookup: DetailsLookup = () => ({ note: '=HYPERLINK("http://evil")', link: null, regionalContact: '', nationalContact: '' });
    const table = read(toCsv(listTable(applyFilters(uppsalaRows(), REGIONS, NO_FILTERS), 'region', 'sv', sv, lookup)!));
    expect(table[1][6]).toBe(`'=HYPERLINK("http://evil")`);
  });
});

describe('csvFileName', () => {
  it('dates the file and keeps Swedish letters', () => {
    expect(csvFileName('status-per-region Södra', new Date('2026-11-22T10:00:00Z'))).toBe('status-per-region-Södra-2026-11-22.csv');
  });
});
