/**
 * The matrix grouped by county (decision 0027, "Grouped by county"): one roll-up column (or row) a county,
 * followed by its municipalities when the reader expands it. Pure, so it is tested in node.
 */
import { groupParticipants, type ParticipantGroup } from '@shared/participant-groups';
import { PARTICIPANT_PAGE_SIZE, type AxisItem, type FilteredView, type ParticipantPage } from './view-model';

/** A county's axis key: apart from the participants' codes, so a county '01' never meets a region '01'. */
export function groupKey(code: string): string {
  return `group:${code}`;
}

export interface GroupedAxis {
  /** The counties on this page, each followed by its municipalities when expanded. */
  axis: AxisItem[];
  /** Counted in counties; null when every county (and what is expanded) fits on one page. */
  page: ParticipantPage | null;
  /** Every county of the view, in the view's order. */
  groups: ParticipantGroup[];
}

/**
 * The participants' side of the grouped matrix, a page at a time. A page holds whole counties, as many as
 * fit in `size` columns (a county and each expanded municipality is a column); a county larger than that
 * gets a page of its own, so a county is never split from its municipalities. All 21 counties collapsed
 * fit on one page. Null when the view's participants have no group.
 */
export function groupedAxis(
  view: FilteredView,
  isExpanded: (code: string) => boolean,
  requested: number,
  size: number = PARTICIPANT_PAGE_SIZE,
): GroupedAxis | null {
  const groups = groupParticipants(view.regions);
  if (!groups) return null;
  const blocks = groups.map((group) => {
    const expanded = isExpanded(group.code);
    const head: AxisItem = { kind: 'group', key: groupKey(group.code), group, expanded };
    const members: AxisItem[] = expanded ? group.members.map((region) => ({ kind: 'region', key: region.code, region })) : [];
    return [head, ...members];
  });
  const pages: Array<{ start: number; items: AxisItem[] }> = [];
  blocks.forEach((block, i) => {
    const last = pages.at(-1);
    if (last && last.items.length + block.length <= size) last.items.push(...block);
    else pages.push({ start: i, items: [...block] });
  });
  if (pages.length <= 1) return { axis: pages[0]?.items ?? [], page: null, groups };
  const index = Math.min(Math.max(0, requested), pages.length - 1);
  const start = pages[index]!.start;
  const end = index + 1 < pages.length ? pages[index + 1]!.start : groups.length;
  return { axis: pages[index]!.items, page: { start, end, total: groups.length, index, count: pages.length, unit: 'groups' }, groups };
}
