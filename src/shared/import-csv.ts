/**
 * Reading the rollout-status matrix CSV back in (issue 11, decision 0028): the file "Ladda ner CSV" writes
 * for the whole programme (views/rollout-status/csv.ts `matrixTable`, in either orientation, in Swedish or
 * English), as Excel saves it again (';', UTF-8 with or without BOM). The list exports (one region's or one
 * initiative's list) do not name the region or initiative they are for, so they cannot be imported alone.
 *
 * Pure and shared: the browser parses and shows every problem before anything is sent; the server matches
 * the names against the programme and decides (domain/import). Problems carry a row and column (1-based,
 * as a spreadsheet counts them) and a kind; `importProblemText` words them in Swedish and English.
 */
import Papa from 'papaparse';
import { CELL_LINE_COLUMNS, CELL_LINE_HEADERS, CELL_LINE_YES_NO, type CellLineColumn, type CellLineField } from './cell-lines-csv';
import { LIMITS } from './limits';
import type { CellFields } from './model';
import { cellFieldsSchema } from './schemas';
import { LOCALES, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale, type RolloutStatus } from './vocabulary';

/**
 * The corner and summary texts the export writes (views/rollout-status/messages.ts, columnInitiative,
 * columnRegion, summaryRow). Repeated here because shared code cannot import a view; a jest test compares them.
 */
export const MATRIX_WORDS = {
  initiative: ['Införande', 'Initiative'],
  participant: ['Region'],
  summary: ['Infört', 'Live'],
} as const;

export type ImportOrientation = 'initiatives-as-rows' | 'participants-as-rows';

/** One non-empty status cell of the file: names as written, status decided. */
export interface ImportCell {
  row: number;
  column: number;
  initiative: string;
  participant: string;
  status: RolloutStatus;
  /** Whether the initiative is named in column 1 (else in row 1): where a name problem is reported. */
  initiativeInRows: boolean;
}

export const IMPORT_PROBLEM_KINDS = [
  'empty-file',
  'encoding',
  'not-a-matrix',
  'unknown-status',
  'formula',
  'too-long',
  'duplicate-row',
  'duplicate-column',
  'ragged-row',
  'unknown-initiative',
  'unknown-participant',
  'ambiguous-name',
  // The cell lines file (decision 0031):
  'unknown-column',
  'missing-column',
  'missing-status',
  'bad-month',
  'bad-date',
  'bad-yes-no',
  'bad-link',
  'note-too-long',
  'forbidden-characters',
  'end-before-start',
] as const;
export type ImportProblemKind = (typeof IMPORT_PROBLEM_KINDS)[number];

export interface ImportProblem {
  row: number;
  column: number;
  kind: ImportProblemKind;
  /** The cell's text (shortened), when it helps to see it. */
  value?: string;
}

/** One cell the import changes: what it was when previewed and what the file says. */
export interface ImportChange {
  initiativeId: string;
  regionCode: string;
  old: RolloutStatus;
  new: RolloutStatus;
}

/**
 * One changed cell of the preview. `initiativeId` is null for a cell of an initiative the file names and the
 * programme does not have yet: applying creates that initiative first (named by `initiative`).
 */
export interface ImportDiffLine extends Omit<ImportChange, 'initiativeId'> {
  initiativeId: string | null;
  row: number;
  column: number;
  initiative: string;
  participant: string;
}

/** An initiative the file names that the programme does not have: the import creates it, then its cells. */
export interface ImportNewInitiative {
  name: string;
  /** Where the name is written (its row's or column's header cell). */
  row: number;
  column: number;
  /** The file's cells of it that set a status other than "not started" (the new initiative's default). */
  cells: number;
}

/** A cell undo left because it was edited after the import: `new` is its status now. */
export type ImportRefusedCell = ImportChange & { initiative: string; participant: string };

export interface ParsedImport {
  orientation: ImportOrientation | null;
  cells: ImportCell[];
  problems: ImportProblem[];
  /** A cell lines file (decision 0031): its lines and where each column is; absent for a matrix. */
  cellLines?: { columns: ImportLineColumns; lines: ImportLine[] };
}

