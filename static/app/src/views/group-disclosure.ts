import { useCallback, useState } from 'react';
import type { Participant } from '@shared/model';
import { pageWholeGroups, type GroupPage, type ParticipantGroup } from '@shared/participant-groups';

/**
 * Which counties of an overview grouped by county (decision 0027) are open: the reader's own toggles, and
 * otherwise only the county of the reader's choice (`openGroup`), so a chosen county or municipality is
 * in sight at once. Per view, not remembered, like filters and pages.
 */
export function useGroupDisclosure(openGroup: string | null): { isExpanded(code: string): boolean; toggle(code: string): void } {
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const isExpanded = useCallback((code: string) => toggled.get(code) ?? code === openGroup, [toggled, openGroup]);
  const toggle = useCallback((code: string) => setToggled((m) => new Map(m).set(code, !(m.get(code) ?? code === openGroup))), [openGroup]);
  return { isExpanded, toggle };
}

/** One line of an overview grouped by county: a county's roll-up, or one of its municipalities under it. */
export type GroupedLine = { kind: 'group'; key: string; group: ParticipantGroup; expanded: boolean } | { kind: 'member'; key: string; participant: Participant };

/**
 * An overview's participants grouped by county, a page at a time (the roadmap's rows, technical needs'
 * table): each county's line, followed by its municipalities when open. A page holds whole counties, as
 * many as fit `size` lines; a county larger than that gets a page of its own, so a county is never split
 * from its municipalities, and all 21 closed fit one page: pageWholeGroups, the rule the rollout-status
 * matrix uses too (rollout-status/grouped-grid.ts). `page` is null when everything fits. Pure.
 */
export function pageGroups(
  groups: ReadonlyArray<ParticipantGroup>,
  isExpanded: (code: string) => boolean,
  requested: number,
  size: number = GROUP_PAGE_SIZE,
): { lines: GroupedLine[]; page: GroupPage | null } {
  const blocks = groups.map((group): GroupedLine[] => {
    const expanded = isExpanded(group.code);
    const head: GroupedLine = { kind: 'group', key: `group:${group.code}`, group, expanded };
    return expanded ? [head, ...group.members.map((participant): GroupedLine => ({ kind: 'member', key: participant.code, participant }))] : [head];
  });
  return pageWholeGroups(blocks, requested, size);
}

/** As many lines as the participant pages hold (views/participant-window.ts). */
export const GROUP_PAGE_SIZE = 30;
