/**
 * Pure shaping of the rollout-status view for display: filters, per-initiative summaries, status totals
 * and the matrix grid in either orientation. No React, no DOM, so it can be tested in node.
 */
import type { CellView, InitiativeHeader, RolloutStatusView } from '@shared/contract';
import type { Participant } from '@shared/model';
import { rollUp, type ParticipantGroup, type RollUp } from '@shared/participant-groups';
import { effectivePerspective } from '@shared/perspective';
import { ROLLOUT_STATUSES, type RolloutStatus } from '@shared/vocabulary';

export type ViewRow = RolloutStatusView['rows'][number];
export type Layout = 'initiatives-as-rows' | 'regions-as-rows';

/** Empty list = no restriction on that axis. */
export interface Filters {
  regions: string[];
  initiatives: string[];
  statuses: RolloutStatus[];
}

export const NO_FILTERS: Filters = Object.freeze({ regions: [], initiatives: [], statuses: [] }) as Filters;

export function isFiltering(filters: Filters): boolean {
  return filters.regions.length > 0 || filters.initiatives.length > 0 || filters.statuses.length > 0;
}

export interface VisibleCell {
  region: Participant;
  cell: CellView;
  /** False when a status filter is active and this cell's status is not chosen. */
  matches: boolean;
}

export interface RowSummary {
  total: number;
  counts: Record<RolloutStatus, number>;
}

export interface VisibleRow {
  initiative: InitiativeHeader;
  /** In programme participant order, only the visible regions. */
  cells: VisibleCell[];
  /**
   * Over the regions the region filter keeps, regardless of the status filter, so that "Infört i 12 av
   * 21 regioner" stays true while a status filter hides cells.
   */
  summary: RowSummary;
}

export interface FilteredView {
  regions: Participant[];
  rows: VisibleRow[];
  /** Cells shown with a status (after all filters). */
  matchingCells: number;
  /** The sum of the shown rows' summaries. */
  totals: Record<RolloutStatus, number>;
}

export function emptyCounts(): Record<RolloutStatus, number> {
  return Object.fromEntries(ROLLOUT_STATUSES.map((s) => [s, 0])) as Record<RolloutStatus, number>;
}

/**
 * The participants that actually occur in the view, in programme order. The server may already have
 * narrowed the cells to one region (region perspective); the columns follow the data, not the programme.
 */
export function participantsInView(rows: ViewRow[], participants: ReadonlyArray<Participant>): Participant[] {
  const present = new Set<string>();
  for (const row of rows) for (const cell of row.cells) present.add(cell.regionCode);
  const known = participants.filter((p) => present.has(p.code));
  // A cell for a participant the programme no longer lists still deserves a column rather than vanishing.
  const knownCodes = new Set(known.map((p) => p.code));
  const orphans = [...present].filter((c) => !knownCodes.has(c)).map((code) => ({ code, name: code, short: code }));
  return [...known, ...orphans];
}

export function applyFilters(rows: ViewRow[], participants: ReadonlyArray<Participant>, filters: Filters): FilteredView {
  const allRegions = participantsInView(rows, participants);
  const regionFilter = new Set(filters.regions);
  const initiativeFilter = new Set(filters.initiatives);
  const statusFilter = new Set<RolloutStatus>(filters.statuses);
  const byRegion = regionFilter.size ? allRegions.filter((p) => regionFilter.has(p.code)) : allRegions;

  let shaped: VisibleRow[] = rows
    .filter((row) => initiativeFilter.size === 0 || initiativeFilter.has(row.initiative.id))
    .map((row) => {
      const cellsByRegion = new Map(row.cells.map((c) => [c.regionCode, c]));
      const cells: VisibleCell[] = [];
      const counts = emptyCounts();
      for (const region of byRegion) {
        const cell = cellsByRegion.get(region.code);
        if (!cell) continue;
        counts[cell.status] += 1;
        cells.push({ region, cell, matches: statusFilter.size === 0 || statusFilter.has(cell.status) });
      }
      return { initiative: row.initiative, cells, summary: { total: cells.length, counts } };
    });

  let regions = byRegion;
  if (statusFilter.size > 0) {
    // "Where are the pilots?": keep only the rows and columns that hold at least one matching cell.
    shaped = shaped.filter((row) => row.cells.some((c) => c.matches));
    const matchingRegions = new Set<string>();
    for (const row of shaped) for (const c of row.cells) if (c.matches) matchingRegions.add(c.region.code);
    regions = byRegion.filter((p) => matchingRegions.has(p.code));
    shaped = shaped.map((row) => ({ ...row, cells: row.cells.filter((c) => matchingRegions.has(c.region.code)) }));
  }

  const totals = emptyCounts();
  let matchingCells = 0;
  for (const row of shaped) {
    for (const status of ROLLOUT_STATUSES) totals[status] += row.summary.counts[status];
    for (const c of row.cells) if (c.matches) matchingCells += 1;
  }
  return { regions, rows: shaped, matchingCells, totals };
}

