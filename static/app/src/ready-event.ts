import { view } from './bridge';

let emitted = false;

/**
 * Tells Confluence the macro has finished rendering (used for PDF export snapshots and page-load
 * metrics). Sent once, when the data, the empty state or the error is on screen, never while loading.
 */
export function emitReadyOnce(): void {
  if (emitted) return;
  emitted = true;
  view.emitReadyEvent().catch(() => {
    // Hosts that do not listen for the ready event reject it; the macro works the same either way.
  });
}
