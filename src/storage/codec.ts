/**
 * Stored shapes of the domain records, and the compact encoding of the initiative aggregate.
 *
 * An initiative holds one cell per participant and one progress entry per participant and need. Most of them
 * are untouched defaults, and with 290 municipalities the verbose form would approach the 240 KiB value limit
 * and cost many read units per view. So cells and progress entries store only the fields that differ from
 * the defaults, under short keys, and entries that are entirely default are left out.
 */
import {
  DEFAULT_CELL,
  type HistoryEntry,
  type Initiative,
  type NeedRegionProgress,
  type Programme,
  type RegionCell,
  type Stamp,
  type TechnicalNeed,
} from '../shared/model';

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

export function decodeProgramme(id: string, record: ProgrammeRecord): Programme {
  return { ...record.data, id, spaceKey: record.spaceKey, published: record.published, version: record.version };
}

// ------------------------------------------------------------------ initiative

const NO_STAMP: Stamp = { updatedAt: null, updatedBy: null, updatedByName: null };
const STAMP_KEYS = { updatedAt: 'ua', updatedBy: 'ub', updatedByName: 'un' } as const;

const CELL_DEFAULTS: RegionCell = { ...DEFAULT_CELL, ...NO_STAMP };
export const CELL_KEYS: Record<keyof RegionCell, string> = {
  status: 's',
  note: 'n',
  link: 'l',
  pilotStart: 'ps',
  pilotEnd: 'pe',
  broadStart: 'bs',
  broadEnd: 'be',
  contactEstablished: 'ce',
  contactSince: 'cs',
  regionalContact: 'rc',
  nationalContact: 'nc',
  ...STAMP_KEYS,
};

const PROGRESS_DEFAULTS: NeedRegionProgress = { progress: 'not-started', note: '', ...NO_STAMP };
export const PROGRESS_KEYS: Record<keyof NeedRegionProgress, string> = { progress: 'p', note: 'n', ...STAMP_KEYS };

type Packed = Record<string, unknown>;

function pack<T extends object>(value: T, defaults: T, keys: Record<keyof T, string>): Packed {
  const packed: Packed = {};
  for (const field of Object.keys(keys) as Array<keyof T>) {
    if (value[field] !== undefined && value[field] !== defaults[field]) packed[keys[field]] = value[field];
  }
  return packed;
}

function unpack<T extends object>(packed: Packed, defaults: T, keys: Record<keyof T, string>): T {
  const value = { ...defaults };
  for (const field of Object.keys(keys) as Array<keyof T>) {
    if (keys[field] in packed) value[field] = packed[keys[field]] as T[keyof T];
  }
  return value;
}

function packMap<T extends object>(map: Record<string, T>, defaults: T, keys: Record<keyof T, string>): Record<string, Packed> {
  const packed: Record<string, Packed> = {};
  for (const [code, value] of Object.entries(map)) {
    const entry = pack(value, defaults, keys);
    if (Object.keys(entry).length > 0) packed[code] = entry;
  }
  return packed;
}

function unpackMap<T extends object>(packed: Record<string, Packed> | undefined, defaults: T, keys: Record<keyof T, string>): Record<string, T> {
  return Object.fromEntries(Object.entries(packed ?? {}).map(([code, entry]) => [code, unpack(entry, defaults, keys)]));
}

type PackedNeed = Omit<TechnicalNeed, 'progress'> & { progress: Record<string, Packed> };
type InitiativeData = Omit<Initiative, 'id' | 'programmeId' | 'order' | 'version' | 'cells' | 'needs'> & {
  cells: Record<string, Packed>;
  needs: PackedNeed[];
};
export interface InitiativeRecord {
  programmeId: string;
  order: number;
  version: number;
  data: InitiativeData;
}

export function encodeInitiative(initiative: Initiative): InitiativeRecord {
  const { id: _id, programmeId, order, version, cells, needs, ...rest } = initiative;
  return {
    programmeId,
    order,
    version,
    data: {
      ...rest,
      cells: packMap(cells, CELL_DEFAULTS, CELL_KEYS),
      needs: needs.map((need) => ({ ...need, progress: packMap(need.progress, PROGRESS_DEFAULTS, PROGRESS_KEYS) })),
    },
  };
}

export function decodeInitiative(id: string, record: InitiativeRecord): Initiative {
  const { cells, needs, ...rest } = record.data;
  return {
    ...rest,
    id,
    programmeId: record.programmeId,
    order: record.order,
    version: record.version,
    cells: unpackMap(cells, CELL_DEFAULTS, CELL_KEYS),
    needs: (needs ?? []).map((need) => ({ ...need, progress: unpackMap(need.progress, PROGRESS_DEFAULTS, PROGRESS_KEYS) })),
  };
}

// ------------------------------------------------------------------ history

type HistoryData = Omit<HistoryEntry, 'id' | 'programmeId' | 'initiativeId' | 'regionCode'>;
/** initiativeId and regionCode are left out when null, so the entry is simply not in those index partitions. */
export interface HistoryRecord {
  programmeId: string;
  initiativeId?: string;
  regionCode?: string;
  at: number;
  data: HistoryData;
}

export function encodeHistory(entry: HistoryEntry): HistoryRecord {
  const { id: _id, programmeId, initiativeId, regionCode, ...data } = entry;
  return {
    programmeId,
    ...(initiativeId !== null ? { initiativeId } : {}),
    ...(regionCode !== null ? { regionCode } : {}),
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
