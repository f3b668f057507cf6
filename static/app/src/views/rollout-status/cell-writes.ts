import type { CellView } from '@shared/contract';
import type { CellDetails } from '@shared/model';

/** What a save answered besides the cells: the revision it produced and, for updateCell, the details as saved. */
export interface SavedCells {
  revision: string;
  /** By region code; absent when the write did not touch details (a status for several regions). */
  details?: Record<string, CellDetails>;
}

/**
 * How editor components tell the view about cell writes, so the matrix can show the change at once,
 * mark it as saving, and roll it back if the server says no; and so the view's details (popover, list,
 * CSV) show what was saved.
 */
export interface CellWrites {
  begin(initiativeId: string, optimistic: CellView[]): void;
  succeed(initiativeId: string, saved: CellView[], result: SavedCells): void;
  rollback(initiativeId: string, regionCodes: string[]): void;
}
