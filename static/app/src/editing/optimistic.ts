import { useEffect, useMemo, useRef, useState } from 'react';

/** A cell shown before the server confirmed it (pending), or as the server returned it after a save. */
interface Override<C> {
  cell: C;
  /** The view revision the override applies to: a newer view already contains the write. */
  revision: string;
  pending: boolean;
}

/**
 * Optimistic updates of a view's cells: a saved or saving cell is shown at once, marked while it is on its
 * way, dropped again if the server refuses, and forgotten once a newer view (which contains the write)
 * arrives. `keyOf` names a cell by initiative and participant, as the view's own lookups do.
 */
export function useOptimisticCells<C extends { regionCode: string }>(revision: string, keyOf: (initiativeId: string, regionCode: string) => string) {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Override<C>>>(new Map());
  const latestRevision = useRef(revision);
  useEffect(() => {
    latestRevision.current = revision;
  }, [revision]);

  /** The cells to show instead of the view's, by key. */
  const effective = useMemo(() => {
    const m = new Map<string, C>();
    for (const [k, o] of overrides) if (o.pending || o.revision === revision) m.set(k, o.cell);
    return m;
  }, [overrides, revision]);
  const pendingKeys = useMemo(() => new Set([...overrides].filter(([, o]) => o.pending).map(([k]) => k)), [overrides]);

  const put = (initiativeId: string, cells: C[], pending: boolean) =>
    setOverrides((prev) => {
      const next = new Map(prev);
      for (const c of cells) next.set(keyOf(initiativeId, c.regionCode), { cell: c, revision: latestRevision.current, pending });
      return next;
    });

  return {
    effective,
    pendingKeys,
    /** The cells as they will be once saved, marked as saving. */
    begin: (initiativeId: string, cells: C[]) => put(initiativeId, cells, true),
    /** The cells as the server saved them, until the view catches up. */
    succeed: (initiativeId: string, cells: C[]) => put(initiativeId, cells, false),
    rollback: (initiativeId: string, regionCodes: string[]) =>
      setOverrides((prev) => {
        const next = new Map(prev);
        for (const code of regionCodes) next.delete(keyOf(initiativeId, code));
        return next;
      }),
  };
}
