import type { CellView, CellWriteResult, InitiativeHeader } from '@shared/contract';
import type { CellDetails, Participant } from '@shared/model';
import type { UpdateCellInput } from '@shared/schemas';
import { invoke } from '../../api';
import { announcingSave } from '../../editing/use-patch-save';
import type { DetailsStore } from '../../details/details-store';
import type { CellWrites } from '../../editing/cell-writes';
import type { ChangeKind, ChangeKindRegistry } from '../../editing/history';
import { HistoryDialog } from '../../editing/history-dialog';
import { BulkEditDialog } from './bulk-edit-dialog';
import { CellEditDialog } from './cell-edit-dialog';
import { CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES, type RestoreInitiativeInput } from '../../editing/change-kinds';
import { rolloutFieldText } from './field-labels';
import { InitiativeDialog } from './initiative-dialog';
import { useEditorText } from './use-editor-text';
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
  writes: CellWrites<CellView, CellDetails>;
  reload(): Promise<void>;
  onClose(): void;
}

/**
 * Every editing dialog, in one chunk that only editors download (it carries the validation schemas).
 * Keyed by the action, so each opening starts from the values shown at that moment.
 */
export default function EditorDialogs({ action, rows, regions, details, writes, reload, onClose }: EditorDialogsProps) {
  const { t, e, locale } = useEditorText();
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
      const kinds = rolloutChangeKinds(rolloutFieldText(t, e, locale), writes);
      return <HistoryDialog initiative={initiative} regionCode={action.regionCode} regions={regions} kinds={kinds} reload={reload} onClose={onClose} />;
    }
  }
}

/**
 * This view's change kinds for the history: a cell (restored through updateCell, and shown in the matrix
 * at once), an initiative's details (through upsertInitiative), and the rest, shown only. All are named
 * with the same field texts, as the forms name them.
 */
function rolloutChangeKinds(text: ReturnType<typeof rolloutFieldText>, writes: CellWrites<CellView, CellDetails>): ChangeKindRegistry {
  const cell: ChangeKind<UpdateCellInput, CellWriteResult> = {
    ...CELL_CHANGES,
    ...text,
    send: (payload) => invoke('updateCell', payload).then(announcingSave),
    saved: (payload, data) =>
      writes.succeed(payload.initiativeId, [data.cell], { revision: data.revision, details: { [data.regionCode]: data.details } }),
  };
  const initiative: ChangeKind<RestoreInitiativeInput> = { ...INITIATIVE_CHANGES, ...text, send: (payload) => invoke('upsertInitiative', payload).then(announcingSave) };
  return [cell, initiative, { ...OTHER_CHANGES, ...text }];
}
