/**
 * The cell lines file (decision 0031): one line per initiative × participant of the whole programme, with
 * the cell's fields in a form a spreadsheet keeps and the import reads back exactly: months as ÅÅÅÅ-MM,
 * the contact day as ÅÅÅÅ-MM-DD, the contact as ja/nej (yes/no), the note and link as they are. Unlike the
 * matrix (decision 0028), an empty field here means "no value", so every column of the file says the whole
 * truth about its field; a column left out of the file leaves that field as it is.
 *
 * Pure and zod-free: the space page and the rollout-status export build the table with it, the import
 * (import-csv.ts) recognises the file by these headers, and the jest tests round-trip through both.
 */
import { DEFAULT_CELL, planOf, type CellDetails, type CellPlan, type Initiative, type Programme } from './model';
import { ROLLOUT_STATUS_LABELS, type Locale } from './vocabulary';

/** The columns, in the order the export writes them; `initiative` and `code` or `participant` name the cell. */
export const CELL_LINE_COLUMNS = [
  'initiative',
  'code',
  'participant',
  'status',
  'pilotStart',
  'pilotEnd',
  'broadStart',
  'broadEnd',
  'contactEstablished',
  'contactSince',
  'note',
  'link',
] as const;
export type CellLineColumn = (typeof CELL_LINE_COLUMNS)[number];

/** The cell fields the file carries (contacts' names stay out: personal data has no place in a spreadsheet). */
export const CELL_LINE_FIELDS = ['status', 'pilotStart', 'pilotEnd', 'broadStart', 'broadEnd', 'contactEstablished', 'contactSince', 'note', 'link'] as const;
export type CellLineField = (typeof CELL_LINE_FIELDS)[number];

/** The headers in Swedish and English; the import accepts either, in any order after the first column. */
export const CELL_LINE_HEADERS: Record<CellLineColumn, Record<Locale, string>> = {
  initiative: { sv: 'Införande', en: 'Initiative' },
  code: { sv: 'Kod', en: 'Code' },
  participant: { sv: 'Deltagare', en: 'Participant' },
  status: { sv: 'Status', en: 'Status' },
  pilotStart: { sv: 'Pilot från (ÅÅÅÅ-MM)', en: 'Pilot start (YYYY-MM)' },
  pilotEnd: { sv: 'Pilot till (ÅÅÅÅ-MM)', en: 'Pilot end (YYYY-MM)' },
  broadStart: { sv: 'Bredd från (ÅÅÅÅ-MM)', en: 'Broad start (YYYY-MM)' },
  broadEnd: { sv: 'Bredd till (ÅÅÅÅ-MM)', en: 'Broad end (YYYY-MM)' },
  contactEstablished: { sv: 'Kontakt etablerad (ja/nej)', en: 'Contact established (yes/no)' },
  contactSince: { sv: 'Kontakt sedan (ÅÅÅÅ-MM-DD)', en: 'Contact since (YYYY-MM-DD)' },
  note: { sv: 'Anteckning', en: 'Note' },
  link: { sv: 'Länk', en: 'Link' },
};

/** How the contact flag is written, per language; either language's words (and true/false) are read. */
export const CELL_LINE_YES_NO: Record<Locale, { yes: string; no: string }> = { sv: { yes: 'ja', no: 'nej' }, en: { yes: 'yes', no: 'no' } };

/** One cell as the export writes it. */
export interface CellLine {
  initiative: string;
  code: string;
  participant: string;
  plan: CellPlan;
  details: Pick<CellDetails, 'note' | 'link'>;
}

/** The file's table: the header row, then one line per cell (the CSV writer adds the BOM and the formula guard). */
export function cellLinesTable(lines: Iterable<CellLine>, locale: Locale): string[][] {
  const header = CELL_LINE_COLUMNS.map((c) => CELL_LINE_HEADERS[c][locale]);
  const yesNo = CELL_LINE_YES_NO[locale];
  const rows: string[][] = [header];
  for (const { initiative, code, participant, plan, details } of lines) {
    rows.push([
      initiative,
      code,
      participant,
      ROLLOUT_STATUS_LABELS[plan.status][locale],
      plan.pilotStart ?? '',
      plan.pilotEnd ?? '',
      plan.broadStart ?? '',
      plan.broadEnd ?? '',
      plan.contactEstablished ? yesNo.yes : yesNo.no,
      plan.contactSince ?? '',
      details.note,
      details.link ?? '',
    ]);
  }
  return rows;
}

/** "alla-celler-<programme>": the base name of the file (csv-file.ts `datedCsvName` adds the day). */
export function cellLinesFileBase(programmeName: string, locale: Locale): string {
  return `${locale === 'sv' ? 'alla-celler' : 'all-cells'}-${programmeName}`;
}

/**
 * Every cell of the programme as lines: the initiatives not archived, in the programme's order, and each of
 * the participants (retired ones are gone from the programme's list), with the note and link from `details`
 * (undefined: no details). A cell nobody touched is a line too, so the file can set it.
 */
export function programmeCellLines(
  programme: Pick<Programme, 'participants'>,
  initiatives: readonly Pick<Initiative, 'name' | 'id' | 'order' | 'archived' | 'cells'>[],
  details: (initiativeId: string, code: string) => Pick<CellDetails, 'note' | 'link'> | undefined,
): CellLine[] {
  const lines: CellLine[] = [];
  for (const initiative of [...initiatives].filter((i) => !i.archived).sort((a, b) => a.order - b.order)) {
    for (const p of programme.participants) {
      const cell = initiative.cells[p.code];
      lines.push({
        initiative: initiative.name,
        code: p.code,
        participant: p.name,
        plan: planOf(cell ?? DEFAULT_CELL),
        details: details(initiative.id, p.code) ?? { note: '', link: null },
      });
    }
  }
  return lines;
}

