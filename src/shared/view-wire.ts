/**
 * The compact wire form of getView. A large programme's view is mostly repetition: the same field names in
 * every cell, region codes that the column already says, default values, and a stale list that repeats what
 * the cells say. Forge's resolver JSON-encodes every response (CPU on the function, payload limits on the
 * invoke) and the browser parses it, so the resolver packs the view here and the UI's api layer unpacks it.
 * Consumers only ever see the full view models of contract.ts; this module is the one place that knows both.
 *
 * Per-region lists travel column-wise (one array per field, in `regionCodes` order), and a column in which
 * every value is its default is left out. Unpacking restores exactly the value that was packed.
 */
import type {
  CellView,
  InitiativeHeader,
  MacroView,
  ResolverContract,
  ResolverName,
  ResolverWire,
  RoadmapView,
  RolloutStatusView,
  SupportPlanView,
  TechnicalNeedsView,
  ViewResponse,
  WireForms,
} from './contract';
import { DEFAULT_REGION_CELL, INITIATIVE_FIELDS, type Milestone } from './model';

/**
 * One column per field: per region, the index of its value in the view's `values`. A view of 290
 * participants repeats a handful of statuses, months, days and warning lists thousands of times; each
 * distinct value travels once per view, and a cell costs a character or two per field. An absent field
 * means every value is its default.
 */
export type Columns<T> = { [K in keyof T]?: Column };

/**
 * A column of value indexes as one string: a width digit, then each index in base 64 with that many
 * characters ("1" and one character each while every index is below 64, "2" below 4,096). As a JSON
 * array, 21 two-digit indexes cost 63 bytes; as this string, 23 — the technical-needs view at M, mostly
 * per-need progress columns, went from 114 KB to about 80 KB. The alphabet is URL-safe base 64, which JSON
 * never escapes.
 */
export type Column = string;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE: Readonly<Record<string, number>> = Object.fromEntries([...DIGITS].map((c, i) => [c, i]));

export function encodeColumn(indexes: readonly number[]): Column {
  let max = 0;
  for (const i of indexes) if (i > max) max = i;
  let width = 1;
  while (max >= 64 ** width) width += 1;
  let out = String(width);
  for (const index of indexes) {
    let digits = '';
    for (let n = index, k = 0; k < width; k += 1, n = Math.floor(n / 64)) digits = DIGITS[n % 64] + digits;
    out += digits;
  }
  return out;
}

/** The `count` indexes of a column; a column of another length or with a foreign character is refused. */
export function decodeColumn(column: Column, count: number): number[] {
  const width = Number(column[0]);
  if (!(width >= 1 && width <= 4) || column.length !== 1 + width * count) throw new Error(`Malformed view column for ${count} items`);
  const indexes = new Array<number>(count);
  for (let i = 0, at = 1; i < count; i += 1) {
    let n = 0;
    for (let k = 0; k < width; k += 1, at += 1) {
      const digit = DIGIT_VALUE[column[at]!];
      if (digit === undefined) throw new Error('Malformed view column');
      n = n * 64 + digit;
    }
    indexes[i] = n;
  }
  return indexes;
}

type NoRegion<T> = Omit<T, 'regionCode'>;
type RolloutRow = RolloutStatusView['rows'][number];
type NeedsItem = TechnicalNeedsView['initiatives'][number];
type NeedView = NeedsItem['needs'][number];
type NeedProgressView = NeedView['progress'][number];
type NeedsPlan = NeedsItem['plans'][number];
type SupportItem = SupportPlanView['initiatives'][number];
type ContactView = SupportItem['contacts'][number];
type RoadmapItem = RoadmapView['initiatives'][number];
type RoadmapRegion = RoadmapItem['regions'][number];

/** The value each field has when it says nothing: what an absent column stands for. */
export const CELL_VIEW_DEFAULTS: Readonly<NoRegion<CellView>> = Object.freeze({
  ...DEFAULT_REGION_CELL,
  stale: false,
  warnings: [],
  openRequiredNeeds: 0,
});
export const NEED_PROGRESS_DEFAULTS: Readonly<NoRegion<NeedProgressView>> = Object.freeze({
  progress: 'not-started',
  hasNote: false,
  updatedAt: null,
  stale: false,
});
export const NEEDS_PLAN_DEFAULTS: Readonly<NoRegion<NeedsPlan>> = Object.freeze({ status: 'not-started', pilotStart: null, warnings: [] });
export const CONTACT_DEFAULTS: Readonly<NoRegion<ContactView>> = Object.freeze({
  established: false,
  since: null,
  hasDetails: false,
  connection: null,
});
export const MILESTONE_DEFAULTS: Readonly<Milestone> = Object.freeze({
  id: '',
  phase: 'initiering',
  title: '',
  done: false,
  dueMonth: null,
  doneOn: null,
  note: '',
  weekOffset: null,
});
export const ROADMAP_REGION_DEFAULTS: Readonly<NoRegion<RoadmapRegion>> = Object.freeze({
  pilotStart: null,
  pilotEnd: null,
  broadStart: null,
  broadEnd: null,
  status: 'not-started',
  contactEstablished: false,
  openRequiredNeeds: 0,
  warnings: [],
});

