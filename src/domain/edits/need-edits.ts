/**
 * Edits of an initiative's technical needs (overview 2): adding, editing, reordering, removing and restoring
 * a need, and a participant's progress and note for it. A need's definition lives in the initiative record,
 * its per-participant progress in the progress record and its notes in the participants' detail records
 * (decision 0017); storage derives the initiative's open-needs summary from the whole initiative on write.
 */
import type { NeedDefinition } from '../../shared/contract';
import { fail } from '../../shared/errors';
import {
  DEFAULT_NEED_PROGRESS,
  type HistoryEntry,
  type Initiative,
  type NeedRegionProgress,
  type ParticipantDetails,
  type TechnicalNeed,
} from '../../shared/model';
import { LIMITS, needFieldsSchema, needProgressSchema, type NeedFields } from '../../shared/schemas';
import type { NeedProgress } from '../../shared/vocabulary';
import { dayOf, stampOf } from './cell-edits';
import { historyEntry, type Edit, type EditContext, type HistorySubject } from './edit-context';
import { bulkFieldChange, mergeFieldPatch } from './field-patch';

export const NEED_FIELDS = ['title', 'category', 'required', 'description', 'link'] as const satisfies ReadonlyArray<keyof NeedFields>;

/** What a removal records, so that the need can be restored as it was: its definition, place and progress. */
export interface RemovedNeed {
  need: NeedDefinition;
  position: number;
  /** By participant code, the entries that were stored (notes stay in the detail records; see withNeedNote). */
  progress: Record<string, NeedRegionProgress>;
}

/** The history change of a removal: field 'need', old the RemovedNeed, new null. */
export const REMOVED_NEED_FIELD = 'need';

export function definitionOf(need: TechnicalNeed): NeedDefinition {
  const { progress: _progress, ...definition } = need;
  return definition;
}

function fieldsOf(need: NeedFields): NeedFields {
  return { title: need.title, category: need.category, required: need.required, description: need.description, link: need.link };
}

/** A need id that is not one of the initiative's needs (never was, or was removed meanwhile). */
export function unknownNeed(needId: string, path: string): never {
  return fail('NOT_FOUND', `No need ${needId} in this initiative`, { issues: [{ path, message: `Unknown need ${needId}` }] });
}

export function needAt(initiative: Initiative, needId: string, path = 'needId'): { need: TechnicalNeed; position: number } {
  const position = initiative.needs.findIndex((n) => n.id === needId);
  if (position < 0) unknownNeed(needId, path);
  return { need: initiative.needs[position]!, position };
}

function requireRoomForNeed(initiative: Initiative, path: string): void {
  if (initiative.needs.length >= LIMITS.needsPerInitiative) {
    fail('LIMIT', `An initiative has at most ${LIMITS.needsPerInitiative} technical needs`, {
      reason: 'need-limit',
      issues: [{ path, message: `At most ${LIMITS.needsPerInitiative} needs per initiative` }],
    });
  }
}

function subject(initiative: Initiative, target: HistorySubject['target'], action: HistorySubject['action'], needId: string | null, regionCode?: string): HistorySubject {
  return { programmeId: initiative.programmeId, initiativeId: initiative.id, needId, regionCode: regionCode ?? null, target, action };
}

/** The initiative with its needs replaced; a change of the definitions stamps the initiative. */
function withNeeds(initiative: Initiative, needs: TechnicalNeed[], ctx: EditContext | null): Initiative {
  return { ...initiative, needs, ...(ctx ? stampOf(ctx) : {}) };
}

function replaceNeed(initiative: Initiative, position: number, need: TechnicalNeed): TechnicalNeed[] {
  return initiative.needs.map((n, k) => (k === position ? need : n));
}

/** A new need goes last; it has no progress yet (every participant: not started). */
export function addNeed(initiative: Initiative, fields: NeedFields, ctx: EditContext): Edit<Initiative> & { need: TechnicalNeed } {
  requireRoomForNeed(initiative, 'fields');
  const need: TechnicalNeed = { id: ctx.newId(), ...fieldsOf(fields), progress: {} };
  const changes = NEED_FIELDS.filter((f) => fields[f] !== null && fields[f] !== '').map((f) => ({ field: f, old: null, new: fields[f] }));
  return {
    need,
    next: withNeeds(initiative, [...initiative.needs, need], ctx),
    history: [historyEntry(ctx, subject(initiative, 'need', 'create', need.id), changes)],
  };
}

