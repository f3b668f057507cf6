import type { FullContext } from './bridge';
import type { Capabilities, ViewResponse } from '@shared/contract';

export type ReadyView = Extract<ViewResponse, { state: 'ready' }>;

/**
 * What the shell hands every macro view. A view lives in views/<macro-key>/index.tsx and default-exports
 * a component taking these props; the shell lazy-loads it so each macro downloads only its own view.
 */
export interface ViewProps {
  data: ReadyView;
  /** Null until getCapabilities answers (it never blocks the first paint): render read-only until then. */
  capabilities: Capabilities | null;
  /** Fetches the view again (after a save) without showing the spinner. */
  reload(): Promise<void>;
  context: FullContext;
}

export type { FullContext };
