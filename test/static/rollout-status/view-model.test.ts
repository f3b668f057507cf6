import {
  applyFilters,
  cellKey,
  currentStaleEntries,
  isRollup,
  NO_FILTERS,
  participantPage,
  resolvePerspective,
  toGrid,
  withCellOverrides,
} from '../../../static/app/src/views/rollout-status/view-model';
import { cell, header, REGIONS, row, sampleRows } from './fixtures';

describe('applyFilters', () => {
  it('shows every initiative and region when nothing is filtered, with per-initiative summaries', () => {
    const view = applyFilters(sampleRows(), REGIONS, NO_FILTERS);
    expect(view.regions.map((r) => r.code)).toEqual(['01', '03', '04']);
    expect(view.rows.map((r) => r.initiative.id)).toEqual(['kbt', 'chatt']);
    expect(view.rows[0].summary).toMatchObject({ total: 3, counts: { live: 1, pilot: 1, 'not-started': 1 } });
    expect(view.totals).toMatchObject({ live: 2, pilot: 1, planning: 1, declined: 1, 'not-started': 1, rollout: 0 });
    expect(view.matchingCells).toBe(6);
  });

  it('narrows columns to the chosen regions and recomputes the summary over them', () => {
    const view = applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, regions: ['03'] });
    expect(view.regions.map((r) => r.code)).toEqual(['03']);
    expect(view.rows[0].summary).toMatchObject({ total: 1, counts: { pilot: 1, live: 0 } });
    expect(view.totals.live).toBe(1);
  });

  it('narrows rows to the chosen initiatives', () => {
    const view = applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, initiatives: ['chatt'] });
    expect(view.rows.map((r) => r.initiative.id)).toEqual(['chatt']);
    expect(view.totals).toMatchObject({ live: 1, planning: 1, declined: 1, pilot: 0 });
  });

  it('keeps only rows and regions that hold a chosen status, and marks the other cells as not matching', () => {
    const view = applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, statuses: ['live'] });
    expect(view.rows.map((r) => r.initiative.id)).toEqual(['kbt', 'chatt']);
    expect(view.regions.map((r) => r.code)).toEqual(['01', '03']);
    expect(view.rows[0].cells.map((c) => [c.region.code, c.matches])).toEqual([
      ['01', true],
      ['03', false],
    ]);
    expect(view.matchingCells).toBe(2);
    // The summary still describes the initiative across the chosen regions, not just the matching cells.
    expect(view.rows[0].summary.total).toBe(3);
    expect(view.totals.live).toBe(2);
  });

  it('drops an initiative with no cell in a chosen status', () => {
    const view = applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, statuses: ['pilot'] });
    expect(view.rows.map((r) => r.initiative.id)).toEqual(['kbt']);
    expect(view.regions.map((r) => r.code)).toEqual(['03']);
  });

  it('returns nothing rather than everything when the filters exclude all', () => {
    const view = applyFilters(sampleRows(), REGIONS, { ...NO_FILTERS, statuses: ['rollout'] });
    expect(view.rows).toEqual([]);
    expect(view.regions).toEqual([]);
    expect(view.matchingCells).toBe(0);
  });

  it('follows the regions present in the data when the server already narrowed to one region', () => {
    const rows = [row(header('kbt', 'Digital KBT'), { '03': 'pilot' })];
    const view = applyFilters(rows, REGIONS, NO_FILTERS);
    expect(view.regions.map((r) => r.code)).toEqual(['03']);
  });
});

describe('toGrid', () => {
  it('puts initiatives in rows and regions in columns by default', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, NO_FILTERS), 'initiatives-as-rows');
    expect(grid.columns.map((c) => c.key)).toEqual(['01', '03', '04']);
    expect(grid.rows.map((r) => r.header.key)).toEqual(['kbt', 'chatt']);
    expect(grid.rows[1].cells.map((c) => (isRollup(c) ? 'rollup' : c?.cell.status))).toEqual(['planning', 'live', 'declined']);
  });

  it('transposes for regions-as-rows', () => {
    const grid = toGrid(applyFilters(sampleRows(), REGIONS, NO_FILTERS), 'regions-as-rows');
    expect(grid.columns.map((c) => c.key)).toEqual(['kbt', 'chatt']);
    expect(grid.rows.map((r) => r.header.key)).toEqual(['01', '03', '04']);
    expect(grid.rows[2].cells.map((c) => (isRollup(c) ? 'rollup' : c?.cell.status))).toEqual(['not-started', 'declined']);
  });
});

