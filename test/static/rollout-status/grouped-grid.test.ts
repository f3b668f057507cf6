import { SWEDISH_MUNICIPALITIES } from '@shared/municipalities';
import type { RolloutStatus } from '@shared/vocabulary';
import { chosenFirst } from '../../../static/app/src/shell/region-order';
import { groupedAxis, groupKey } from '../../../static/app/src/views/rollout-status/grouped-grid';
import { applyFilters, isRollup, NO_FILTERS, toGrid, type RollupCell } from '../../../static/app/src/views/rollout-status/view-model';
import { header, row } from './fixtures';

const municipalities = [...SWEDISH_MUNICIPALITIES];
const stockholm = municipalities.filter((p) => p.group === '01');
/** Two initiatives across all 290: the first live in three of Stockholm's municipalities, the rest not started. */
function rows() {
  const statuses = (live: Set<string>): Record<string, RolloutStatus> =>
    Object.fromEntries(municipalities.map((p) => [p.code, live.has(p.code) ? 'live' : p.code === '1280' ? 'pilot' : 'not-started']));
  return [row(header('a', 'Alfa'), statuses(new Set(['0114', '0180', '0184']))), row(header('b', 'Beta'), statuses(new Set()))];
}
const none = () => false;

describe('the grouped matrix', () => {
  it('has one roll-up column a county: 21 columns on one page instead of ten pages of 30', () => {
    const view = applyFilters(rows(), municipalities, NO_FILTERS);
    const grouped = groupedAxis(view, none, 0)!;
    expect(grouped.page).toBeNull();
    expect(grouped.axis).toHaveLength(21);
    expect(grouped.axis.every((item) => item.kind === 'group')).toBe(true);
    expect(grouped.axis[0]!.key).toBe(groupKey('01'));

    const grid = toGrid(view, 'initiatives-as-rows', grouped.axis);
    const alfaStockholm = grid.rows[0]!.cells[0] as RollupCell;
    expect(isRollup(alfaStockholm)).toBe(true);
    expect(alfaStockholm.rollUp.total).toBe(26);
    expect(alfaStockholm.rollUp.counts.live).toBe(3);
    const betaSkane = grid.rows[1]!.cells[grouped.axis.findIndex((i) => i.key === groupKey('12'))] as RollupCell;
    expect(betaSkane.rollUp.counts).toMatchObject({ live: 0, pilot: 1, 'not-started': 32 });
  });

  it('an expanded county is followed by its municipalities, each a normal cell', () => {
    const view = applyFilters(rows(), municipalities, NO_FILTERS);
    const grouped = groupedAxis(view, (code) => code === '01', 0)!;
    expect(grouped.axis.slice(1, 27).map((i) => i.key)).toEqual(stockholm.map((p) => p.code));
    // 21 + 26 = 47 columns do not fit in 30: Stockholm with its 26, then three counties, fill the first page.
    expect(grouped.page).toMatchObject({ start: 0, end: 4, total: 21, index: 0, count: 2, unit: 'groups' });
    expect(grouped.axis).toHaveLength(30);
    const grid = toGrid(view, 'initiatives-as-rows', grouped.axis);
    const cell = grid.rows[0]!.cells[1]!;
    expect(isRollup(cell)).toBe(false);
    expect(!isRollup(cell) && cell.cell.status).toBe('live');
  });

  it('pages whole counties: a county is never split from its municipalities', () => {
    const view = applyFilters(rows(), municipalities, NO_FILTERS);
    const all = () => true;
    const pages = [];
    for (let index = 0; ; index++) {
      const g = groupedAxis(view, all, index)!;
      pages.push(g);
      if (g.page!.index >= g.page!.count - 1) break;
    }
    const keys = pages.flatMap((p) => p.axis.map((i) => i.key));
    expect(keys.filter((k) => k.startsWith('group:'))).toHaveLength(21);
    expect(keys).toHaveLength(21 + 290);
    for (const p of pages) {
      expect(p.axis[0]!.kind).toBe('group');
      // Only a county bigger than a page (Västra Götaland, 49) makes a page wider than 30.
      if (p.axis.length > 30) expect(p.axis.filter((i) => i.kind === 'group')).toHaveLength(1);
    }
    expect(groupedAxis(view, all, 999)!.page!.index).toBe(pages.length - 1);
  });

  it('the reader’s county comes first (its municipalities first in the order), and so does a municipality’s county', () => {
    const skane = municipalities.filter((p) => p.group === '12').map((p) => p.code);
    const byCounty = applyFilters(rows(), chosenFirst(municipalities, skane, (p) => p.code), NO_FILTERS);
    expect(groupedAxis(byCounty, none, 0)!.axis[0]!.key).toBe(groupKey('12'));
    const byMalmo = applyFilters(rows(), chosenFirst(municipalities, '1280', (p) => p.code), NO_FILTERS);
    const grouped = groupedAxis(byMalmo, (code) => code === '12', 0)!;
    expect(grouped.axis.slice(0, 2).map((i) => i.key)).toEqual([groupKey('12'), '1280']);
  });

  it('counts over what the filters keep, and is null for a programme without groups', () => {
    const view = applyFilters(rows(), municipalities, { ...NO_FILTERS, regions: ['0114', '0180', '0305'] });
    const grouped = groupedAxis(view, none, 0)!;
    expect(grouped.groups.map((g) => [g.code, g.members.length])).toEqual([
      ['01', 2],
      ['03', 1],
    ]);
    const grid = toGrid(view, 'regions-as-rows', grouped.axis);
    expect(grid.rows.map((r) => r.header.key)).toEqual([groupKey('01'), groupKey('03')]);
    expect((grid.rows[0]!.cells[0] as RollupCell).rollUp).toMatchObject({ total: 2, counts: { live: 2 } });
    const regions = applyFilters([row(header('a', 'Alfa'), { '01': 'live' })], [{ code: '01', name: 'Region Stockholm', short: 'Stockholm' }], NO_FILTERS);
    expect(groupedAxis(regions, none, 0)).toBeNull();
  });
});