export interface WireRolloutStatusView {
  /** The distinct values every column indexes into. */
  values: unknown[];
  macro: 'rollout-status';
  regionCodes: string[];
  rows: Array<{ initiative: WireHeader; cells: Columns<NoRegion<CellView>>; counts: RolloutRow['counts'] }>;
  statusTotals: RolloutStatusView['statusTotals'];
  // `stale` is left out: it is derived from the headers and cells, in the order the domain builds it.
}
export interface WireTechnicalNeedsView {
  /** The distinct values every column indexes into. */
  values: unknown[];
  macro: 'technical-needs';
  regionCodes: string[];
  initiatives: Array<{
    initiative: WireHeader;
    plans: Columns<NoRegion<NeedsPlan>>;
    needs: Array<Omit<NeedView, 'progress'> & { progress: Columns<NoRegion<NeedProgressView>> }>;
  }>;
}
export interface WireSupportPlanView {
  /** The distinct values every column indexes into. */
  values: unknown[];
  macro: 'support-plan';
  regionCodes: string[];
  initiatives: Array<
    Omit<SupportItem, 'contacts' | 'milestones' | 'initiative'> & {
      initiative: WireHeader; contacts: Columns<NoRegion<ContactView>>; milestones: { n: number; columns: Columns<Milestone> } }
  >;
}
export interface WireRoadmapView {
  /** The distinct values every column indexes into. */
  values: unknown[];
  macro: 'roadmap';
  regionCodes: string[];
  quarters: string[];
  initiatives: Array<{ initiative: WireHeader; planningOpen: number; regions: Columns<NoRegion<RoadmapRegion>> }>;
}
export type WireMacroView = WireRolloutStatusView | WireTechnicalNeedsView | WireSupportPlanView | WireRoadmapView;

export type WireViewResponse =
  | Extract<ViewResponse, { state: 'no-programme' }>
  | (Omit<Extract<ViewResponse, { state: 'ready' }>, 'view'> & { view: WireMacroView });

// ---------------------------------------------------------------- columns

function isDefault(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 && Array.isArray(fallback);
  return value === fallback;
}

/** The distinct values of one view, as the columns index them. */
export class ValueTable {
  readonly values: unknown[] = [];
  private readonly primitives = new Map<unknown, number>();
  // Objects and arrays (warning lists) are compared by their JSON.
  private readonly objects = new Map<string, number>();

  indexOf(value: unknown): number {
    const isObject = value !== null && typeof value === 'object';
    const key = isObject ? JSON.stringify(value) : value;
    const known = isObject ? this.objects.get(key as string) : this.primitives.get(key);
    if (known !== undefined) return known;
    const index = this.values.push(value) - 1;
    if (isObject) this.objects.set(key as string, index);
    else this.primitives.set(key, index);
    return index;
  }
}

/** Region-ordered items → columns, without regionCode and without all-default columns. */
export function toColumns<T extends object>(items: ReadonlyArray<T>, defaults: Readonly<T>, table: ValueTable): Columns<T> {
  const columns: Columns<T> = {};
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    if (items.every((item) => isDefault(item[key], defaults[key]))) continue;
    columns[key] = encodeColumn(items.map((item) => table.indexOf(item[key])));
  }
  return columns;
}

/**
 * Columns → items again, one per region code, each a fresh object. Values from the table are shared
 * between items (a warning list, for one); consumers treat view models as read-only.
 */
export function fromColumns<T extends object>(
  columns: Columns<T>,
  regionCodes: readonly string[],
  defaults: Readonly<T>,
  values: readonly unknown[],
): Array<T & { regionCode: string }> {
  return rebuild(columns, regionCodes.length, defaults, values, (i) => ({ regionCode: regionCodes[i] })) as Array<T & { regionCode: string }>;
}

