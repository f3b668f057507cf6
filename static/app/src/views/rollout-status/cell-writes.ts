import type { CellView } from '@shared/contract';

/**
 * How editor components tell the view about cell writes, so the matrix can show the change at once,
 * mark it as saving, and roll it back if the server says no.
 */
export interface CellWrites {
  begin(initiativeId: string, optimistic: CellView[]): void;
  succeed(initiativeId: string, saved: CellView[]): void;
  rollback(initiativeId: string, regionCodes: string[]): void;
}
