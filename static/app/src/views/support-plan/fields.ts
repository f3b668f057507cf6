/**
 * This view's field catalogue (labels, values in words, shapes) and the pure steps of its forms: what a
 * milestone or contact form holds, and the checked fields it sends. Pure, apart from the texts passed in.
 */
import type { RestoreMilestoneInput, UpdateContactInput, UpdateMilestoneInput } from '@shared/schemas';
import type { HistoryEntry, Milestone } from '@shared/model';
import { PHASES, type Phase } from '@shared/vocabulary';
import { formatStoredValue, type FieldCatalogue } from '../../editing/fields';
import type { FieldShape } from '../../editing/form-errors';
import type { ChangeRestore } from '../../editing/history';
import type { TEditing } from '../../editing/messages';
import type { TSupportEditor } from './editor-messages';

export type MilestoneField = 'title' | 'done' | 'doneOn' | 'dueMonth' | 'note';
export type NewMilestoneField = 'phase' | 'title' | 'dueMonth';
export type ConnectionField = 'start' | 'done';
export type ContactField = 'contactEstablished' | 'contactSince' | 'regionalContact' | 'nationalContact' | 'regionalContactPublic' | 'nationalContactPublic';

export const MILESTONE_FIELD_SHAPES: Record<MilestoneField, FieldShape> = { title: 'text', done: 'flag', doneOn: 'date', dueMonth: 'month', note: 'text' };
export const CONNECTION_FIELD_SHAPES: Record<ConnectionField, FieldShape> = { start: 'date', done: 'text' };
export const NEW_MILESTONE_FIELD_SHAPES: Record<NewMilestoneField, FieldShape> = { phase: 'text', title: 'text', dueMonth: 'month' };
export const CONTACT_FIELD_SHAPES: Record<ContactField, FieldShape> = {
  contactEstablished: 'flag',
  contactSince: 'date',
  regionalContact: 'text',
  nationalContact: 'text',
  regionalContactPublic: 'flag',
  nationalContactPublic: 'flag',
};

// The connection form's 'done' (its steps) is named by its own catalogue: here 'done' is the milestone's.
const LABEL: Record<MilestoneField | ContactField | NewMilestoneField | 'start' | 'connectionStart' | 'connectionSteps', Parameters<TSupportEditor>[0]> = {
  title: 'fieldTitle',
  start: 'fieldStart',
  connectionStart: 'fieldStart',
  connectionSteps: 'fieldSteps',
  phase: 'fieldPhase',
  done: 'fieldDone',
  doneOn: 'fieldDoneOn',
  dueMonth: 'fieldDueMonth',
  note: 'fieldNote',
  contactEstablished: 'fieldContactEstablished',
  contactSince: 'fieldContactSince',
  regionalContact: 'fieldRegionalContact',
  nationalContact: 'fieldNationalContact',
  regionalContactPublic: 'publicRegionalLabel',
  nationalContactPublic: 'publicNationalLabel',
};

/** Fields holding a day; the history's 'connectionStart' is the connection form's 'start'. */
const DATE_FIELDS = new Set<string>(['doneOn', 'contactSince', 'start', 'connectionStart']);

/** Field names and stored values in words, for the error summary and the conflict dialog. */
export function supportCatalogue<F extends MilestoneField | ContactField | NewMilestoneField | ConnectionField>(
  t: TSupportEditor,
  e: TEditing,
  shapes: Record<F, FieldShape>,
  formats: { month(v: string): string; date(v: string): string },
): FieldCatalogue<F> {
  return {
    shapes,
    label: (field) => (field in LABEL ? t(LABEL[field as keyof typeof LABEL]) : field),
    format: (field, value) =>
      formatStoredValue(value, e, (text) => {
        if (field === 'dueMonth' && /^\d{4}-\d{2}$/.test(text)) return formats.month(text);
        if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formats.date(text);
        return text;
      }),
  };
}