export function applyNeedPatch(
  initiative: Initiative,
  needId: string,
  patch: Partial<NeedFields>,
  expected: Partial<NeedFields>,
  ctx: EditContext,
): Edit<Initiative> {
  const { need, position } = needAt(initiative, needId);
  const { merged, changes } = mergeFieldPatch(fieldsOf(need), patch, expected, initiative);
  if (changes.length === 0) return { next: initiative, history: [] };
  return {
    next: withNeeds(initiative, replaceNeed(initiative, position, { ...need, ...merged }), ctx),
    history: [historyEntry(ctx, subject(initiative, 'need', 'update', needId), changes)],
  };
}

/**
 * The full new order of the needs. An id listed twice is invalid; an id the initiative does not have is
 * NOT_FOUND (path `needIds.<index>`, e.g. removed meanwhile); a need the list leaves out was added meanwhile,
 * so the order the editor saw is stale: CONFLICT with the current order.
 */
export function reorderNeeds(initiative: Initiative, needIds: readonly string[], ctx: EditContext): Edit<Initiative> {
  const duplicates = needIds.filter((id, k) => needIds.indexOf(id) !== k);
  if (duplicates.length > 0) {
    fail('VALIDATION', 'The new order must list each need once', {
      issues: [...new Set(duplicates)].map((id) => ({ path: 'needIds', message: `Listed more than once: ${id}` })),
    });
  }
  const byId = new Map(initiative.needs.map((n) => [n.id, n]));
  needIds.forEach((id, k) => {
    if (!byId.has(id)) unknownNeed(id, `needIds.${k}`);
  });
  const current = initiative.needs.map((n) => n.id);
  if (current.length !== needIds.length) {
    fail('CONFLICT', 'Needs were added meanwhile; the order must list every need', {
      conflictingFields: ['needIds'],
      current: { needIds: current },
    });
  }
  if (current.every((id, k) => id === needIds[k])) return { next: initiative, history: [] };
  return {
    next: withNeeds(initiative, needIds.map((id) => byId.get(id)!), ctx),
    history: [historyEntry(ctx, subject(initiative, 'need', 'reorder', null), [{ field: 'order', old: current, new: [...needIds] }])],
  };
}

/**
 * Removes a need with its progress. The history entry keeps its definition, place and progress, so that
 * restoreNeed can bring it back. Its notes are not rewritten (one transaction cannot rewrite hundreds of
 * detail records): they stay in the detail records, unseen, until restored or dropped (withNeedNote).
 */
export function removeNeed(initiative: Initiative, needId: string, ctx: EditContext): Edit<Initiative> {
  const { need, position } = needAt(initiative, needId);
  const removed: RemovedNeed = { need: definitionOf(need), position, progress: need.progress };
  return {
    next: withNeeds(
      initiative,
      initiative.needs.filter((n) => n.id !== needId),
      ctx,
    ),
    history: [historyEntry(ctx, subject(initiative, 'need', 'delete', needId), [{ field: REMOVED_NEED_FIELD, old: removed, new: null }])],
  };
}

/** The removed need a history entry recorded, or VALIDATION (path historyId) when the entry is no need removal. */
export function removedNeedOf(entry: HistoryEntry, initiativeId: string): RemovedNeed {
  const change = entry.changes[0];
  const removed = (entry.target === 'need' && entry.action === 'delete' && entry.initiativeId === initiativeId && change?.field === REMOVED_NEED_FIELD
    ? change.old
    : null) as RemovedNeed | null;
  const valid =
    removed !== null &&
    typeof removed.need?.id === 'string' &&
    removed.need.id === entry.needId &&
    Number.isInteger(removed.position) &&
    needFieldsSchema.safeParse(fieldsOf(removed.need)).success &&
    typeof removed.progress === 'object' &&
    removed.progress !== null &&
    Object.values(removed.progress).every((p) => needProgressSchema.safeParse(p?.progress).success);
  if (!valid) {
    fail('VALIDATION', 'That change is not the removal of a need of this initiative', {
      issues: [{ path: 'historyId', message: 'Not a removal of a need of this initiative' }],
    });
  }
  return removed;
}

/** The participants whose notes on a removed need must be read back when it is restored. */
export function participantsWithNotes(removed: RemovedNeed): string[] {
  return Object.entries(removed.progress).flatMap(([code, p]) => (p.hasNote ? [code] : []));
}

/**
 * Puts a removed need back at its former place with its progress. `details` holds the details of the
 * participants that had a note on it: a note dropped meanwhile (withNeedNote) is no longer flagged.
 */
