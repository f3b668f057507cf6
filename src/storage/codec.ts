/**
 * Stored shapes of the domain records: programmes, initiatives (what the overviews draw, compactly encoded),
 * participant details (stored apart, read on demand) and history entries. Decision 0017.
 */
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import {
  CELL_DETAIL_FIELDS,
  DEFAULT_CELL_DETAILS,
  DEFAULT_NEED_PROGRESS,
  DEFAULT_REGION_CELL,
  isNeedOpen,
  type CellDetails,
  type HistoryEntry,
  type Initiative,
  type NeedRegionProgress,
  type ParticipantDetails,
  type Programme,
  type RegionCell,
  type TechnicalNeed,
} from '../shared/model';
import { NEED_PROGRESS, ROLLOUT_STATUSES } from '../shared/vocabulary';

// ------------------------------------------------------------------ programme

type ProgrammeData = Omit<Programme, 'id' | 'spaceKey' | 'published' | 'version'>;
export interface ProgrammeRecord {
  spaceKey: string;
  createdAt: number;
  published: boolean;
  version: number;
  data: ProgrammeData;
}

export function encodeProgramme(programme: Programme): ProgrammeRecord {
  const { id: _id, spaceKey, published, version, ...data } = programme;
  return { spaceKey, createdAt: Date.parse(programme.createdAt), published, version, data };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Throws when a stored record is not of the shape this version writes: the caller decides what that means. */
function expectShape(ok: boolean, what: string): void {
  if (!ok) throw new Error(`malformed record: ${what}`);
}

export function decodeProgramme(id: string, record: ProgrammeRecord): Programme {
  expectShape(isObject(record), 'not an object');
  expectShape(typeof record.spaceKey === 'string' && typeof record.published === 'boolean', 'space or published flag');
  expectShape(Number.isInteger(record.version), 'version');
  const data = record.data as unknown;
  expectShape(isObject(data), 'data');
  const d = data as Record<string, unknown>;
  expectShape(typeof d.name === 'string' && typeof d.stalenessDays === 'number', 'name or staleness');
  expectShape(Array.isArray(d.participants) && d.participants.every((p) => isObject(p) && typeof p.code === 'string'), 'participants');
  expectShape(Array.isArray(d.milestoneTemplate), 'milestone template');
  return { ...record.data, id, spaceKey: record.spaceKey, published: record.published, version: record.version };
}

// ------------------------------------------------------------------ initiative

/**
 * The initiative record holds what the overviews draw (decision 0017). A programme of 290 participants has
 * 14,500 cells and, with three needs each, 43,500 progress entries, all read on every cold view. So the
 * per-participant part is stored as fixed-width columns (one character for a status, two for a month, three
 * for a day), and the whole record is deflated when that makes it smaller. Both forms are decoded, so
 * records written either way stay readable.
 */
const STATUS_CODES = 'nplrxd';
const PROGRESS_CODES = 'nidx';
const NO_MONTH = '--';
const NO_DAY = '---';
const CELL_WIDTH = 1 + 4 * 2 + 1 + 3 + 3 + 1;
const PROGRESS_WIDTH = 1 + 3 + 1;
const EPOCH_YEAR = 2000;
const DAY_MS = 86_400_000;
const EPOCH_DAY = Date.UTC(EPOCH_YEAR, 0, 1) / DAY_MS;

function encodeMonth(month: string | null): string {
  if (month === null) return NO_MONTH;
  const index = (Number(month.slice(0, 4)) - EPOCH_YEAR) * 12 + Number(month.slice(5, 7)) - 1;
  return index.toString(36).padStart(2, '0');
}

function decodeMonth(text: string): string | null {
  if (text === NO_MONTH) return null;
  const index = parseInt(text, 36);
  return `${EPOCH_YEAR + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Days since 2000-01-01 (UTC): 'updated' has day precision, as the domain asks, and so does 'contact since'. */
function encodeDay(iso: string | null): string {
  if (iso === null) return NO_DAY;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return NO_DAY;
  return (Math.floor(t / DAY_MS) - EPOCH_DAY).toString(36).padStart(3, '0');
}

function decodeDay(text: string): number | null {
  return text === NO_DAY ? null : (parseInt(text, 36) + EPOCH_DAY) * DAY_MS;
}

const decodeDate = (text: string) => {
  const t = decodeDay(text);
  return t === null ? null : new Date(t).toISOString().slice(0, 10);
};
const decodeInstant = (text: string) => {
  const t = decodeDay(text);
  return t === null ? null : new Date(t).toISOString();
};

function encodeCell(cell: RegionCell): string {
  return (
    STATUS_CODES[ROLLOUT_STATUSES.indexOf(cell.status)] +
    encodeMonth(cell.pilotStart) +
    encodeMonth(cell.pilotEnd) +
    encodeMonth(cell.broadStart) +
    encodeMonth(cell.broadEnd) +
    (cell.contactEstablished ? '1' : '0') +
    encodeDay(cell.contactSince) +
    encodeDay(cell.updatedAt) +
    // '2': details, but only contacts the public may not see (decision 0020); records from before read as '1'.
    (cell.hasDetails ? (cell.detailsPrivate ? '2' : '1') : '0')
  );
}

function decodeCell(text: string, at: number): RegionCell {
  const field = (offset: number, width: number) => text.slice(at + offset, at + offset + width);
  return {
    status: ROLLOUT_STATUSES[STATUS_CODES.indexOf(field(0, 1))],
    pilotStart: decodeMonth(field(1, 2)),
    pilotEnd: decodeMonth(field(3, 2)),
    broadStart: decodeMonth(field(5, 2)),
    broadEnd: decodeMonth(field(7, 2)),
    contactEstablished: field(9, 1) === '1',
    contactSince: decodeDate(field(10, 3)),
    updatedAt: decodeInstant(field(13, 3)),
    hasDetails: field(16, 1) !== '0',
    ...(field(16, 1) === '2' ? { detailsPrivate: true } : {}),
  };
}

function encodeProgress(entry: NeedRegionProgress): string {
  return PROGRESS_CODES[NEED_PROGRESS.indexOf(entry.progress)] + encodeDay(entry.updatedAt) + (entry.hasNote ? '1' : '0');
}

function decodeProgress(text: string, at: number): NeedRegionProgress {
  return {
    progress: NEED_PROGRESS[PROGRESS_CODES.indexOf(text[at])],
    updatedAt: decodeInstant(text.slice(at + 1, at + 4)),
    hasNote: text[at + 4] === '1',
  };
}

type StoredNeed = Omit<TechnicalNeed, 'progress'>;
interface InitiativeData extends Omit<Initiative, 'id' | 'programmeId' | 'order' | 'version' | 'cells' | 'needs' | 'progressSummary'> {
  /** The participants that have a cell or a progress entry, in the order of the columns. */
  codes: string[];
  /** CELL_WIDTH characters per code. */
  cells: string;
  needs: StoredNeed[];
  /**
   * Derived from the needs' progress when written, so the overviews that draw no progress need not read it:
   * per code, OPEN_WIDTH base-36 characters of a bit mask over the required needs (in order) still open.
   */
  open?: string;
  /** The latest update of any need progress entry. */
  progressAt?: string | null;
}
export interface InitiativeRecord {
  programmeId: string;
  order: number;
  version: number;
  /** InitiativeData, deflated and base64-encoded when that is smaller. */
  data: InitiativeData | string;
}

/**
 * The needs' per-participant progress of one initiative, stored apart from the initiative record: only the
 * technical-needs overview draws it (and edits read it), so the other overviews' cold reads stay small.
 */
interface ProgressData {
  codes: string[];
  /** By need id: PROGRESS_WIDTH characters per code. */
  p: Record<string, string>;
}
export interface ProgressRecord {
  programmeId: string;
  initiativeId: string;
  data: ProgressData | string;
}

const DEFAULT_CELL_TEXT = encodeCell(DEFAULT_REGION_CELL);
const DEFAULT_PROGRESS_TEXT = encodeProgress(DEFAULT_NEED_PROGRESS);
/** 12 required needs at most (LIMITS.needsPerInitiative): a mask below 36³. */
const OPEN_WIDTH = 3;

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** The initiative record and its progress record (null when it has no needs). */
export function encodeInitiative(initiative: Initiative): InitiativeRecord {
  return encodeInitiativeRecords(initiative).initiative;
}

/**
 * A whole initiative gives both records. One read without its progress (it has a progressSummary, e.g. for a
 * reordering) gives only the initiative record, with the summary carried over: `progress` is then
 * undefined, meaning "leave the stored progress as it is".
 */
export function encodeInitiativeRecords(initiative: Initiative): { initiative: InitiativeRecord; progress: ProgressRecord | null | undefined } {
  const { id, programmeId, order, version, cells, needs, progressSummary: summary, ...rest } = initiative;
  const codeSet = new Set(Object.keys(cells));
  if (summary) for (const code of Object.keys(summary.openRequired)) codeSet.add(code);
  else for (const need of needs) for (const code of Object.keys(need.progress)) codeSet.add(code);
  const codes = [...codeSet];
  const required = needs.filter((need) => need.required);
  const openAt = (code: string, need: TechnicalNeed): boolean =>
    summary ? (summary.openRequired[code] ?? required.map((n) => n.id)).includes(need.id) : isNeedOpen(need.progress[code]);
  let progressAt: string | null = summary ? summary.updatedAt : null;
  if (!summary) for (const need of needs) for (const code in need.progress) progressAt = latest(progressAt, need.progress[code].updatedAt);
  const data: InitiativeData = {
    ...rest,
    codes,
    cells: codes.map((code) => (cells[code] ? encodeCell(cells[code]) : DEFAULT_CELL_TEXT)).join(''),
    needs: needs.map(({ progress: _progress, ...need }) => need),
    ...(required.length > 0
      ? {
          open: codes
            .map((code) => required.reduce((mask, need, i) => (openAt(code, need) ? mask | (1 << i) : mask), 0).toString(36).padStart(OPEN_WIDTH, '0'))
            .join(''),
        }
      : {}),
    progressAt,
  };
  const initiativeRecord = { programmeId, order, version, data: compact(data) };
  if (summary) return { initiative: initiativeRecord, progress: undefined };
  const progress: ProgressRecord | null =
    needs.length === 0
      ? null
      : {
          programmeId,
          initiativeId: id,
          data: compact({
            codes,
            p: Object.fromEntries(
              needs.map((need) => [need.id, codes.map((code) => (need.progress[code] ? encodeProgress(need.progress[code]) : DEFAULT_PROGRESS_TEXT)).join('')]),
            ),
          }),
        };
  return { initiative: initiativeRecord, progress };
}

/**
 * The initiative as the overviews that draw no need progress see it: every `needs[].progress` empty, and a
 * progressSummary instead. `withNeedProgress` adds the progress record to make it whole.
 */
export function decodeInitiative(id: string, record: InitiativeRecord): Initiative {
  expectShape(isObject(record) && typeof record.programmeId === 'string' && Number.isInteger(record.version), 'initiative attributes');
  const data = expand<InitiativeData>(record.data);
  expectShape(isObject(data) && Array.isArray(data.codes) && Array.isArray(data.needs) && typeof data.name === 'string', 'initiative data');
  expectShape(typeof data.cells === 'string' && data.cells.length === data.codes.length * CELL_WIDTH, 'cell columns');
  expectShape(data.codes.every((_, i) => STATUS_CODES.includes(data.cells[i * CELL_WIDTH])), 'cell statuses');
  const { codes, cells: cellText, needs, open, progressAt, ...rest } = data;
  const cells: Initiative['cells'] = {};
  codes.forEach((code, i) => {
    if (cellText.startsWith(DEFAULT_CELL_TEXT, i * CELL_WIDTH)) return;
    cells[code] = decodeCell(cellText, i * CELL_WIDTH);
  });
  const required = needs.filter((need) => need.required);
  const openRequired: Record<string, string[]> = {};
  if (open !== undefined) {
    codes.forEach((code, i) => {
      const mask = parseInt(open.slice(i * OPEN_WIDTH, (i + 1) * OPEN_WIDTH), 36);
      openRequired[code] = required.filter((_, k) => (mask & (1 << k)) !== 0).map((need) => need.id);
    });
  }
  return {
    ...rest,
    id,
    programmeId: record.programmeId,
    order: record.order,
    version: record.version,
    cells,
    needs: needs.map((need) => ({ ...need, progress: {} })),
    progressSummary: { openRequired, updatedAt: progressAt ?? null },
  };
}

/** The whole initiative: the needs' progress from its record (null: no progress stored), no summary. */
export function withNeedProgress(initiative: Initiative, progressRecord: ProgressRecord | null | undefined): Initiative {
  const stored: ProgressData = progressRecord ? expand<ProgressData>(progressRecord.data) : { codes: [], p: {} };
  expectShape(isObject(stored) && Array.isArray(stored.codes) && isObject(stored.p), 'progress data');
  const { progressSummary: _summary, ...rest } = initiative;
  return {
    ...rest,
    needs: initiative.needs.map((need) => {
      const p = stored.p[need.id] ?? '';
      const progress: TechnicalNeed['progress'] = {};
      stored.codes.forEach((code, i) => {
        if (i * PROGRESS_WIDTH >= p.length || p.startsWith(DEFAULT_PROGRESS_TEXT, i * PROGRESS_WIDTH)) return;
        progress[code] = decodeProgress(p, i * PROGRESS_WIDTH);
      });
      return { ...need, progress };
    }),
  };
}

/** Marks a Brotli-compressed value; an unmarked string is deflate (the first format). */
const BROTLI = 'b:';

/**
 * Compressed JSON in base64 when that is shorter than the JSON itself; the value as it is otherwise.
 * Brotli at its best quality: these records are written once per edit and read on every cold view, and
 * on the column text it is about a quarter smaller than deflate (bench, docs/performance.md).
 */
function compact<T extends object>(value: T): T | string {
  const json = JSON.stringify(value);
  const packed =
    BROTLI +
    brotliCompressSync(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    }).toString('base64');
  return packed.length < Buffer.byteLength(json, 'utf8') ? packed : value;
}

export function expand<T>(stored: T | string): T {
  if (typeof stored !== 'string') return stored;
  const text = stored.startsWith(BROTLI)
    ? brotliDecompressSync(Buffer.from(stored.slice(BROTLI.length), 'base64'))
    : inflateRawSync(Buffer.from(stored, 'base64'));
  return JSON.parse(text.toString('utf8')) as T;
}

// ------------------------------------------------------------------ participant details

/** One record per initiative × participant that has any detail; absent means no details. */
export interface DetailRecord {
  programmeId: string;
  initiativeId: string;
  code: string;
  /** pc: which contacts are public (decision 0020); 'r' regional, 'n' national; absent: none. */
  data: { c?: Partial<CellDetails>; nn?: Record<string, string>; pc?: string };
}

export function detailKey(initiativeId: string, code: string): string {
  return `${initiativeId}:${code}`;
}

/** Null when there is nothing to store: then the record is deleted. */
export function encodeDetails(programmeId: string, initiativeId: string, code: string, details: ParticipantDetails): DetailRecord | null {
  const c: Partial<CellDetails> = {};
  for (const field of CELL_DETAIL_FIELDS) {
    if (details.cell[field] !== DEFAULT_CELL_DETAILS[field]) (c as Record<string, unknown>)[field] = details.cell[field];
  }
  const nn = Object.fromEntries(Object.entries(details.needNotes).filter(([, note]) => note !== ''));
  const hasCell = Object.keys(c).length > 0;
  const hasNotes = Object.keys(nn).length > 0;
  if (!hasCell && !hasNotes) return null;
  // A flag is kept only with its contact: a public flag without a contact says nothing.
  const pc = `${details.publicContacts?.regional && c.regionalContact ? 'r' : ''}${details.publicContacts?.national && c.nationalContact ? 'n' : ''}`;
  return { programmeId, initiativeId, code, data: { ...(hasCell ? { c } : {}), ...(hasNotes ? { nn } : {}), ...(pc ? { pc } : {}) } };
}

export function decodeDetails(record: DetailRecord | undefined | null): ParticipantDetails {
  if (!record) return { cell: { ...DEFAULT_CELL_DETAILS }, needNotes: {} };
  expectShape(isObject(record) && isObject(record.data), 'detail data');
  const pc = typeof record.data.pc === 'string' ? record.data.pc : '';
  return {
    cell: { ...DEFAULT_CELL_DETAILS, ...record.data.c },
    needNotes: { ...record.data.nn },
    ...(pc ? { publicContacts: { regional: pc.includes('r'), national: pc.includes('n') } } : {}),
  };
}

// ------------------------------------------------------------------ history

type HistoryData = Omit<HistoryEntry, 'id' | 'programmeId' | 'initiativeId' | 'regionCode'>;
/**
 * initiativeId and regionCode are left out when null, so the entry is simply not in those index partitions.
 * `cell` (initiative:region) partitions the entries of one cell, so "who changed this cell last" is one
 * small indexed read instead of a scan of the initiative's history.
 */
export interface HistoryRecord {
  programmeId: string;
  initiativeId?: string;
  regionCode?: string;
  cell?: string;
  /** Who made the change (also in `data`): the by-user index (decision 0030). Absent in entries written before it. */
  by?: string;
  at: number;
  /** Absent until a value is first redacted from the entry; each redaction adds one. */
  version?: number;
  data: HistoryData;
}

export function encodeHistory(entry: HistoryEntry): HistoryRecord {
  const { id: _id, programmeId, initiativeId, regionCode, ...data } = entry;
  return {
    programmeId,
    ...(initiativeId !== null ? { initiativeId } : {}),
    ...(regionCode !== null ? { regionCode } : {}),
    ...(initiativeId !== null && regionCode !== null ? { cell: detailKey(initiativeId, regionCode) } : {}),
    ...(entry.by ? { by: entry.by } : {}),
    at: Date.parse(entry.at),
    data,
  };
}

export function decodeHistory(id: string, record: HistoryRecord): HistoryEntry {
  return {
    ...record.data,
    id,
    programmeId: record.programmeId,
    initiativeId: record.initiativeId ?? null,
    regionCode: record.regionCode ?? null,
  };
}

/** Size of a value as Forge counts it against the 240 KiB limit: its JSON text in UTF-8. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
