/** updateCell and bulkUpdateCells: the edits made in the matrix. */
import { buildCellView } from '../domain/build-view';
import { applyBulkStatus, applyCellPatch, requireParticipants } from '../domain/edits';
import { AppFailure } from '../shared/errors';
import { bulkUpdateCellsSchema, updateCellSchema } from '../shared/schemas';
import { latestCellChange, updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';

export const updateCell = defineResolver('updateCell', {
  authorise: authoriseWrite,
  payload: updateCellSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    requireParticipants(programme, [input.regionCode]);
    try {
      const { initiative, details, revision } = await updateInitiativeWith(
        input.initiativeId,
        (current, loaded) => {
          const edit = applyCellPatch(current, loaded.get(input.regionCode)!, input.regionCode, input.patch, input.expected, editor);
          return { ...edit, details: edit.details ? new Map([[input.regionCode, edit.details]]) : undefined };
        },
        { programmeId: programme.id, detailsFor: [input.regionCode] },
      );
      return {
        initiativeId: initiative.id,
        regionCode: input.regionCode,
        cell: buildCellView(programme, initiative, input.regionCode, new Date()),
        details: details.get(input.regionCode)!.cell,
        initiativeVersion: initiative.version,
        revision,
      };
    } catch (error) {
      // Who changed the cell meanwhile is in its history: the editor whose edit conflicts is told.
      if (error instanceof AppFailure && error.error.code === 'CONFLICT') {
        const last = await latestCellChange(input.initiativeId, input.regionCode);
        if (last) throw new AppFailure({ ...error.error, changedAt: last.at, changedByName: last.byName });
      }
      throw error;
    }
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
    const { programme } = snapshot;
    requireParticipants(programme, input.regionCodes, 'regionCodes');
    const { initiative, revision } = await updateInitiativeWith(
      input.initiativeId,
      (current) => applyBulkStatus(current, input.regionCodes, input.status, input.expected, editor),
      { programmeId: programme.id },
    );
    const now = new Date();
    return {
      cells: [...new Set(input.regionCodes)].map((code) => buildCellView(programme, initiative, code, now)),
      initiativeVersion: initiative.version,
      revision,
    };
  },
});
