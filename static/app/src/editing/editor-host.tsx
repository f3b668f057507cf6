import { Fragment, Suspense, useCallback, useState, type ReactNode } from 'react';

/** An editor action the view has been asked for, numbered so that each opening starts afresh. */
export interface OpenAction<A> {
  seq: number;
  action: A;
}

/** What an editor has asked to do; one dialog at a time. `A` is the view's own list of actions. */
export function useEditorAction<A>() {
  const [current, setCurrent] = useState<OpenAction<A> | null>(null);
  // Stable across renders, so memoised cells that open an action do not all re-render.
  const open = useCallback((next: A) => setCurrent((prev) => ({ seq: (prev?.seq ?? 0) + 1, action: next })), []);
  const close = useCallback(() => setCurrent(null), []);
  return { current, open, close };
}

/**
 * Hosts the view's editing dialogs, which `render` typically draws from a lazily loaded chunk that only
 * editors download (it carries the validation schemas). Keyed by the action's number, so each opening
 * starts from the values shown at that moment.
 */
export function EditorHost<A>({ current, render }: { current: OpenAction<A> | null; render(action: A): ReactNode }) {
  if (!current) return null;
  return (
    <Suspense fallback={null}>
      <Fragment key={current.seq}>{render(current.action)}</Fragment>
    </Suspense>
  );
}
