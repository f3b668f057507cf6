import { useCallback, useState } from 'react';

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