/** Columns → `count` items (a list that is not per region, e.g. an initiative's milestones). */
export function fromColumnsN<T extends object>(columns: Columns<T>, count: number, defaults: Readonly<T>, values: readonly unknown[]): T[] {
  return rebuild(columns, count, defaults, values, () => ({}));
}

function rebuild<T extends object>(
  columns: Columns<T>,
  count: number,
  defaults: Readonly<T>,
  values: readonly unknown[],
  start: (i: number) => object,
): T[] {
  // Present columns and array defaults are looked up once; every item then starts from the same literal
  // shape, which keeps a 14,500-cell matrix cheap to rebuild in the browser.
  const keys = Object.keys(defaults) as Array<keyof T>;
  const present = keys.filter((key) => columns[key] !== undefined);
  const indexes = present.map((key) => decodeColumn(columns[key]!, count));
  const freshArrays = keys.filter((key) => columns[key] === undefined && Array.isArray(defaults[key]));
  return Array.from({ length: count }, (_, i) => {
    const item = { ...start(i), ...defaults } as Record<keyof T, unknown>;
    for (let k = 0; k < present.length; k += 1) item[present[k]!] = values[indexes[k]![i]!];
    for (const key of freshArrays) item[key] = [];
    return item as T;
  });
}

/** An initiative header travels as one value index per field, in this order. */
// Every header field; the round trip in test/shared/view-wire.test.ts fails if one is left out.
const HEADER_KEYS: ReadonlyArray<keyof InitiativeHeader> = ['id', 'order', 'archived', 'version', ...INITIATIVE_FIELDS, 'updatedAt', 'updatedByName', 'stale'];
export type WireHeader = number[];

function packHeader(header: InitiativeHeader, table: ValueTable): WireHeader {
  return HEADER_KEYS.map((key) => table.indexOf(header[key]));
}

function unpackHeader(packed: WireHeader, values: readonly unknown[]): InitiativeHeader {
  return Object.fromEntries(HEADER_KEYS.map((key, i) => [key, values[packed[i]]])) as unknown as InitiativeHeader;
}

/** The region codes of a view's per-region lists (the same participants, in the same order, in every row). */
function regionCodesOf(lists: ReadonlyArray<ReadonlyArray<{ regionCode: string }>>): string[] {
  return (lists[0] ?? []).map((item) => item.regionCode);
}

// ---------------------------------------------------------------- views

export function packView(view: MacroView): WireMacroView {
  const table = new ValueTable();
  // Headers are packed last: the per-participant values, used thousands of times, get the short indexes.
  const headers: Array<[WireHeader, InitiativeHeader]> = [];
  const header = (h: InitiativeHeader): WireHeader => {
    const slot: WireHeader = [];
    headers.push([slot, h]);
    return slot;
  };
  const wire = packColumns(view, table, header);
  for (const [slot, h] of headers) slot.push(...packHeader(h, table));
  return wire;
}

function packColumns(view: MacroView, table: ValueTable, header: (h: InitiativeHeader) => WireHeader): WireMacroView {
  const { values } = table;
  switch (view.macro) {
    case 'rollout-status':
      return {
        macro: view.macro,
        values,
        regionCodes: regionCodesOf(view.rows.map((r) => r.cells)),
        rows: view.rows.map((r) => ({ initiative: header(r.initiative), cells: toColumns(r.cells, CELL_VIEW_DEFAULTS, table), counts: r.counts })),
        statusTotals: view.statusTotals,
      };
    case 'technical-needs':
      return {
        macro: view.macro,
        values,
        // Every initiative has a plan per participant, also one without needs.
        regionCodes: regionCodesOf(view.initiatives.map((i) => i.plans)),
        initiatives: view.initiatives.map((i) => ({
          initiative: header(i.initiative),
          plans: toColumns(i.plans, NEEDS_PLAN_DEFAULTS, table),
          needs: i.needs.map((n) => ({ ...n, progress: toColumns(n.progress, NEED_PROGRESS_DEFAULTS, table) })),
        })),
      };
    case 'support-plan':
      return {
        macro: view.macro,
        values,
        regionCodes: regionCodesOf(view.initiatives.map((i) => i.contacts)),
        initiatives: view.initiatives.map((i) => ({
          ...i,
          initiative: header(i.initiative),
          contacts: toColumns(i.contacts, CONTACT_DEFAULTS, table),
          // Milestone titles and phases repeat across initiatives (they come from one template).
          milestones: { n: i.milestones.length, columns: toColumns(i.milestones, MILESTONE_DEFAULTS, table) },
        })),
      };
    case 'roadmap':
      return {
        macro: view.macro,
        values,
        regionCodes: regionCodesOf(view.initiatives.map((i) => i.regions)),
        quarters: view.quarters,
        initiatives: view.initiatives.map((i) => ({ initiative: header(i.initiative), planningOpen: i.planningOpen, regions: toColumns(i.regions, ROADMAP_REGION_DEFAULTS, table) })),
      };
  }
}

