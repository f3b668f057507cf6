/**
 * The matrix grouped by county (decision 0027, "Grouped by county"): one roll-up column (or row) a county,
 * followed by its municipalities when the reader expands it. Pure, so it is tested in node.
 */
import { groupParticipants, pageWholeGroups, type ParticipantGroup } from '@shared/participant-groups';
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
 * gets a page of its own, so a county is never split from its municipalities (pageWholeGroups, the rule
 * every view grouped by county pages with). All 21 counties collapsed fit on one page. Null when the
 * view's participants have no group.
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
  const { lines, page } = pageWholeGroups(blocks, requested, size);
  return { axis: lines, page: page && { ...page, unit: 'groups' }, groups };
}
