/**
 * Edits of an initiative's milestones (overview 3): ticking with the day done, planning a month, a note,
 * renaming, adding, reordering, removing and restoring, and adding a template's milestones; and editing the
 * programme's own milestone template. Milestones live in the initiative record (decision 0017), at most
 * LIMITS.milestonesPerInitiative of them. Nothing here deletes what was recorded: a removal keeps the
 * milestone in its history entry, and a template only adds what is missing.
 */
import { fail } from '../../shared/errors';
import type { HistoryEntry, Initiative, Milestone, MilestoneTemplateItem, Programme } from '../../shared/model';
import { LIMITS, milestoneFieldsSchema, type MilestoneFields } from '../../shared/schemas';
import { PHASES, type Phase } from '../../shared/vocabulary';
import { stampOf } from './cell-edits';
import { historyEntry, type Edit, type EditContext, type HistorySubject } from './edit-context';
import { mergeFieldPatch } from './field-patch';

/** What a removal records, so that the milestone can be restored as it was, at its place. */
export interface RemovedMilestone {
  milestone: Milestone;
  position: number;
}

/** The history change of a removal: field 'milestone', old the RemovedMilestone, new null. */
export const REMOVED_MILESTONE_FIELD = 'milestone';

const DAY_MS = 86_400_000;

/** A milestone id that is not one of the initiative's milestones (never was, or was removed meanwhile). */
export function unknownMilestone(milestoneId: string, path: string): never {
  return fail('NOT_FOUND', `No milestone ${milestoneId} in this initiative`, { issues: [{ path, message: `Unknown milestone ${milestoneId}` }] });
}

export function milestoneAt(initiative: Initiative, milestoneId: string, path = 'milestoneId'): { milestone: Milestone; position: number } {
  const position = initiative.milestones.findIndex((m) => m.id === milestoneId);
  if (position < 0) unknownMilestone(milestoneId, path);
  return { milestone: initiative.milestones[position]!, position };
}

function requireRoom(initiative: Initiative, adding: number, path: string): void {
  if (initiative.milestones.length + adding > LIMITS.milestonesPerInitiative) {
    fail('LIMIT', `An initiative has at most ${LIMITS.milestonesPerInitiative} milestones`, {
      reason: 'milestone-limit',
      issues: [{ path, message: `At most ${LIMITS.milestonesPerInitiative} milestones per initiative` }],
    });
  }
}

function subject(initiative: Initiative, action: HistorySubject['action'], milestoneId?: string): HistorySubject {
  return { programmeId: initiative.programmeId, initiativeId: initiative.id, target: 'milestone', action, ...(milestoneId ? { milestoneId } : {}) };
}

function withMilestones(initiative: Initiative, milestones: Milestone[], ctx: EditContext): Initiative {
  return { ...initiative, milestones, ...stampOf(ctx) };
}

/** Where a new milestone of `phase` goes: after the last milestone of its phase or of an earlier one. */
function phasePosition(milestones: readonly Milestone[], phase: Phase): number {
  const rank = PHASES.indexOf(phase);
  let at = 0;
  milestones.forEach((m, k) => {
    if (PHASES.indexOf(m.phase) <= rank) at = k + 1;
  });
  return at;
}

function fieldsOf(m: Milestone): MilestoneFields {
  return { title: m.title, done: m.done, doneOn: m.doneOn, dueMonth: m.dueMonth, note: m.note ?? '' };
}

/** A done day may be today in any time zone the editor is in, so one day past the server's UTC day is allowed. */
function requireNotFuture(day: string, ctx: EditContext, path: string): void {
  if (Date.parse(`${day}T00:00:00Z`) > Date.parse(`${ctx.at.slice(0, 10)}T00:00:00Z`) + DAY_MS) {
    fail('VALIDATION', 'A milestone cannot be done in the future', { issues: [{ path, message: 'The day done is in the future' }] });
  }
}

/**
 * One milestone's fields under the field-level conflict rule (decision 0004). Ticking without a day records
 * today; unticking clears the day; a day in the future, or a day on a milestone left unticked, is refused.
 */
export function applyMilestonePatch(
  initiative: Initiative,
  milestoneId: string,
  patch: Partial<MilestoneFields>,
  expected: Partial<MilestoneFields>,
  ctx: EditContext,
): Edit<Initiative> {
  const { milestone, position } = milestoneAt(initiative, milestoneId);
  const stored = fieldsOf(milestone);
  const { merged } = mergeFieldPatch(stored, patch, expected, initiative);
  if (patch.doneOn) requireNotFuture(patch.doneOn, ctx, 'patch.doneOn');
  if (merged.done && merged.doneOn === null) merged.doneOn = ctx.at.slice(0, 10);
  if (!merged.done && merged.doneOn !== null) {
    if (patch.done === false) merged.doneOn = null;
    else fail('VALIDATION', 'Only a milestone that is done has a day done', { issues: [{ path: 'patch.doneOn', message: 'Tick the milestone to give it a day done' }] });
  }
  const changes = (Object.keys(stored) as Array<keyof MilestoneFields>)
    .filter((f) => stored[f] !== merged[f])
    .map((f) => ({ field: f, old: stored[f], new: merged[f] }));
  if (changes.length === 0) return { next: initiative, history: [] };
  const next: Milestone = { ...milestone, ...merged };
  if (next.note === '') delete next.note;
  return {
    next: withMilestones(
      initiative,
      initiative.milestones.map((m, k) => (k === position ? next : m)),
      ctx,
    ),
    history: [historyEntry(ctx, subject(initiative, 'update', milestoneId), changes)],
  };
}