export function unpackView(wire: WireMacroView): MacroView {
  const codes = wire.regionCodes;
  switch (wire.macro) {
    case 'rollout-status': {
      const stale: RolloutStatusView['stale'] = [];
      const rows = wire.rows.map((packed) => {
        const r = { ...packed, initiative: unpackHeader(packed.initiative, wire.values) };
        const cells = fromColumns(r.cells, codes, CELL_VIEW_DEFAULTS, wire.values);
        if (r.initiative.stale) stale.push({ initiativeId: r.initiative.id, regionCode: null, updatedAt: r.initiative.updatedAt });
        for (const cell of cells) {
          if (cell.stale) stale.push({ initiativeId: r.initiative.id, regionCode: cell.regionCode, updatedAt: cell.updatedAt });
        }
        return { initiative: r.initiative, cells, counts: r.counts };
      });
      return { macro: wire.macro, rows, statusTotals: wire.statusTotals, stale };
    }
    case 'technical-needs':
      return {
        macro: wire.macro,
        initiatives: wire.initiatives.map((i) => ({
          initiative: unpackHeader(i.initiative, wire.values),
          plans: fromColumns(i.plans, codes, NEEDS_PLAN_DEFAULTS, wire.values),
          needs: i.needs.map((n) => ({ ...n, progress: fromColumns(n.progress, codes, NEED_PROGRESS_DEFAULTS, wire.values) })),
        })),
      };
    case 'support-plan':
      return {
        macro: wire.macro,
        initiatives: wire.initiatives.map((i) => ({
          ...i,
          initiative: unpackHeader(i.initiative, wire.values),
          contacts: fromColumns(i.contacts, codes, CONTACT_DEFAULTS, wire.values),
          milestones: fromColumnsN(i.milestones.columns, i.milestones.n, MILESTONE_DEFAULTS, wire.values),
        })),
      };
    case 'roadmap':
      return {
        macro: wire.macro,
        quarters: wire.quarters,
        initiatives: wire.initiatives.map((i) => ({
          initiative: unpackHeader(i.initiative, wire.values),
          planningOpen: i.planningOpen,
          regions: fromColumns(i.regions, codes, ROADMAP_REGION_DEFAULTS, wire.values),
        })),
      };
  }
}

export function packViewResponse(response: ViewResponse): WireViewResponse {
  return response.state === 'ready' ? { ...response, view: packView(response.view) } : response;
}

export function unpackViewResponse(wire: WireViewResponse): ViewResponse {
  return wire.state === 'ready' ? { ...wire, view: unpackView(wire.view) } : wire;
}

// ---------------------------------------------------------------- per resolver

/** The resolvers whose response travels in a compact form; every other response travels as it is. */
const CODECS: { [N in keyof WireForms]: { pack: (data: ResolverContract[N]['response']) => WireForms[N]; unpack: (wire: WireForms[N]) => ResolverContract[N]['response'] } } = {
  getView: { pack: packViewResponse, unpack: unpackViewResponse },
};

function codecOf(name: ResolverName): { pack: (data: unknown) => unknown; unpack: (wire: unknown) => unknown } | undefined {
  return (CODECS as Record<string, { pack: (data: unknown) => unknown; unpack: (wire: unknown) => unknown }>)[name];
}

/** Used by the resolver definitions: the response data as it goes on the wire. */
export function packResponse<N extends ResolverName>(name: N, data: ResolverContract[N]['response']): ResolverWire<N> {
  const codec = codecOf(name);
  return (codec ? codec.pack(data) : data) as ResolverWire<N>;
}

/** Used by the UI's invoke (and tests that call the handler): the response data as the contract describes it. */
export function unpackResponse<N extends ResolverName>(name: N, wire: ResolverWire<N>): ResolverContract[N]['response'] {
  const codec = codecOf(name);
  return (codec ? codec.unpack(wire) : wire) as ResolverContract[N]['response'];
}