describe('optimistic overrides', () => {
  it('replaces only the edited cell', () => {
    const rows = sampleRows();
    const overrides = new Map([[cellKey('kbt', '03'), cell('03', 'rollout')]]);
    const next = withCellOverrides(rows, overrides);
    expect(next[0].cells.map((c) => c.status)).toEqual(['live', 'rollout', 'not-started']);
    expect(next[1]).toBe(rows[1]);
  });

  it('removes a freshly saved cell from the "needs review" list but keeps the rest', () => {
    const stale = [
      { initiativeId: 'kbt', regionCode: '03', updatedAt: null },
      { initiativeId: 'kbt', regionCode: '04', updatedAt: null },
      { initiativeId: 'kbt', regionCode: null, updatedAt: null },
    ];
    const overrides = new Map([[cellKey('kbt', '03'), cell('03', 'pilot', { stale: false })]]);
    expect(currentStaleEntries(stale, overrides).map((s) => s.regionCode)).toEqual(['04', null]);
  });
});

describe('resolvePerspective', () => {
  const rows = sampleRows();
  it('shows one region’s list when the macro is set to a region of the programme', () => {
    expect(resolvePerspective({ perspective: 'region', regionCode: '03' }, rows, REGIONS)).toEqual({ kind: 'region', region: REGIONS[1] });
  });

  it('says the region is missing rather than showing another one', () => {
    expect(resolvePerspective({ perspective: 'region', regionCode: '99' }, rows, REGIONS)).toEqual({ kind: 'missing', what: 'region' });
  });

  it('shows one initiative, or says it is missing (e.g. archived)', () => {
    expect(resolvePerspective({ perspective: 'initiative', initiativeId: 'chatt' }, rows, REGIONS)).toMatchObject({ kind: 'initiative', initiative: { id: 'chatt' } });
    expect(resolvePerspective({ perspective: 'initiative', initiativeId: 'gone' }, rows, REGIONS)).toEqual({ kind: 'missing', what: 'initiative' });
  });

  it('shows the whole programme while the config is half filled in', () => {
    expect(resolvePerspective({ perspective: 'region' }, rows, REGIONS)).toEqual({ kind: 'programme' });
    expect(resolvePerspective({ perspective: 'programme' }, rows, REGIONS)).toEqual({ kind: 'programme' });
  });
});

describe('participantPage', () => {
  const many = Array.from({ length: 65 }, (_, i) => ({ code: String(i).padStart(3, '0'), name: `Kommun ${i}`, short: `K${i}` }));
  const wide = [row(header('kbt', 'Digital KBT'), Object.fromEntries(many.map((p) => [p.code, 'live' as const])))];

  it('shows everything on one page when it fits', () => {
    const view = applyFilters(sampleRows(), REGIONS, NO_FILTERS);
    expect(participantPage(view, 3, 30)).toEqual({ view, page: null });
  });

  it('shows one page of participants at a time, keeping the summary over all of them', () => {
    const view = applyFilters(wide, many, NO_FILTERS);
    const { view: paged, page } = participantPage(view, 1, 30);
    expect(page).toEqual({ start: 30, end: 60, total: 65, index: 1, count: 3 });
    expect(paged.regions.map((r) => r.name)[0]).toBe('Kommun 30');
    expect(paged.rows[0].cells).toHaveLength(30);
    expect(paged.rows[0].summary.total).toBe(65);
  });

  it('clamps a page past the end to the last page (e.g. after filtering)', () => {
    const view = applyFilters(wide, many, NO_FILTERS);
    expect(participantPage(view, 9, 30).page).toMatchObject({ start: 60, end: 65, index: 2 });
  });
});
