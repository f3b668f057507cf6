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
  /**
   * The reader's region (docs/decisions/0019): a participant code of this programme, or the code of a group
   * of its participants (a county, decision 0027), chosen in the header of any macro on the page and
   * remembered on the device; null for none. A view shows it first (a county: its municipalities first,
   * `chosenCodes(resolveChoice(...))` in @shared/participant-groups). The shell passes only codes the
   * programme has. (useRegionChoice() in page-events gives the raw choice too.)
   */
  chosenRegion?: string | null;
}

export type { FullContext };