/** The values a cell lines file can set (decision 0031). */
export type ImportLineValues = Pick<CellFields, CellLineField>;
export type ImportLineValue = ImportLineValues[CellLineField];

/** One line of a cell lines file: the cell it names and the values of the columns the file has. */
export interface ImportLine {
  row: number;
  initiative: string;
  /** The participant's code (its column), else its name. */
  participant: string;
  /** Only the file's columns: an empty field is "no value" (null, '', false); a column left out changes nothing. */
  values: Partial<ImportLineValues>;
}

/** The 1-based column of each column the file has (for problems found by the server). */
export type ImportLineColumns = Partial<Record<CellLineColumn, number>>;

/** One field a line changes: what it was when previewed and what the file says. */
export interface ImportFieldChange {
  field: CellLineField;
  old: ImportLineValue;
  new: ImportLineValue;
}

/** One cell a cell lines import changes, field by field (decision 0031). */
export interface ImportLineChange {
  initiativeId: string;
  regionCode: string;
  fields: ImportFieldChange[];
}

/** One changed cell of a cell lines preview; `initiativeId` null: an initiative the import creates first. */
export interface ImportLineDiff extends Omit<ImportLineChange, 'initiativeId'> {
  initiativeId: string | null;
  row: number;
  initiative: string;
  participant: string;
}

/** A field undo left because it was edited after the import. */
export interface ImportRefusedField {
  initiativeId: string;
  regionCode: string;
  initiative: string;
  participant: string;
  field: CellLineField;
}

/** Mojibake a UTF-8 file shows when read as Windows-1252 (Ã¥ for å …), or bytes that were not UTF-8 at all. */
const MISREAD = /\uFFFD|Ã[\u0080-\u00BF¥¤¶…„–]/u;
/** What the export neutralises with a leading "'" (editing/csv-file.ts); a cell still starting so is a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

const STATUS_BY_TEXT = new Map<string, RolloutStatus>(
  ROLLOUT_STATUSES.flatMap((s) => [[norm(s), s] as const, [norm(ROLLOUT_STATUS_LABELS[s].sv), s] as const, [norm(ROLLOUT_STATUS_LABELS[s].en), s] as const]),
);

/**
 * A cell's text as the user meant it: the export's "'" before a formula-looking value is removed (so the
 * value round-trips), and a cell that would still run as a formula is a problem, never a value.
 */
function cellText(raw: string, row: number, column: number, problems: ImportProblem[]): string | null {
  if (raw.startsWith("'") && FORMULA_START.test(raw.slice(1))) return raw.slice(1);
  if (FORMULA_START.test(raw)) {
    problems.push({ row, column, kind: 'formula', value: clip(raw) });
    return null;
  }
  return raw;
}

