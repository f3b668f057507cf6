/** updateCell and bulkUpdateCells: the edits made in the matrix. */
import { buildCellView } from '../domain/build-view';
import { applyBulkStatus, applyCellPatch, requireParticipants } from '../domain/edits';
import { bulkUpdateCellsSchema, updateCellSchema } from '../shared/schemas';
import { latestCellChange, updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';
import { bulkParticipantEdit, forParticipant, namingLastChange } from './participant-edit';

export const updateCell = defineResolver('updateCell', {
  authorise: authoriseWrite,
  payload: updateCellSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    requireParticipants(programme, [input.regionCode]);
    // Who changed the cell meanwhile is in its history: the editor whose edit conflicts is told.
    const { initiative, details, revision } = await namingLastChange(
      () =>
        updateInitiativeWith(
          input.initiativeId,
          (current, loaded) =>
            forParticipant(input.regionCode, applyCellPatch(current, loaded.get(input.regionCode)!, input.regionCode, input.patch, input.expected, editor)),
          { programmeId: programme.id, detailsFor: [input.regionCode] },
        ),
      () => latestCellChange(input.initiativeId, input.regionCode),
    );
    return {
      initiativeId: initiative.id,
      regionCode: input.regionCode,
      cell: buildCellView(programme, initiative, input.regionCode, new Date()),
      details: details.get(input.regionCode)!.cell,
      initiativeVersion: initiative.version,
      revision,
    };
  },
});

/**
 * One status for several regions, in one transaction with one history entry per changed region. A KVS
 * transaction holds 25 operations (the initiative and the revision take two), so at most 23 regions can
 * change at once; more is refused with LIMIT and nothing is written. A status is drawn in the views, so
 * the participants' details are neither read nor written.
 */
export const bulkUpdateCells = defineResolver('bulkUpdateCells', {
  authorise: authoriseWrite,
  payload: bulkUpdateCellsSchema,
  async run(input, { snapshot, editor }) {
    return bulkParticipantEdit(snapshot.programme, input.initiativeId, input.regionCodes, (current) =>
      applyBulkStatus(current, input.regionCodes, input.status, input.expected, editor),
    );
  },
});
