/** What a save answered besides the cells: the revision it produced and the details as saved. */
export interface SavedCells<D> {
  revision: string;
  /** By participant code; absent when the write did not touch details (e.g. one status for several participants). */
  details?: Record<string, D>;
}

/**
 * How editor components tell the view about cell writes, so the view can show the change at once, mark it
 * as saving, and roll it back if the server says no; and so the view's details show what was saved.
 * Generic over the view's cell (`C`, keyed by participant) and its details (`D`).
 */
export interface CellWrites<C extends { regionCode: string }, D> {
  begin(initiativeId: string, optimistic: C[]): void;
  succeed(initiativeId: string, saved: C[], result: SavedCells<D>): void;
  rollback(initiativeId: string, regionCodes: string[]): void;
}
