import { startTransition, useEffect, useState } from 'react';

/**
 * The first `first` items in the first paint, all of them right after. A macro's first screen is what a
 * reader sees (and what the ready event waits for); laying out dozens of initiatives below it first only
 * delays that screen, and on a page with four macros every macro's work delays the others. The rest
 * follows in the next task, as a transition, so it never blocks input.
 */
export function useProgressiveList<T>(list: readonly T[] | null, first: number): readonly T[] {
  // null: the view has no such list (a hook runs before the view's own early returns).
  const items = list ?? NONE;
  const [all, setAll] = useState(items.length <= first);
  useEffect(() => {
    if (all) return;
    // A timer, not requestAnimationFrame: frames stop in an iframe scrolled out of view, and a macro
    // below the fold must still render everything (and report its full height).
    const timer = setTimeout(() => startTransition(() => setAll(true)), 0);
    return () => clearTimeout(timer);
  }, [all]);
  return all || items.length <= first ? items : items.slice(0, first);
}

const NONE: readonly never[] = [];
