/** Creating an initiative, editing its details, and archiving or restoring it. */
import {
  INITIATIVE_FIELDS,
  type Initiative,
  type InitiativeFields,
  type Milestone,
  type Programme,
} from '../../shared/model';
import { stampOf } from './cell-edits';
import { historyEntry, type Edit, type EditContext } from './edit-context';
import { mergeFieldPatch } from './field-patch';

/** Order values are spaced so that moving one initiative usually rewrites only that one record. */
export const ORDER_GAP = 1024;

export function initiativeFieldsOf(initiative: Initiative): InitiativeFields {
  return Object.fromEntries(INITIATIVE_FIELDS.map((f) => [f, initiative[f]])) as unknown as InitiativeFields;
}

/** A new initiative goes last; its milestones start from the programme's template, none done. */
export function createInitiative(
  programme: Programme,
  existing: readonly Initiative[],
  fields: InitiativeFields,
  ctx: EditContext,
): Edit<Initiative> {
  const last = existing.reduce((max, i) => Math.max(max, i.order), -ORDER_GAP);
  const milestones: Milestone[] = programme.milestoneTemplate.map((m) => ({
    id: m.id,
    phase: m.phase,
    title: m.title,
    done: false,
    dueMonth: null,
    doneOn: null,
  }));
  const initiative: Initiative = {
    ...fields,
    ...stampOf(ctx),
    id: ctx.newId(),
    programmeId: programme.id,
    order: last + ORDER_GAP,
    archived: false,
    cells: {},
    needs: [],
    milestones,
    createdAt: ctx.at,
    createdBy: ctx.by,
    version: 1,
  };
  const changes = INITIATIVE_FIELDS.filter((f) => fields[f] !== null && fields[f] !== '').map((f) => ({
    field: f,
    old: null,
    new: fields[f],
  }));
  return {
    next: initiative,
    history: [
      historyEntry(ctx, { programmeId: programme.id, initiativeId: initiative.id, target: 'initiative', action: 'create' }, changes),
    ],
  };
}

export function applyInitiativePatch(
  initiative: Initiative,
  patch: Partial<InitiativeFields>,
  expected: Partial<InitiativeFields>,
  ctx: EditContext,
): Edit<Initiative> {
  const { merged, changes } = mergeFieldPatch(initiativeFieldsOf(initiative), patch, expected, initiative);
  if (changes.length === 0) return { next: initiative, history: [] };
  return {
    next: { ...initiative, ...merged, ...stampOf(ctx) },
    history: [
      historyEntry(
        ctx,
        { programmeId: initiative.programmeId, initiativeId: initiative.id, target: 'initiative', action: 'update' },
        changes,
      ),
    ],
  };
}

/** Archiving hides an initiative from the overviews without losing its data or history; restoring undoes it. */
export function setArchived(initiative: Initiative, archived: boolean, ctx: EditContext): Edit<Initiative> {
  if (initiative.archived === archived) return { next: initiative, history: [] };
  return {
    next: { ...initiative, archived, ...stampOf(ctx) },
    history: [
      historyEntry(
        ctx,
        {
          programmeId: initiative.programmeId,
          initiativeId: initiative.id,
          target: 'initiative',
          action: archived ? 'archive' : 'restore',
        },
        [{ field: 'archived', old: initiative.archived, new: archived }],
      ),
    ],
  };
}