// ---------------------------------------------------------------- grid (orientation)

export type AxisItem =
  | { kind: 'initiative'; key: string; initiative: InitiativeHeader; summary: RowSummary }
  | { kind: 'region'; key: string; region: Participant }
  /** A county's roll-up column (or row), its municipalities following when expanded (grouped-grid.ts). */
  | { kind: 'group'; key: string; group: ParticipantGroup; expanded: boolean };

export interface GridCell {
  initiative: InitiativeHeader;
  region: Participant;
  cell: CellView;
  matches: boolean;
}

/** Where an initiative meets a county: how many of the county's shown municipalities are in each status. */
export interface RollupCell {
  kind: 'rollup';
  initiative: InitiativeHeader;
  group: ParticipantGroup;
  rollUp: RollUp<RolloutStatus>;
}

export function isRollup(cell: GridCell | RollupCell | null | undefined): cell is RollupCell {
  return cell != null && 'kind' in cell && cell.kind === 'rollup';
}

export interface Grid {
  layout: Layout;
  columns: AxisItem[];
  rows: Array<{ header: AxisItem; cells: Array<GridCell | RollupCell | null> }>;
}

/**
 * The matrix as rows × columns; 'regions-as-rows' transposes it. Missing cells are null. `participantAxis`
 * is the participants' side (default: one item per shown participant); grouped, it holds the counties'
 * roll-ups and the expanded counties' municipalities (grouped-grid.ts), and a county meets an initiative
 * in a roll-up cell counted over the county's members in `view`.
 */
export function toGrid(view: FilteredView, layout: Layout, participantAxis?: AxisItem[]): Grid {
  const initiatives: AxisItem[] = view.rows.map((r) => ({
    kind: 'initiative',
    key: r.initiative.id,
    initiative: r.initiative,
    summary: r.summary,
  }));
  const regions: AxisItem[] = participantAxis ?? view.regions.map((region) => ({ kind: 'region', key: region.code, region }));
  const lookup = new Map<string, GridCell>();
  const rowsById = new Map<string, VisibleRow>();
  for (const row of view.rows) {
    rowsById.set(row.initiative.id, row);
    for (const c of row.cells) {
      lookup.set(`${row.initiative.id}\u0000${c.region.code}`, { initiative: row.initiative, region: c.region, cell: c.cell, matches: c.matches });
    }
  }
  const at = (initiativeId: string, item: AxisItem): GridCell | RollupCell | null => {
    if (item.kind === 'group') {
      const row = rowsById.get(initiativeId);
      return row ? groupRollUp(row, item.group) : null;
    }
    return lookup.get(`${initiativeId}\u0000${item.key}`) ?? null;
  };

  if (layout === 'regions-as-rows') {
    return {
      layout,
      columns: initiatives,
      rows: regions.map((header) => ({ header, cells: initiatives.map((col) => at(col.key, header)) })),
    };
  }
  return {
    layout,
    columns: regions,
    rows: initiatives.map((header) => ({ header, cells: regions.map((col) => at(header.key, col)) })),
  };
}