export interface NewMilestone {
  phase: Phase;
  title: string;
  dueMonth?: string | null;
  note?: string;
}

/** A new milestone goes last in its phase, not done. */
export function addMilestone(initiative: Initiative, fields: NewMilestone, ctx: EditContext): Edit<Initiative> & { milestone: Milestone } {
  requireRoom(initiative, 1, 'title');
  const milestone: Milestone = {
    id: ctx.newId(),
    phase: fields.phase,
    title: fields.title,
    done: false,
    dueMonth: fields.dueMonth ?? null,
    doneOn: null,
    ...(fields.note ? { note: fields.note } : {}),
  };
  const milestones = [...initiative.milestones];
  milestones.splice(phasePosition(milestones, fields.phase), 0, milestone);
  const changes = (['phase', 'title', 'dueMonth', 'note'] as const)
    .filter((f) => milestone[f] !== null && milestone[f] !== undefined && milestone[f] !== '')
    .map((f) => ({ field: f, old: null, new: milestone[f] }));
  return { milestone, next: withMilestones(initiative, milestones, ctx), history: [historyEntry(ctx, subject(initiative, 'create', milestone.id), changes)] };
}

/**
 * The full new order. An id listed twice is invalid; an id the initiative does not have is NOT_FOUND (path
 * `milestoneIds.<index>`); a list that leaves a milestone out is stale (one was added meanwhile): CONFLICT
 * with the current order.
 */
export function reorderMilestones(initiative: Initiative, milestoneIds: readonly string[], ctx: EditContext): Edit<Initiative> {
  const twice = [...new Set(milestoneIds.filter((id, k) => milestoneIds.indexOf(id) !== k))];
  if (twice.length > 0) {
    fail('VALIDATION', 'The new order must list each milestone once', { issues: twice.map((id) => ({ path: 'milestoneIds', message: `Listed more than once: ${id}` })) });
  }
  const byId = new Map(initiative.milestones.map((m) => [m.id, m]));
  milestoneIds.forEach((id, k) => byId.has(id) || unknownMilestone(id, `milestoneIds.${k}`));
  const current = initiative.milestones.map((m) => m.id);
  if (current.length !== milestoneIds.length) {
    fail('CONFLICT', 'Milestones were added meanwhile; the order must list every milestone', { conflictingFields: ['milestoneIds'], current: { milestoneIds: current } });
  }
  if (current.every((id, k) => id === milestoneIds[k])) return { next: initiative, history: [] };
  return {
    next: withMilestones(
      initiative,
      milestoneIds.map((id) => byId.get(id)!),
      ctx,
    ),
    history: [historyEntry(ctx, subject(initiative, 'reorder'), [{ field: 'order', old: current, new: [...milestoneIds] }])],
  };
}

/** Removes a milestone; its history entry keeps it whole with its place, for restoreMilestone. */
export function removeMilestone(initiative: Initiative, milestoneId: string, ctx: EditContext): Edit<Initiative> {
  const { milestone, position } = milestoneAt(initiative, milestoneId);
  const removed: RemovedMilestone = { milestone, position };
  return {
    next: withMilestones(
      initiative,
      initiative.milestones.filter((m) => m.id !== milestoneId),
      ctx,
    ),
    history: [historyEntry(ctx, subject(initiative, 'delete', milestoneId), [{ field: REMOVED_MILESTONE_FIELD, old: removed, new: null }])],
  };
}

/** The removed milestone a history entry recorded, or VALIDATION (path historyId) when it is no such removal. */
export function removedMilestoneOf(entry: HistoryEntry, initiativeId: string): RemovedMilestone {
  const change = entry.changes[0];
  const removed = (
    entry.target === 'milestone' && entry.action === 'delete' && entry.initiativeId === initiativeId && change?.field === REMOVED_MILESTONE_FIELD
      ? change.old
      : null
  ) as RemovedMilestone | null;
  const m = removed?.milestone;
  const valid =
    m !== undefined &&
    typeof m.id === 'string' &&
    m.id === entry.milestoneId &&
    PHASES.includes(m.phase) &&
    Number.isInteger(removed!.position) &&
    milestoneFieldsSchema.safeParse(fieldsOf(m)).success;
  if (!valid) {
    fail('VALIDATION', 'That change is not the removal of a milestone of this initiative', {
      issues: [{ path: 'historyId', message: 'Not a removal of a milestone of this initiative' }],
    });
  }
  return removed!;
}

