/**
 * An initiative's milestones (overview 3): updateMilestone, addMilestone, reorderMilestones, removeMilestone,
 * restoreMilestone and applyTemplate, authorised and written as the other edits are (cells.ts, needs.ts): an
 * editor of the programme's own space, one conditioned transaction per change, field-level conflicts, a history
 * entry for every change. And the programme's own template, setMilestoneTemplate, which is administration
 * (decision 0022): the space's administrators, from the space page.
 */
import {
  addMilestone as add,
  applyMilestonePatch,
  applyTemplateMilestones,
  milestoneFrom,
  removedMilestoneOf,
  removeMilestone as remove,
  reorderMilestones as reorder,
  restoreMilestone as restore,
  setMilestoneTemplate as setTemplate,
} from '../domain/edits';
import type { MilestonesWriteResult } from '../shared/contract';
import { AppFailure, fail } from '../shared/errors';
import type { Initiative, Milestone, Programme } from '../shared/model';
import { PROCESS_TEMPLATES } from '../shared/process-templates';
import {
  addMilestoneSchema,
  applyTemplateSchema,
  removeMilestoneSchema,
  reorderMilestonesSchema,
  restoreMilestoneSchema,
  setMilestoneTemplateSchema,
  updateMilestoneSchema,
  type ApplyTemplateInput,
} from '../shared/schemas';
import type { Locale } from '../shared/vocabulary';
import { getHistoryEntry, queryHistory, readProgrammeSnapshot, updateInitiativeWith, updateProgrammeWith } from '../storage';
import { authoriseWrite } from './access';
import { authoriseAdminister } from './admin';
import { defineResolver } from './define';

/** How far back a NOT_FOUND milestone is looked for among the initiative's changes: one page. */
const RECENT_CHANGES = 100;

function result(initiative: Initiative, revision: string): MilestonesWriteResult {
  return { initiativeId: initiative.id, milestones: initiative.milestones, initiativeVersion: initiative.version, revision };
}

/**
 * Runs an edit that names milestones; when one of them is not there because someone removed it meanwhile
 * (its latest recorded change is the removal), the NOT_FOUND says so (reason 'milestone-removed', who and
 * when), so the editor knows it can be restored from the history. `ids` maps issue paths to milestone ids.
 */
async function tellingRemoved<T>(programmeId: string, initiativeId: string, ids: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const path = error instanceof AppFailure && error.error.code === 'NOT_FOUND' ? error.error.issues?.[0]?.path : undefined;
    const milestoneId = path === undefined ? undefined : ids[path];
    if (milestoneId !== undefined) {
      const { entries } = await queryHistory({ programmeId, initiativeId, limit: RECENT_CHANGES });
      const last = entries.find((e) => e.milestoneId === milestoneId);
      if (last?.action === 'delete') {
        throw new AppFailure({
          ...(error as AppFailure).error,
          message: `The milestone ${milestoneId} was removed meanwhile`,
          reason: 'milestone-removed',
          changedAt: last.at,
          changedByName: last.byName,
        });
      }
    }
    throw error;
  }
}

export const updateMilestone = defineResolver('updateMilestone', {
  authorise: authoriseWrite,
  payload: updateMilestoneSchema,
  async run(input, { snapshot, editor }) {
    const programmeId = snapshot.programme.id;
    const { initiative, revision } = await tellingRemoved(programmeId, input.initiativeId, { milestoneId: input.milestoneId }, () =>
      updateInitiativeWith(input.initiativeId, (current) => applyMilestonePatch(current, input.milestoneId, input.patch, input.expected, editor), { programmeId }),
    );
    return { ...result(initiative, revision), milestoneId: input.milestoneId };
  },
});

export const addMilestone = defineResolver('addMilestone', {
  authorise: authoriseWrite,
  payload: addMilestoneSchema,
  async run(input, { snapshot, editor }) {
    let milestoneId = '';
    const { initiative, revision } = await updateInitiativeWith(
      input.initiativeId,
      (current) => {
        const edit = add(current, input, editor);
        milestoneId = edit.milestone.id;
        return edit;
      },
      { programmeId: snapshot.programme.id },
    );
    return { ...result(initiative, revision), milestoneId };
  },
});

export const reorderMilestones = defineResolver('reorderMilestones', {
  authorise: authoriseWrite,
  payload: reorderMilestonesSchema,
  async run(input, { snapshot, editor }) {
    const programmeId = snapshot.programme.id;
    const byPath = Object.fromEntries(input.milestoneIds.map((id, k) => [`milestoneIds.${k}`, id]));
    const { initiative, revision } = await tellingRemoved(programmeId, input.initiativeId, byPath, () =>
      updateInitiativeWith(input.initiativeId, (current) => reorder(current, input.milestoneIds, editor), { programmeId }),
    );
    return result(initiative, revision);
  },
});

