/**
 * This view's field catalogue (labels, values in words, shapes) and the pure steps of its forms: what a
 * milestone or contact form holds, and the checked fields it sends. Pure, apart from the texts passed in.
 */
import type { Milestone } from '@shared/model';
import { formatStoredValue, type FieldCatalogue } from '../../editing/fields';
import type { FieldShape } from '../../editing/form-errors';
import type { TEditing } from '../../editing/messages';
import type { TSupportEditor } from './editor-messages';

export type MilestoneField = 'done' | 'doneOn' | 'dueMonth' | 'note';
export type ContactField = 'contactEstablished' | 'contactSince' | 'regionalContact' | 'nationalContact' | 'regionalContactPublic' | 'nationalContactPublic';

export const MILESTONE_FIELD_SHAPES: Record<MilestoneField, FieldShape> = { done: 'flag', doneOn: 'date', dueMonth: 'month', note: 'text' };
export const CONTACT_FIELD_SHAPES: Record<ContactField, FieldShape> = {
  contactEstablished: 'flag',
  contactSince: 'date',
  regionalContact: 'text',
  nationalContact: 'text',
  regionalContactPublic: 'flag',
  nationalContactPublic: 'flag',
};

const LABEL: Record<MilestoneField | ContactField | 'title', Parameters<TSupportEditor>[0]> = {
  title: 'fieldTitle',
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

/** Field names and stored values in words, for the error summary and the conflict dialog. */
export function supportCatalogue<F extends MilestoneField | ContactField>(
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
        if ((field === 'doneOn' || field === 'contactSince') && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formats.date(text);
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
  done: boolean;
  doneOn: string;
  dueMonth: string;
  note: string;
}
export interface MilestoneValues {
  done: boolean;
  doneOn: string | null;
  dueMonth: string | null;
  note: string;
}

export const milestoneValues = (m: Milestone): MilestoneValues => ({ done: m.done, doneOn: m.doneOn, dueMonth: m.dueMonth, note: m.note ?? '' });
export const milestoneForm = (v: MilestoneValues): MilestoneForm => ({ done: v.done, doneOn: v.doneOn ?? '', dueMonth: v.dueMonth ?? '', note: v.note });

/**
 * What the form asks to store: a ticked milestone without a day is done today; an open one has no day
 * done (the server refuses a day on an open milestone).
 */
export function milestoneCandidate(form: MilestoneForm, today: string): MilestoneValues {
  const day = form.doneOn.trim();
  return {
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