export function parseImportCsv(text: string): ParsedImport {
  const problems: ImportProblem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { orientation: null, cells: [], problems: [{ row: 1, column: 1, kind: 'empty-file' }] };
  const table = Papa.parse<string[]>(body, { delimiter: ';', skipEmptyLines: 'greedy' }).data;

  // Encoding first: names that were misread match nothing, and one clear message beats a hundred unknown names.
  for (let r = 0; r < table.length; r++) {
    const c = table[r].findIndex((v) => MISREAD.test(v));
    if (c >= 0) return { orientation: null, cells: [], problems: [{ row: r + 1, column: c + 1, kind: 'encoding', value: clip(table[r][c]) }] };
  }

  const header = table[0];
  if (isCellLinesHeader(header)) return parseCellLines(table);
  const corner = norm(header[0] ?? '');
  const orientation: ImportOrientation | null = MATRIX_WORDS.initiative.some((w) => norm(w) === corner)
    ? 'initiatives-as-rows'
    : MATRIX_WORDS.participant.some((w) => norm(w) === corner)
      ? 'participants-as-rows'
      : null;
  if (!orientation || header.length < 2) {
    return { orientation: null, cells: [], problems: [{ row: 1, column: 1, kind: 'not-a-matrix', value: clip(header[0] ?? '') }] };
  }
  const isSummary = (s: string) => MATRIX_WORDS.summary.some((w) => norm(w) === norm(s));

  // The export's own summary (last column, or last row when transposed) is computed, never imported.
  let width = header.length;
  if (orientation === 'initiatives-as-rows' && isSummary(header[width - 1])) width--;
  let lines = table.slice(1).map((line, k) => ({ line, row: k + 2 }));
  if (orientation === 'participants-as-rows' && lines.length > 0 && isSummary(lines[lines.length - 1].line[0] ?? '')) lines = lines.slice(0, -1);

  const columns: Array<string | null> = [null];
  const seenColumns = new Set<string>();
  for (let c = 1; c < width; c++) {
    const name = cellText(header[c].trim(), 1, c + 1, problems);
    if (name !== null && name.length > LIMITS.name) problems.push({ row: 1, column: c + 1, kind: 'too-long', value: clip(name) });
    if (name !== null && seenColumns.has(norm(name))) problems.push({ row: 1, column: c + 1, kind: 'duplicate-column', value: clip(name) });
    if (name !== null) seenColumns.add(norm(name));
    columns.push(name);
  }

  const cells: ImportCell[] = [];
  const seenRows = new Set<string>();
  for (const { line, row } of lines) {
    if (line.length !== header.length) problems.push({ row, column: Math.min(line.length, header.length) + 1, kind: 'ragged-row' });
    const name = cellText((line[0] ?? '').trim(), row, 1, problems);
    if (name === null) continue;
    if (name.length > LIMITS.name) problems.push({ row, column: 1, kind: 'too-long', value: clip(name) });
    if (seenRows.has(norm(name))) {
      problems.push({ row, column: 1, kind: 'duplicate-row', value: clip(name) });
      continue;
    }
    seenRows.add(norm(name));
    for (let c = 1; c < width; c++) {
      const raw = (line[c] ?? '').trim();
      const across = columns[c];
      // An empty cell is one the export filtered out (or left blank): it changes nothing.
      if (raw === '' || across === null) continue;
      const value = cellText(raw, row, c + 1, problems);
      if (value === null) continue;
      const status = STATUS_BY_TEXT.get(norm(value));
      if (!status) {
        problems.push({ row, column: c + 1, kind: 'unknown-status', value: clip(value) });
        continue;
      }
      cells.push(
        orientation === 'initiatives-as-rows'
          ? { row, column: c + 1, initiative: name, participant: across, status, initiativeInRows: true }
          : { row, column: c + 1, initiative: across, participant: name, status, initiativeInRows: false },
      );
    }
  }
  return { orientation, cells, problems };
}

/** Every language's header of each column, normalised: a file may mix them (a column renamed by hand). */
const LINE_COLUMN_BY_HEADER = new Map<string, CellLineColumn>(
  CELL_LINE_COLUMNS.flatMap((c) => LOCALES.map((l) => [norm(CELL_LINE_HEADERS[c][l]), c] as const)),
);
/** The header without its format hint: "Pilot från" is as good as "Pilot från (ÅÅÅÅ-MM)". */
const lineColumnOf = (header: string): CellLineColumn | undefined => {
  const plain = norm(header);
  return LINE_COLUMN_BY_HEADER.get(plain) ?? [...LINE_COLUMN_BY_HEADER].find(([h]) => h.replace(/\s*\(.*\)$/, '') === plain)?.[1];
};

/** A cell lines file starts with the initiative's column and then the participant's code or name (a matrix never does). */
function isCellLinesHeader(header: readonly string[]): boolean {
  const second = lineColumnOf(header[1] ?? '');
  return lineColumnOf(header[0] ?? '') === 'initiative' && (second === 'code' || second === 'participant');
}

const YES = new Set(['true', ...LOCALES.map((l) => CELL_LINE_YES_NO[l].yes)]);
const NO = new Set(['false', ...LOCALES.map((l) => CELL_LINE_YES_NO[l].no)]);

/**
 * A field's text as a value, checked by the very schema the cell edit form uses (cellFieldsSchema), so the
 * import has no rules of its own. An empty field is "no value".
 */
