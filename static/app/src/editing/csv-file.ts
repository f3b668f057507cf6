/**
 * A table as a CSV file for Excel in Swedish locales: UTF-8 with a BOM so å/ä/ö survive, ';' because ','
 * is the decimal separator, and cells that a spreadsheet would run as a formula neutralised. Shared by
 * every view that exports (editing/ is where the views' shared tools live; a view never imports another).
 */
import Papa from 'papaparse';

const BOM = '\uFEFF';

/**
 * Spreadsheet apps run a cell that starts with one of these as a formula. papaparse's own default pattern
 * ends in `.*$`, which does not match across a line break; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function tableToCsv(table: ReadonlyArray<ReadonlyArray<string>>): string {
  return BOM + Papa.unparse(table as string[][], { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START });
}

/** "tekniska-behov-2026-11-22.csv": the date says which copy is newer once it sits in Downloads. */
export function datedCsvName(base: string, now: Date): string {
  const safe = base.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${safe}-${now.toISOString().slice(0, 10)}.csv`;
}
