import type { InitiativeHeader } from '@shared/contract';
import type { Participant } from '@shared/model';
import type { DetailsStore } from '../../details/details-store';
import { BulkEditDialog } from './bulk-edit-dialog';
import { CellEditDialog } from './cell-edit-dialog';
import type { CellWrites } from './cell-writes';
import { HistoryDialog } from './history-dialog';
import { InitiativeDialog } from './initiative-dialog';
import type { ViewRow } from './view-model';

/** What an editor has asked to do; one dialog at a time. */
export type EditorAction =
  | { kind: 'cell'; initiativeId: string; regionCode: string }
  | { kind: 'bulk'; initiativeId: string | null }
  | { kind: 'initiative'; initiativeId: string | null }
  /** `initiative` for one the view does not show (archived, from the manage panel). */
  | { kind: 'history'; initiativeId: string; regionCode: string | null; initiative?: InitiativeHeader };

export interface EditorDialogsProps {
  action: EditorAction;
  rows: ViewRow[];
  regions: Participant[];
  details: DetailsStore;
  writes: CellWrites;
  reload(): Promise<void>;
  onClose(): void;
}

/**
 * Every editing dialog, in one chunk that only editors download (it carries the validation schemas).
 * Keyed by the action, so each opening starts from the values shown at that moment.
 */
export default function EditorDialogs({ action, rows, regions, details, writes, reload, onClose }: EditorDialogsProps) {
  const find = (id: string | null): InitiativeHeader | undefined => rows.find((r) => r.initiative.id === id)?.initiative;
  switch (action.kind) {
    case 'cell': {
      const row = rows.find((r) => r.initiative.id === action.initiativeId);
      const cell = row?.cells.find((c) => c.regionCode === action.regionCode);
      const region = regions.find((r) => r.code === action.regionCode);
      if (!row || !cell || !region) return null;
      return <CellEditDialog initiative={row.initiative} region={region} cell={cell} details={details} writes={writes} reload={reload} onClose={onClose} />;
    }
    case 'bulk':
      return <BulkEditDialog rows={rows} regions={regions} initialInitiativeId={action.initiativeId} writes={writes} reload={reload} onClose={onClose} />;
    case 'initiative': {
      const initiative = action.initiativeId ? find(action.initiativeId) : null;
      if (initiative === undefined) return null;
      return <InitiativeDialog initiative={initiative} reload={reload} onClose={onClose} />;
    }
    case 'history': {
      const initiative = find(action.initiativeId) ?? action.initiative;
      if (!initiative) return null;
      return <HistoryDialog initiative={initiative} regionCode={action.regionCode} regions={regions} writes={writes} reload={reload} onClose={onClose} />;
    }
  }
}