function lineValue(field: CellLineField, text: string): { value: ImportLineValue } | { problem: ImportProblemKind } {
  const shape = cellFieldsSchema.shape;
  switch (field) {
    case 'status': {
      const status = STATUS_BY_TEXT.get(norm(text));
      return text.trim() === '' ? { problem: 'missing-status' } : status ? { value: status } : { problem: 'unknown-status' };
    }
    case 'contactEstablished': {
      const word = norm(text);
      return word === '' || NO.has(word) ? { value: false } : YES.has(word) ? { value: true } : { problem: 'bad-yes-no' };
    }
    case 'note': {
      const parsed = shape.note.safeParse(text);
      if (parsed.success) return { value: parsed.data };
      return { problem: text.length > LIMITS.note ? 'note-too-long' : 'forbidden-characters' };
    }
    case 'link': {
      if (text.trim() === '') return { value: null };
      const parsed = shape.link.safeParse(text);
      return parsed.success ? { value: parsed.data } : { problem: 'bad-link' };
    }
    case 'contactSince': {
      if (text.trim() === '') return { value: null };
      const parsed = shape.contactSince.safeParse(text.trim());
      return parsed.success ? { value: parsed.data } : { problem: 'bad-date' };
    }
    default: {
      if (text.trim() === '') return { value: null };
      const parsed = shape[field].safeParse(text.trim());
      return parsed.success ? { value: parsed.data } : { problem: 'bad-month' };
    }
  }
}

/** A cell lines file (decision 0031): every line's values, every problem by row and column. */
function parseCellLines(table: string[][]): ParsedImport {
  const problems: ImportProblem[] = [];
  const header = table[0];
  const columns: ImportLineColumns = {};
  header.forEach((raw, k) => {
    const column = lineColumnOf(raw);
    if (!column) problems.push({ row: 1, column: k + 1, kind: 'unknown-column', value: clip(raw) });
    else if (columns[column] !== undefined) problems.push({ row: 1, column: k + 1, kind: 'duplicate-column', value: clip(raw) });
    else columns[column] = k + 1;
  });
  const lines: ImportLine[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < table.length; r++) {
    const line = table[r];
    const row = r + 1;
    if (line.length !== header.length) problems.push({ row, column: Math.min(line.length, header.length) + 1, kind: 'ragged-row' });
    const at = (column: CellLineColumn): { text: string; column: number } | null => {
      const c = columns[column];
      if (c === undefined) return null;
      // A note keeps its spaces and line breaks; everything else is compared trimmed.
      const raw = column === 'note' ? (line[c - 1] ?? '') : (line[c - 1] ?? '').trim();
      const text = cellText(raw, row, c, problems);
      return text === null ? null : { text, column: c };
    };
    const initiative = at('initiative');
    const participant = columns.code !== undefined ? at('code') : at('participant');
    if (!initiative || !participant) continue;
    if (initiative.text.length > LIMITS.name) problems.push({ row, column: initiative.column, kind: 'too-long', value: clip(initiative.text) });
    const key = `${norm(initiative.text)}|${norm(participant.text)}`;
    if (seen.has(key)) {
      problems.push({ row, column: 1, kind: 'duplicate-row', value: clip(`${initiative.text}, ${participant.text}`) });
      continue;
    }
    seen.add(key);
    const values: Partial<ImportLineValues> = {};
    for (const field of CELL_LINE_COLUMNS) {
      if (field === 'initiative' || field === 'code' || field === 'participant') continue;
      const cell = at(field);
      if (!cell) continue;
      const read = lineValue(field, cell.text);
      if ('problem' in read) problems.push({ row, column: cell.column, kind: read.problem, value: clip(cell.text) });
      else (values as Record<string, ImportLineValue>)[field] = read.value;
    }
    lines.push({ row, initiative: initiative.text.trim(), participant: participant.text.trim(), values });
  }
  if (columns.initiative === undefined || (columns.code === undefined && columns.participant === undefined)) {
    problems.push({ row: 1, column: 1, kind: 'missing-column' });
  }
  return { orientation: null, cells: [], problems, cellLines: { columns, lines } };
}

