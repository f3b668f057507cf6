import type { ComponentType } from 'react';
import type { MacroKey } from '@shared/vocabulary';
import type { ViewProps } from '../view-props';

type ViewModule = { default: ComponentType<ViewProps> };
export type ViewComponent = ComponentType<ViewProps>;

/**
 * Every macro's view lives in views/<macro-key>/index.tsx and default-exports its component. Each is its
 * own chunk, so a page with one macro never downloads the others' code.
 */
const loaders = import.meta.glob<ViewModule>('../views/*/index.tsx');

const loading = new Map<MacroKey, Promise<ViewComponent>>();
const loaded = new Map<MacroKey, ViewComponent>();

export function hasView(key: MacroKey): boolean {
  return `../views/${key}/index.tsx` in loaders;
}

/**
 * Starts (once) the download of a view's chunk. main.tsx calls it as soon as the module key is known, so
 * the chunk arrives while getView is still on its way instead of being requested after the data.
 */
export function loadView(key: MacroKey): Promise<ViewComponent> {
  let promise = loading.get(key);
  if (!promise) {
    const loader = loaders[`../views/${key}/index.tsx`];
    promise = loader
      ? loader().then((m) => {
          loaded.set(key, m.default);
          return m.default;
        })
      : Promise.reject(new Error(`No view for ${key}`));
    loading.set(key, promise);
  }
  return promise;
}

/** The view's component if its chunk is already in, so it renders without suspending. */
export function loadedView(key: MacroKey): ViewComponent | undefined {
  return loaded.get(key);
}

