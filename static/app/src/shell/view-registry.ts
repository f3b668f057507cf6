import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { MACRO_KEYS, type MacroKey } from '@shared/vocabulary';
import type { ViewProps } from '../view-props';

type ViewModule = { default: ComponentType<ViewProps> };
type LazyView = LazyExoticComponent<ComponentType<ViewProps>>;

/**
 * Every macro's view lives in views/<macro-key>/index.tsx and default-exports its component. Each is its
 * own chunk, so a page with one macro never downloads the others' code.
 */
const loaders = import.meta.glob<ViewModule>('../views/*/index.tsx');

/** Made once at load time: lazy() downloads nothing until a view is first rendered. */
export const VIEW_COMPONENTS: Readonly<Record<MacroKey, LazyView | null>> = Object.fromEntries(
  MACRO_KEYS.map((key) => {
    const loader = loaders[`../views/${key}/index.tsx`];
    return [key, loader ? lazy(loader) : null];
  }),
) as Record<MacroKey, LazyView | null>;