/** Puts a removed milestone back at its former place, as it was when removed. */
export function restoreMilestone(initiative: Initiative, removed: RemovedMilestone, ctx: EditContext): Edit<Initiative> {
  const { milestone } = removed;
  if (initiative.milestones.some((m) => m.id === milestone.id)) {
    fail('CONFLICT', 'The milestone is there already (restored meanwhile)', { conflictingFields: ['milestoneId'], current: { milestoneId: milestone.id } });
  }
  requireRoom(initiative, 1, 'historyId');
  const milestones = [...initiative.milestones];
  milestones.splice(Math.min(Math.max(removed.position, 0), milestones.length), 0, { ...milestone });
  return {
    next: withMilestones(initiative, milestones, ctx),
    history: [historyEntry(ctx, subject(initiative, 'restore', milestone.id), [{ field: REMOVED_MILESTONE_FIELD, old: null, new: milestone }])],
  };
}

/** A template's item as a milestone not yet done. */
export function milestoneFrom(item: { id: string; phase: Phase; title: string; weekOffset?: number }): Milestone {
  return {
    id: item.id,
    phase: item.phase,
    title: item.title,
    done: false,
    dueMonth: null,
    doneOn: null,
    ...(item.weekOffset !== undefined ? { weekOffset: item.weekOffset } : {}),
  };
}

/**
 * Adds the items of a template the initiative does not have (by id), each last in its phase. Nothing is
 * changed or removed, so applying a template twice adds nothing the second time (no history, no write).
 * All or nothing: more than the initiative may hold is LIMIT.
 */
export function applyTemplateMilestones(initiative: Initiative, templateId: string, items: readonly Milestone[], ctx: EditContext): Edit<Initiative> & { added: string[] } {
  const have = new Set(initiative.milestones.map((m) => m.id));
  const missing = items.filter((m) => !have.has(m.id));
  if (missing.length === 0) return { next: initiative, history: [], added: [] };
  requireRoom(initiative, missing.length, 'templateId');
  const milestones = [...initiative.milestones];
  for (const m of missing) milestones.splice(phasePosition(milestones, m.phase), 0, { ...m });
  const added = missing.map((m) => m.id);
  return {
    added,
    next: withMilestones(initiative, milestones, ctx),
    history: [
      historyEntry(ctx, subject(initiative, 'create'), [
        { field: 'template', old: null, new: templateId },
        { field: 'milestones', old: null, new: missing.map((m) => ({ id: m.id, phase: m.phase, title: m.title })) },
      ]),
    ],
  };
}

/**
 * The programme's milestone template, replaced as a whole (add, rename, reorder, remove per phase), on the
 * version the editor saw: a programme changed meanwhile is a CONFLICT with the current template. An item
 * with an id must be one the template has; one without gets a new id. Initiatives keep what they recorded:
 * only new initiatives start from the new template, and applyTemplate('programme') adds what is missing.
 */
export function setMilestoneTemplate(
  programme: Programme,
  items: ReadonlyArray<{ id?: string; phase: Phase; title: string }>,
  expectedVersion: number,
  ctx: EditContext,
): Edit<Programme> {
  if (programme.version !== expectedVersion) {
    fail('CONFLICT', 'The programme was changed meanwhile', {
      conflictingFields: ['milestoneTemplate'],
      current: { milestoneTemplate: programme.milestoneTemplate, version: programme.version },
      changedAt: programme.updatedAt,
    });
  }
  const known = new Set(programme.milestoneTemplate.map((m) => m.id));
  const seen = new Set<string>();
  items.forEach((item, k) => {
    if (item.id === undefined) return;
    if (!known.has(item.id) || seen.has(item.id)) {
      fail('VALIDATION', 'An item with an id must be one of the template, once', { issues: [{ path: `items.${k}.id`, message: `Not an item of the template: ${item.id}` }] });
    }
    seen.add(item.id);
  });
  const next: MilestoneTemplateItem[] = items.map((item) => ({ id: item.id ?? ctx.newId(), phase: item.phase, title: item.title }));
  if (JSON.stringify(next) === JSON.stringify(programme.milestoneTemplate)) return { next: programme, history: [] };
  return {
    next: { ...programme, milestoneTemplate: next, updatedAt: ctx.at, updatedBy: ctx.by },
    history: [
      historyEntry(ctx, { programmeId: programme.id, target: 'programme', action: 'update' }, [
        { field: 'milestoneTemplate', old: programme.milestoneTemplate, new: next },
      ]),
    ],
  };
}