const TEXTS: Record<ImportProblemKind, Record<Locale, string>> = {
  'empty-file': { sv: 'Filen är tom.', en: 'The file is empty.' },
  encoding: {
    sv: 'Filen är inte sparad som UTF-8 (å, ä och ö blir fel). Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen.',
    en: 'The file is not saved as UTF-8 (å, ä and ö come out wrong). Save it from Excel as "CSV UTF-8 (comma delimited)" and try again.',
  },
  'not-a-matrix': {
    sv: 'Filen är inte en statusmatris. Använd "Ladda ner CSV" i Status över införanden för hela programmet; första cellen ska vara "Införande" eller "Region".',
    en: 'The file is not a status matrix. Use "Download CSV" in the rollout status for the whole programme; the first cell must be "Initiative" or "Region".',
  },
  'unknown-status': { sv: 'Okänd status. Använd en av statusarna som exporten skriver.', en: 'Unknown status. Use one of the statuses the export writes.' },
  formula: {
    sv: 'Cellen ser ut som en formel och importeras inte. Ta bort = + - eller @ i början.',
    en: 'The cell looks like a formula and is not imported. Remove the leading = + - or @.',
  },
  'too-long': { sv: `Texten är längre än ${LIMITS.name} tecken.`, en: `The text is longer than ${LIMITS.name} characters.` },
  'duplicate-row': { sv: 'Raden finns redan längre upp i filen. Ta bort den ena.', en: 'This row is already in the file above. Remove one of them.' },
  'duplicate-column': { sv: 'Kolumnen finns redan i filen. Ta bort den ena.', en: 'This column is already in the file. Remove one of them.' },
  'ragged-row': { sv: 'Raden har inte lika många celler som rubrikraden.', en: 'The row does not have as many cells as the header row.' },
  'unknown-initiative': { sv: 'Inget införande i programmet heter så.', en: 'No initiative of the programme has this name.' },
  'unknown-participant': { sv: 'Ingen deltagare i programmet heter så eller har den koden.', en: 'No participant of the programme has this name or code.' },
  'ambiguous-name': { sv: 'Flera i programmet heter så; byt namn på det ena först.', en: 'Several in the programme have this name; rename one first.' },
  'unknown-column': {
    sv: 'Okänd kolumn. Använd kolumnerna som "Ladda ner alla celler (för import)" skriver, eller ta bort kolumnen.',
    en: 'Unknown column. Use the columns "Download all cells (for import)" writes, or remove the column.',
  },
  'missing-column': {
    sv: 'Filen saknar kolumnen Införande eller både Kod och Deltagare.',
    en: 'The file lacks the column Initiative, or both Code and Participant.',
  },
  'missing-status': { sv: 'Statusen saknas. Varje cell har en status.', en: 'The status is missing. Every cell has a status.' },
  'bad-month': {
    sv: 'Inte en månad. Skriv ÅÅÅÅ-MM, till exempel 2026-03 (år 2000–2100), eller lämna tomt.',
    en: 'Not a month. Write YYYY-MM, for example 2026-03 (years 2000–2100), or leave it empty.',
  },
  'bad-date': {
    sv: 'Inte ett datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2026-03-15, eller lämna tomt.',
    en: 'Not a date. Write YYYY-MM-DD, for example 2026-03-15, or leave it empty.',
  },
  'bad-yes-no': { sv: 'Skriv ja eller nej (eller lämna tomt för nej).', en: 'Write yes or no (or leave it empty for no).' },
  'bad-link': {
    sv: 'Inte en giltig länk. Länkar börjar med https:// eller http://, eller lämna tomt.',
    en: 'Not a valid link. Links start with https:// or http://, or leave it empty.',
  },
  'note-too-long': { sv: `Anteckningen är längre än ${LIMITS.note} tecken.`, en: `The note is longer than ${LIMITS.note} characters.` },
  'forbidden-characters': {
    sv: 'Texten innehåller osynliga styrtecken eller tecken för textriktning. Ta bort dem.',
    en: 'The text holds invisible control or text-direction characters. Remove them.',
  },
  'end-before-start': { sv: 'Slutet ligger före starten.', en: 'The end is before the start.' },
};

export function importProblemText(problem: Pick<ImportProblem, 'kind'>, locale: Locale): string {
  return TEXTS[problem.kind][locale];
}