/** Today in the editor's calendar, as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ------------------------------------------------------------------ a milestone

export interface MilestoneForm {
  title: string;
  done: boolean;
  doneOn: string;
  dueMonth: string;
  note: string;
}
export interface MilestoneValues {
  title: string;
  done: boolean;
  doneOn: string | null;
  dueMonth: string | null;
  note: string;
}

export const milestoneValues = (m: Milestone): MilestoneValues => ({ title: m.title, done: m.done, doneOn: m.doneOn, dueMonth: m.dueMonth, note: m.note ?? '' });
export const milestoneForm = (v: MilestoneValues): MilestoneForm => ({ title: v.title, done: v.done, doneOn: v.doneOn ?? '', dueMonth: v.dueMonth ?? '', note: v.note });

/**
 * What the form asks to store: a ticked milestone without a day is done today; an open one has no day
 * done (the server refuses a day on an open milestone).
 */
export function milestoneCandidate(form: MilestoneForm, today: string): MilestoneValues {
  const day = form.doneOn.trim();
  return {
    title: form.title.trim(),
    done: form.done,
    doneOn: form.done ? day || today : null,
    dueMonth: form.dueMonth.trim() || null,
    note: form.note.trim(),
  };
}

/** Ticking fills in today, so the default is visible and can be changed; unticking clears the day. */
export function toggleDone(form: MilestoneForm, done: boolean, today: string): MilestoneForm {
  return { ...form, done, doneOn: done ? form.doneOn || today : '' };
}

// ------------------------------------------------------------------ adding, moving and removing milestones

export interface NewMilestoneForm {
  phase: Phase;
  title: string;
  dueMonth: string;
}

/** What the add form sends: trimmed, an empty month as no month. */
export function newMilestoneCandidate(form: NewMilestoneForm): { phase: Phase; title: string; dueMonth: string | null } {
  return { phase: form.phase, title: form.title.trim(), dueMonth: form.dueMonth.trim() || null };
}

/** A new milestone goes into the initiative's current phase unless the editor chooses another. */
export function defaultPhase(current: Phase | null | undefined): Phase {
  return current && PHASES.includes(current) ? current : PHASES[0];
}

/**
 * The initiative's whole milestone order with one milestone moved one step within its phase (milestones are
 * shown grouped by phase, so a move across a phase heading would not be seen); null at either end.
 */