export const removeMilestone = defineResolver('removeMilestone', {
  authorise: authoriseWrite,
  payload: removeMilestoneSchema,
  async run(input, { snapshot, editor }) {
    const programmeId = snapshot.programme.id;
    let historyId: string | null = null;
    const { initiative, revision } = await tellingRemoved(programmeId, input.initiativeId, { milestoneId: input.milestoneId }, () =>
      updateInitiativeWith(
        input.initiativeId,
        (current) => {
          const edit = remove(current, input.milestoneId, editor);
          historyId = edit.history[0]?.id ?? null;
          return edit;
        },
        { programmeId },
      ),
    );
    return { ...result(initiative, revision), milestoneId: input.milestoneId, historyId };
  },
});

/**
 * Undoes a removal recorded in the history: the milestone comes back at its place as it was. Only the
 * latest change of the milestone can be undone (an older removal would bring back a stale milestone), once.
 */
export const restoreMilestone = defineResolver('restoreMilestone', {
  authorise: authoriseWrite,
  payload: restoreMilestoneSchema,
  async run(input, { snapshot, editor }) {
    const programmeId = snapshot.programme.id;
    const entry = await getHistoryEntry(input.historyId);
    if (!entry || entry.programmeId !== programmeId) {
      fail('NOT_FOUND', 'No such change in this programme', { issues: [{ path: 'historyId', message: 'Unknown change' }] });
    }
    const removed = removedMilestoneOf(entry, input.initiativeId);
    const { entries } = await queryHistory({ programmeId, initiativeId: input.initiativeId, limit: RECENT_CHANGES });
    const latest = entries.find((e) => e.milestoneId === removed.milestone.id);
    if (latest && latest.id !== entry.id) {
      fail('CONFLICT', 'The milestone was changed after this removal; restore its latest change instead', {
        conflictingFields: ['historyId'],
        current: { historyId: latest.id },
        changedAt: latest.at,
        changedByName: latest.byName,
      });
    }
    const { initiative, revision } = await updateInitiativeWith(input.initiativeId, (current) => restore(current, removed, editor), { programmeId });
    return { ...result(initiative, revision), milestoneId: removed.milestone.id };
  },
});

/** The milestones a template gives, titled in `locale`: a built-in template, or the programme's own. */
function templateMilestones(programme: Programme, templateId: ApplyTemplateInput['templateId'], locale: Locale): Milestone[] {
  if (templateId === 'programme') return programme.milestoneTemplate.map(milestoneFrom);
  return PROCESS_TEMPLATES[templateId].items.map((item) => milestoneFrom({ ...item, title: item.title[locale] }));
}

/** Adds what the initiative lacks of a template; never changes or removes a recorded milestone. */
export const applyTemplate = defineResolver('applyTemplate', {
  authorise: authoriseWrite,
  payload: applyTemplateSchema,
  async run(input, { snapshot, editor }, call) {
    const { programme } = snapshot;
    const items = templateMilestones(programme, input.templateId, input.locale ?? call.locale);
    let added: string[] = [];
    const { initiative, revision } = await updateInitiativeWith(
      input.initiativeId,
      (current) => {
        const edit = applyTemplateMilestones(current, input.templateId, items, editor);
        added = edit.added;
        return edit;
      },
      { programmeId: programme.id },
    );
    return { ...result(initiative, revision), added };
  },
});

/**
 * The programme's template, replaced as a whole (add, rename, reorder, remove per phase): by the administrators
 * of the context's space (decision 0022), for one of that space's programmes (another space's is answered as
 * absent). Only the programme record is written: milestones the initiatives recorded are never touched, new
 * initiatives start from the new template, and applyTemplate('programme') adds its new items to an existing one.
 */
export const setMilestoneTemplate = defineResolver('setMilestoneTemplate', {
  authorise: authoriseAdminister,
  payload: setMilestoneTemplateSchema,
  async run(input, { spaceKey, editor }, call) {
    const snapshot = await readProgrammeSnapshot(call.installation, input.programmeId);
    if (!snapshot || snapshot.programme.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
    const { programme, revision } = await updateProgrammeWith(input.programmeId, (current) => {
      if (current.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
      return setTemplate(current, input.items, input.expectedVersion, editor);
    });
    return { milestoneTemplate: programme.milestoneTemplate, programmeVersion: programme.version, revision };
  },
});