/** An initiative's statuses over a county's municipalities, as the row shows them (the filters applied). */
function groupRollUp(row: VisibleRow, group: ParticipantGroup): RollupCell {
  const statusOf = new Map(row.cells.map((c) => [c.region.code, c.cell.status]));
  return { kind: 'rollup', initiative: row.initiative, group, rollUp: rollUp(group.members, ROLLOUT_STATUSES, (p) => statusOf.get(p.code)) };
}

/** Replaces cells by `${initiativeId}:${regionCode}` (optimistic edits) without touching the rest. */
export function withCellOverrides(rows: ViewRow[], overrides: ReadonlyMap<string, CellView>): ViewRow[] {
  if (overrides.size === 0) return rows;
  return rows.map((row) => {
    let changed = false;
    const cells = row.cells.map((cell) => {
      const o = overrides.get(cellKey(row.initiative.id, cell.regionCode));
      if (!o) return cell;
      changed = true;
      return o;
    });
    return changed ? { ...row, cells } : row;
  });
}

export function cellKey(initiativeId: string, regionCode: string): string {
  return `${initiativeId}:${regionCode}`;
}

/**
 * The "Behöver ses över" list, minus the entries an edit in this session has just freshened: the server's
 * list is from before the edit, the override is newer.
 */
export function currentStaleEntries(
  stale: RolloutStatusView['stale'],
  overrides: ReadonlyMap<string, CellView>,
): RolloutStatusView['stale'] {
  return stale.filter((s) => {
    if (s.regionCode === null) return true;
    const o = overrides.get(cellKey(s.initiativeId, s.regionCode));
    return !o || o.stale;
  });
}

// ---------------------------------------------------------------- perspective

export type Perspective =
  | { kind: 'programme' }
  | { kind: 'region'; region: Participant }
  | { kind: 'initiative'; initiative: InitiativeHeader }
  | { kind: 'missing'; what: 'region' | 'initiative' };

/**
 * What the macro's config asks for, against the data the server sent. A perspective whose region or
 * initiative is not chosen yet shows the whole programme (as the server does); one that names something
 * the programme does not have says so instead of showing something else.
 */
export function resolvePerspective(
  config: { perspective: 'programme' | 'region' | 'initiative'; regionCode?: string; initiativeId?: string },
  rows: ViewRow[],
  participants: Participant[],
): Perspective {
  const perspective = effectivePerspective(config);
  if (perspective === 'region') {
    const region = participants.find((p) => p.code === config.regionCode);
    return region ? { kind: 'region', region } : { kind: 'missing', what: 'region' };
  }
  if (perspective === 'initiative') {
    const row = rows.find((r) => r.initiative.id === config.initiativeId);
    return row ? { kind: 'initiative', initiative: row.initiative } : { kind: 'missing', what: 'initiative' };
  }
  return { kind: 'programme' };
}

// ---------------------------------------------------------------- participant pages

/**
 * A matrix wider than this is shown a page of participants at a time. Twenty-one regions fit on one
 * page; a programme of 290 municipalities would otherwise put 14,500 buttons on the page at once, which
 * takes the browser tens of seconds and nobody can read side by side anyway.
 */
export const PARTICIPANT_PAGE_SIZE = 30;

export interface ParticipantPage {
  /** 0-based index of the first participant shown, and one past the last. */
  start: number;
  end: number;
  total: number;
  index: number;
  count: number;
  /** What start, end and total count: participants (the default) or, grouped, counties. */
  unit?: 'participants' | 'groups';
}

/** The filtered view narrowed to one page of participants; `page` is null when everything fits. */
export function participantPage(
  view: FilteredView,
  requested: number,
  size: number = PARTICIPANT_PAGE_SIZE,
): { view: FilteredView; page: ParticipantPage | null } {
  const total = view.regions.length;
  if (total <= size) return { view, page: null };
  const count = Math.ceil(total / size);
  const index = Math.min(Math.max(0, requested), count - 1);
  const start = index * size;
  const end = Math.min(total, start + size);
  const regions = view.regions.slice(start, end);
  const shown = new Set(regions.map((r) => r.code));
  return {
    view: { ...view, regions, rows: view.rows.map((row) => ({ ...row, cells: row.cells.filter((c) => shown.has(c.region.code)) })) },
    page: { start, end, total, index, count },
  };
}