export { norm as normaliseImportName };

/** The parsed cells cut into previewImport requests under Forge's 500 KB (IMPORT_LIMITS), measured as sent. */
export function importPreviewParts<T>(cells: readonly T[], limits: { previewBytes: number; previewCells: number }): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let bytes = 0;
  for (const cell of cells) {
    const size = new TextEncoder().encode(JSON.stringify(cell)).length + 1;
    if (part.length > 0 && (bytes + size > limits.previewBytes || part.length >= limits.previewCells)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(cell);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The preview's answer for one part of a file (the contract's previewImport response). */
export interface ImportPreview {
  changes: ImportDiffLine[];
  unchanged: number;
  problems: ImportProblem[];
  created: ImportNewInitiative[];
  /** A cell lines file's changed cells (decision 0031). */
  lines?: ImportLineDiff[];
}

/** The answers for the parts of one file as one: a new initiative whose cells span parts is listed once. */
export function mergeImportPreviews(parts: readonly ImportPreview[]): ImportPreview {
  const created = new Map<string, ImportNewInitiative>();
  for (const part of parts) {
    for (const c of part.created) {
      const had = created.get(norm(c.name));
      created.set(norm(c.name), had ? { ...had, cells: had.cells + c.cells } : { ...c });
    }
  }
  return {
    changes: parts.flatMap((p) => p.changes),
    unchanged: parts.reduce((n, p) => n + p.unchanged, 0),
    problems: parts.flatMap((p) => p.problems),
    created: [...created.values()],
    ...(parts.some((p) => p.lines) ? { lines: parts.flatMap((p) => p.lines ?? []) } : {}),
  };
}

/** One applyImport call of a plan: the new initiatives to create, or the cells to write. */
export interface ImportApplyPart {
  create?: string[];
  changes: ImportChange[];
  lines?: ImportLineChange[];
}

/**
 * Applies a confirmed preview, as the space page does and the tests do: first the new initiatives (a few per
 * call, answered with their ids), then the cells in parts, the new initiatives' cells with the ids they got.
 * `send` answers null to stop (an error the caller keeps); `done` counts the cells written so far.
 */
export async function applyImportPlan(
  plan: Pick<ImportPreview, 'changes' | 'created' | 'lines'>,
  limits: { createPerCall: number; applyCells: number; previewBytes: number },
  send: (part: ImportApplyPart) => Promise<{ created: Array<{ name: string; initiativeId: string }> } | null>,
  progress: (done: number) => void = () => undefined,
): Promise<{ done: number; complete: boolean }> {
  const ids = new Map<string, string>();
  for (let k = 0; k < plan.created.length; k += limits.createPerCall) {
    const answer = await send({ create: plan.created.slice(k, k + limits.createPerCall).map((c) => c.name), changes: [] });
    if (!answer) return { done: 0, complete: false };
    for (const c of answer.created) ids.set(norm(c.name), c.initiativeId);
  }
  const changes: ImportChange[] = plan.changes.map(({ initiativeId, initiative, regionCode, old, new: next }) => ({
    initiativeId: initiativeId ?? ids.get(norm(initiative)) ?? '',
    regionCode,
    old,
    new: next,
  }));
  let done = 0;
  for (let k = 0; k < changes.length; k += limits.applyCells) {
    const part = changes.slice(k, k + limits.applyCells);
    if (!(await send({ changes: part }))) return { done, complete: false };
    done += part.length;
    progress(done);
  }
  // Cell lines (decision 0031) carry notes and links: cut by size as well as by count, under Forge's 500 KB.
  const lines: ImportLineChange[] = (plan.lines ?? []).map(({ initiativeId, initiative, regionCode, fields }) => ({
    initiativeId: initiativeId ?? ids.get(norm(initiative)) ?? '',
    regionCode,
    fields,
  }));
  for (const part of importPreviewParts(lines, { previewBytes: limits.previewBytes, previewCells: limits.applyCells })) {
    if (!(await send({ changes: [], lines: part }))) return { done, complete: false };
    done += part.length;
    progress(done);
  }
  return { done, complete: true };
}
