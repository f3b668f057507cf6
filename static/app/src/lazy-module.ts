import { useEffect, useState } from 'react';

/** A module loaded on demand, once: what is in (synchronously), and the load itself. */
export interface LazyModule<M> {
  /** The module once loaded; undefined before. */
  current(): M | undefined;
  /** Starts the download (once); a failed one (offline) is tried afresh by the next call. */
  load(): Promise<M>;
}

/**
 * Code only some readers need (editors' texts and buttons, a list behind a closed disclosure) stays out of
 * the first download (issue 7, decision 0033). Unlike React.lazy, a failure is not kept for good, and a
 * loaded module is drawn in the same render, without a Suspense fallback in between.
 */
export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    current: () => loaded,
    load() {
      loading ??= load().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

/** Loads `lazy` when `wanted`: the module once it is in, whether the last try failed, and a retry. */
export function useLazyModule<M>(lazy: LazyModule<M>, wanted: boolean): { module: M | undefined; failed: boolean; retry(): void } {
  const [module, setModule] = useState<M | undefined>(() => lazy.current());
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    lazy.load().then(
      // As a function, so React stores the module rather than calling it (a module may be a function).
      (loaded) => live && setModule(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [lazy, wanted, module, attempt]);
  return {
    module,
    failed,
    retry: () => {
      setFailed(false);
      setAttempt((n) => n + 1);
    },
  };
}