export function restoreNeed(initiative: Initiative, removed: RemovedNeed, details: ReadonlyMap<string, ParticipantDetails>, ctx: EditContext): Edit<Initiative> & { position: number } {
  const { need: definition } = removed;
  if (initiative.needs.some((n) => n.id === definition.id)) {
    fail('CONFLICT', 'The need is there already (restored meanwhile)', { conflictingFields: ['needId'], current: { needId: definition.id } });
  }
  requireRoomForNeed(initiative, 'historyId');
  const progress: TechnicalNeed['progress'] = {};
  for (const [code, entry] of Object.entries(removed.progress)) {
    const hasNote = entry.hasNote && (details.get(code)?.needNotes[definition.id] ?? '') !== '';
    progress[code] = { progress: entry.progress, updatedAt: entry.updatedAt ?? null, hasNote };
  }
  const position = Math.min(Math.max(removed.position, 0), initiative.needs.length);
  const needs = [...initiative.needs];
  needs.splice(position, 0, { ...definition, progress });
  return {
    position,
    next: withNeeds(initiative, needs, ctx),
    history: [historyEntry(ctx, subject(initiative, 'need', 'restore', definition.id), [{ field: REMOVED_NEED_FIELD, old: null, new: definition }])],
  };
}

/**
 * A participant's details with one need's note set. Notes of removed needs are kept, so that a restored need
 * gets them back, until the record would hold more than twice as many notes as an initiative may have needs;
 * then they are dropped. So a detail record never holds more than 2 × LIMITS.needsPerInitiative notes.
 */
export function withNeedNote(details: ParticipantDetails, needId: string, note: string, needIds: ReadonlySet<string>): ParticipantDetails {
  const needNotes = { ...details.needNotes };
  if (note === '') delete needNotes[needId];
  else needNotes[needId] = note;
  if (Object.keys(needNotes).length > 2 * LIMITS.needsPerInitiative) {
    for (const id of Object.keys(needNotes)) if (!needIds.has(id)) delete needNotes[id];
  }
  return { ...details, needNotes };
}

/** A need progress edit changes the initiative (progress) and, when the note changed, the participant's details. */
export interface NeedProgressEdit extends Edit<Initiative> {
  details?: ParticipantDetails;
}

export interface NeedProgressFields {
  progress: NeedProgress;
  note: string;
}

export function needProgressAt(need: TechnicalNeed, regionCode: string): NeedRegionProgress {
  return need.progress[regionCode] ?? DEFAULT_NEED_PROGRESS;
}

function withProgress(initiative: Initiative, position: number, need: TechnicalNeed, entries: Record<string, NeedRegionProgress>): Initiative {
  return withNeeds(initiative, replaceNeed(initiative, position, { ...need, progress: { ...need.progress, ...entries } }), null);
}

/** One participant's progress and note for a need, under the field-level conflict rule (decision 0004). */
export function applyNeedProgressPatch(
  initiative: Initiative,
  details: ParticipantDetails,
  needId: string,
  regionCode: string,
  patch: Partial<NeedProgressFields>,
  expected: Partial<NeedProgressFields>,
  ctx: EditContext,
): NeedProgressEdit {
  const { need, position } = needAt(initiative, needId);
  const stored = needProgressAt(need, regionCode);
  const { merged, changes } = mergeFieldPatch<NeedProgressFields>(
    { progress: stored.progress, note: details.needNotes[needId] ?? '' },
    patch,
    expected,
    { updatedAt: stored.updatedAt, updatedByName: null },
  );
  if (changes.length === 0) return { next: initiative, history: [] };
  const entry: NeedRegionProgress = { progress: merged.progress, updatedAt: dayOf(ctx), hasNote: merged.note !== '' };
  const noteChanged = changes.some((c) => c.field === 'note');
  return {
    next: withProgress(initiative, position, need, { [regionCode]: entry }),
    ...(noteChanged ? { details: withNeedNote(details, needId, merged.note, new Set(initiative.needs.map((n) => n.id))) } : {}),
    history: [historyEntry(ctx, subject(initiative, 'need-progress', 'update', needId, regionCode), changes)],
  };
}

/**
 * One progress for several participants of a need, all or nothing, with one history entry per participant
 * that changes. Notes are not touched, so no detail record is read or written.
 */
export function applyBulkNeedProgress(
  initiative: Initiative,
  needId: string,
  regionCodes: readonly string[],
  progress: NeedProgress,
  expected: Readonly<Record<string, NeedProgress>>,
  ctx: EditContext,
): Edit<Initiative> {
  const { need, position } = needAt(initiative, needId);
  const storedAt = (code: string) => needProgressAt(need, code).progress;
  const changed = bulkFieldChange(regionCodes, progress, expected, storedAt, 'progress');
  if (changed.length === 0) return { next: initiative, history: [] };
  const entries = Object.fromEntries(changed.map((code) => [code, { ...needProgressAt(need, code), progress, updatedAt: dayOf(ctx) }]));
  return {
    next: withProgress(initiative, position, need, entries),
    history: changed.map((code) =>
      historyEntry(ctx, subject(initiative, 'need-progress', 'update', needId, code), [{ field: 'progress', old: storedAt(code), new: progress }]),
    ),
  };
}