export function movedWithinPhase(milestones: readonly Pick<Milestone, 'id' | 'phase'>[], id: string, step: -1 | 1): string[] | null {
  const from = milestones.findIndex((m) => m.id === id);
  if (from < 0) return null;
  const phase = milestones[from]!.phase;
  let to = from + step;
  while (to >= 0 && to < milestones.length && milestones[to]!.phase !== phase) to += step;
  if (to < 0 || to >= milestones.length) return null;
  const next = milestones.map((m) => m.id);
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Whether a milestone is the first or last of its phase: its move buttons at that end are off. */
export function endsOfPhase(milestones: readonly Pick<Milestone, 'id' | 'phase'>[], id: string): { first: boolean; last: boolean } {
  return { first: movedWithinPhase(milestones, id, -1) === null, last: movedWithinPhase(milestones, id, 1) === null };
}

// ------------------------------------------------------------------ history: which changes can be restored

/** A removed milestone brought back: restoreMilestone's payload, shaped as an edit so the history names what comes back. */
export interface RestoreMilestoneAction extends RestoreMilestoneInput {
  patch: { milestone: unknown };
  expected: { milestone: null };
}

const MILESTONE_FIELDS = new Set<string>(['title', 'done', 'doneOn', 'dueMonth', 'note']);
const CONTACT_FIELDS = new Set<string>(['contactEstablished', 'contactSince', 'regionalContact', 'nationalContact', 'regionalContactPublic', 'nationalContactPublic']);

function restorable(entry: HistoryEntry, oldValue: unknown, newValue: unknown): entry is HistoryEntry & { initiativeId: string } {
  return entry.action === 'update' && !!entry.initiativeId && oldValue !== undefined && !Object.is(oldValue, newValue);
}

/** A milestone's field set back with updateMilestone, expecting the value this change left (else CONFLICT). */
export const MILESTONE_CHANGES: ChangeRestore<UpdateMilestoneInput> = {
  id: 'milestone',
  describes: (entry) => entry.target === 'milestone' && entry.action !== 'delete',
  restore: (entry, field, oldValue, newValue) =>
    restorable(entry, oldValue, newValue) && entry.milestoneId && MILESTONE_FIELDS.has(field)
      ? { initiativeId: entry.initiativeId, milestoneId: entry.milestoneId, patch: { [field]: oldValue }, expected: { [field]: newValue } }
      : null,
};

/** A removal is undone with restoreMilestone (only its latest change, which the server checks). */
export const MILESTONE_REMOVALS: ChangeRestore<RestoreMilestoneAction> = {
  id: 'milestone-removal',
  describes: (entry) => entry.target === 'milestone' && entry.action === 'delete',
  restore: (entry, field, oldValue) =>
    entry.initiativeId && field === 'milestone' && oldValue ? { initiativeId: entry.initiativeId, historyId: entry.id, patch: { milestone: oldValue }, expected: { milestone: null } } : null,
};

/**
 * A participant's contact field set back with updateContact. A restored contact text is not public unless
 * its flag is restored too (decision 0020): the flag is its own line.
 */
export const CONTACT_CHANGES: ChangeRestore<UpdateContactInput> = {
  id: 'contact',
  describes: (entry) => entry.target === 'cell' && entry.changes.length > 0 && entry.changes.every((c) => CONTACT_FIELDS.has(c.field)),
  restore: (entry, field, oldValue, newValue) =>
    restorable(entry, oldValue, newValue) && entry.regionCode && CONTACT_FIELDS.has(field)
      ? { initiativeId: entry.initiativeId, regionCode: entry.regionCode, patch: { [field]: oldValue }, expected: { [field]: newValue } }
      : null,
};

/** Other changes of the initiative (its cells, needs …): shown, not restored here. */
export const OTHER_SUPPORT_CHANGES: ChangeRestore = { id: 'other', describes: () => true };

// ------------------------------------------------------------------ a participant's connection process

export interface ConnectionValues {
  start: string | null;
  done: number;
}
export interface ConnectionForm {
  start: string;
  done: number;
}

/** What the form sends: no start means not started, which has no steps done. */
export function connectionCandidate(form: ConnectionForm): ConnectionValues {
  const start = form.start.trim() || null;
  return { start, done: start ? form.done : 0 };
}

export function toggleStep(mask: number, n: number, on: boolean): number {
  return on ? mask | (1 << (n - 1)) : mask & ~(1 << (n - 1));
}

/** The ids the connection-process template gives its steps (shared/process-templates.ts). */
const CONNECTION_STEP_ID = /^cp-\d+$/;

/** An initiative follows the connection process once it has the template's steps or a participant has started. */
export function followsConnectionProcess(entry: { milestones: ReadonlyArray<{ id: string }>; contacts: ReadonlyArray<{ connection: unknown }> }): boolean {
  return entry.milestones.some((m) => CONNECTION_STEP_ID.test(m.id)) || entry.contacts.some((c) => c.connection !== null);
}

// ------------------------------------------------------------------ a participant's contact

export interface ContactValues {
  contactEstablished: boolean;
  contactSince: string | null;
  regionalContact: string;
  nationalContact: string;
  regionalContactPublic: boolean;
  nationalContactPublic: boolean;
}
export type ContactForm = Omit<ContactValues, 'contactSince'> & { contactSince: string };

export const contactForm = (v: ContactValues): ContactForm => ({ ...v, contactSince: v.contactSince ?? '' });

/** What the form asks to store: a contact that is not established has no day since. */
export function contactCandidate(form: ContactForm): ContactValues {
  return {
    ...form,
    contactSince: form.contactEstablished ? form.contactSince.trim() || null : null,
    regionalContact: form.regionalContact.trim(),
    nationalContact: form.nationalContact.trim(),
  };
}

