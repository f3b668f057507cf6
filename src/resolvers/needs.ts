/**
 * The technical needs of an initiative (overview 2): upsertNeed, reorderNeeds, removeNeed, restoreNeed,
 * updateNeedProgress and bulkUpdateNeedProgress. Authorised and written as the cell edits are (cells.ts): an
 * editor of the programme's own space, one conditioned transaction per change, field-level conflicts.
 */
import { buildCellView } from '../domain/build-view';
import {
  addNeed,
  applyBulkNeedProgress,
  applyNeedPatch,
  applyNeedProgressPatch,
  definitionOf,
  needAt,
  needProgressAt,
  participantsWithNotes,
  removedNeedOf,
  removeNeed as remove,
  reorderNeeds as reorder,
  requireParticipants,
  restoreNeed as restore,
} from '../domain/edits';
import type { NeedProgressEntry, NeedWriteResult } from '../shared/contract';
import { AppFailure, fail } from '../shared/errors';
import type { Initiative } from '../shared/model';
import {
  bulkUpdateNeedProgressSchema,
  removeNeedSchema,
  reorderNeedsSchema,
  restoreNeedSchema,
  updateNeedProgressSchema,
  upsertNeedSchema,
} from '../shared/schemas';
import { getHistoryEntry, latestCellChange, queryHistory, recentNeedChange, updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';
import { forParticipant, namingLastChange } from './participant-edit';

function needResult(initiative: Initiative, needId: string, revision: string): NeedWriteResult {
  const { need, position } = needAt(initiative, needId);
  return { initiativeId: initiative.id, need: definitionOf(need), position, initiativeVersion: initiative.version, revision };
}

function progressEntry(initiative: Initiative, needId: string, regionCode: string): NeedProgressEntry {
  return { regionCode, ...needProgressAt(needAt(initiative, needId).need, regionCode) };
}

/**
 * Runs an edit that names needs; when one of them is not there because someone removed it meanwhile (its
 * latest recorded change is the removal), the NOT_FOUND says so (reason 'need-removed', who and when), so the
 * editor knows it can be restored from the history. `needIds` are the ids the issue paths point into.
 */
async function tellingRemovedNeeds<T>(initiativeId: string, needIds: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const path = error instanceof AppFailure && error.error.code === 'NOT_FOUND' ? error.error.issues?.[0]?.path : undefined;
    const needId = path === undefined ? undefined : needIds[path];
    if (needId !== undefined) {
      const last = await recentNeedChange(initiativeId, needId);
      if (last?.target === 'need' && last.action === 'delete') {
        throw new AppFailure({
          ...(error as AppFailure).error,
          message: `The need ${needId} was removed meanwhile`,
          reason: 'need-removed',
          changedAt: last.at,
          changedByName: last.byName,
        });
      }
    }
    throw error;
  }
}

export const upsertNeed = defineResolver('upsertNeed', {
  authorise: authoriseWrite,
  payload: upsertNeedSchema,
  async run(input, { snapshot, editor }) {
    const scope = { programmeId: snapshot.programme.id };
    if (!('patch' in input)) {
      const { initiative, revision } = await updateInitiativeWith(input.initiativeId, (current) => addNeed(current, input.fields, editor), scope);
      // A new need goes last.
      return needResult(initiative, initiative.needs[initiative.needs.length - 1]!.id, revision);
    }
    const { initiative, revision } = await tellingRemovedNeeds(input.initiativeId, { needId: input.needId }, () =>
      updateInitiativeWith(input.initiativeId, (current) => applyNeedPatch(current, input.needId, input.patch, input.expected, editor), scope),
    );
    return needResult(initiative, input.needId, revision);
  },
});

export const reorderNeeds = defineResolver('reorderNeeds', {
  authorise: authoriseWrite,
  payload: reorderNeedsSchema,
  async run(input, { snapshot, editor }) {
    const byPath = Object.fromEntries(input.needIds.map((id, k) => [`needIds.${k}`, id]));
    const { initiative, revision } = await tellingRemovedNeeds(input.initiativeId, byPath, () =>
      updateInitiativeWith(input.initiativeId, (current) => reorder(current, input.needIds, editor), { programmeId: snapshot.programme.id }),
    );
    return { initiativeId: initiative.id, needIds: initiative.needs.map((n) => n.id), initiativeVersion: initiative.version, revision };
  },
});

