import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { invoke } from '../api';
import type { DetailsScope } from './details-cache';
import { DetailsStore, type ScopeState } from './details-store';

/**
 * The view's details store, made once for the life of the view, kept in step with the view's revision:
 * a new revision drops what was fetched for the old one before the next paint.
 */
export function useDetailsStore(revision: string): DetailsStore {
  const [store] = useState(() => new DetailsStore((payload) => invoke('getDetails', payload), revision));
  useLayoutEffect(() => store.sync(revision), [store, revision]);
  useEffect(() => () => store.dispose(), [store]);
  return store;
}

/** Re-renders the caller whenever the store changes. */
export function useDetailsVersion(store: DetailsStore): number {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * Reads `scope` to the end once `enabled` (a list shown, a disclosure opened), and again after the
 * revision changes. A failed read is not repeated by itself: `retry` does that. Pass a memoised scope:
 * a new object on every render would be a new request on every render.
 */
export function useScopeLoad(store: DetailsStore, scope: DetailsScope | null, enabled: boolean): { state: ScopeState; retry(): void } {
  useDetailsVersion(store);
  const state: ScopeState = scope ? store.scopeState(scope) : { status: 'idle' };
  const idle = state.status === 'idle';
  useEffect(() => {
    if (scope && enabled && idle) void store.load(scope);
  }, [store, scope, enabled, idle]);
  return { state, retry: () => scope && void store.load(scope) };
}