export const removeNeed = defineResolver('removeNeed', {
  authorise: authoriseWrite,
  payload: removeNeedSchema,
  async run(input, { snapshot, editor }) {
    let historyId: string | null = null;
    const { initiative, revision } = await tellingRemovedNeeds(input.initiativeId, { needId: input.needId }, () =>
      updateInitiativeWith(
        input.initiativeId,
        (current) => {
          const edit = remove(current, input.needId, editor);
          historyId = edit.history[0]?.id ?? null;
          return edit;
        },
        { programmeId: snapshot.programme.id },
      ),
    );
    return { initiativeId: initiative.id, needId: input.needId, historyId, initiativeVersion: initiative.version, revision };
  },
});

/**
 * Undoes a removal recorded in the history: the need comes back at its place with its progress, and with
 * the participants' notes that are still stored. Only the latest change of the need can be undone (an older
 * removal would bring back progress that was changed after it), and only once.
 */
export const restoreNeed = defineResolver('restoreNeed', {
  authorise: authoriseWrite,
  payload: restoreNeedSchema,
  async run(input, { snapshot, editor }) {
    const programmeId = snapshot.programme.id;
    const entry = await getHistoryEntry(input.historyId);
    if (!entry || entry.programmeId !== programmeId) {
      fail('NOT_FOUND', 'No such change in this programme', { issues: [{ path: 'historyId', message: 'Unknown change' }] });
    }
    const removed = removedNeedOf(entry, input.initiativeId);
    const latest = (await queryHistory({ programmeId, initiativeId: input.initiativeId, needId: removed.need.id, limit: 1 })).entries[0];
    if (latest && latest.id !== entry.id) {
      fail('CONFLICT', 'The need was changed after this removal; restore its latest change instead', {
        conflictingFields: ['historyId'],
        current: { historyId: latest.id },
        changedAt: latest.at,
        changedByName: latest.byName,
      });
    }
    const { initiative, revision } = await updateInitiativeWith(input.initiativeId, (current, details) => restore(current, removed, details, editor), {
      programmeId,
      detailsFor: participantsWithNotes(removed),
    });
    return needResult(initiative, removed.need.id, revision);
  },
});

export const updateNeedProgress = defineResolver('updateNeedProgress', {
  authorise: authoriseWrite,
  payload: updateNeedProgressSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    const { initiativeId, needId, regionCode } = input;
    requireParticipants(programme, [regionCode]);
    // Who changed this progress meanwhile is in the history: the editor whose edit conflicts is told.
    const { initiative, details, revision } = await namingLastChange(
      () =>
        tellingRemovedNeeds(initiativeId, { needId }, () =>
          updateInitiativeWith(
            initiativeId,
            (current, loaded) =>
              forParticipant(regionCode, applyNeedProgressPatch(current, loaded.get(regionCode)!, needId, regionCode, input.patch, input.expected, editor)),
            { programmeId: programme.id, detailsFor: [regionCode] },
          ),
        ),
      () => latestCellChange(initiativeId, regionCode, needId),
    );
    return {
      initiativeId,
      needId,
      entry: progressEntry(initiative, needId, regionCode),
      note: details.get(regionCode)!.needNotes[needId] ?? '',
      cell: buildCellView(programme, initiative, regionCode, new Date()),
      initiativeVersion: initiative.version,
      revision,
    };
  },
});

/**
 * One progress for several participants of a need, in one transaction with one history entry per changed
 * participant (decision 0012): the initiative, its progress record and the revision take three of the 25
 * operations, so at most 22 participants can change at once; more is refused with LIMIT and nothing is
 * written. Notes are not touched, so no detail record is read.
 */
export const bulkUpdateNeedProgress = defineResolver('bulkUpdateNeedProgress', {
  authorise: authoriseWrite,
  payload: bulkUpdateNeedProgressSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    const { initiativeId, needId } = input;
    requireParticipants(programme, input.regionCodes, 'regionCodes');
    const { initiative, revision } = await tellingRemovedNeeds(initiativeId, { needId }, () =>
      updateInitiativeWith(
        initiativeId,
        (current) => applyBulkNeedProgress(current, needId, input.regionCodes, input.progress, input.expected, editor),
        { programmeId: programme.id },
      ),
    );
    const codes = [...new Set(input.regionCodes)];
    const now = new Date();
    return {
      initiativeId,
      needId,
      entries: codes.map((code) => progressEntry(initiative, needId, code)),
      cells: codes.map((code) => buildCellView(programme, initiative, code, now)),
      initiativeVersion: initiative.version,
      revision,
    };
  },
});
