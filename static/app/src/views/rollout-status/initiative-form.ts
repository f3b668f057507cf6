/**
 * The initiative details form: create (all fields) or edit (changed fields with the values started from).
 */
import type { InitiativeHeader } from '@shared/contract';
import { INITIATIVE_FIELDS, type InitiativeField, type InitiativeFields } from '@shared/model';
import { initiativeFieldsSchema, type UpsertInitiativeInput } from '@shared/schemas';
import type { InitiativeKind, Phase, RolloutType } from '@shared/vocabulary';
import { diffFields, emptyToNull, issuesToFieldErrors, type FieldError, type FieldShape } from '../../editing/form-errors';

export interface InitiativeFormState {
  name: string;
  kind: InitiativeKind;
  summary: string;
  infoLink: string;
  contact: string;
  /** '' = not assessed yet. */
  rolloutType: RolloutType | '';
  phase: Phase | '';
  nationalPilotStart: string;
  nationalPilotEnd: string;
  nationalBroadStart: string;
  nationalBroadEnd: string;
}

export const INITIATIVE_FIELD_SHAPES: Record<InitiativeField, FieldShape> = {
  name: 'text',
  kind: 'choice',
  summary: 'text',
  infoLink: 'link',
  contact: 'text',
  rolloutType: 'choice',
  phase: 'choice',
  nationalPilotStart: 'month',
  nationalPilotEnd: 'month',
  nationalBroadStart: 'month',
  nationalBroadEnd: 'month',
};

export const EMPTY_INITIATIVE_FORM: Readonly<InitiativeFormState> = Object.freeze({
  name: '',
  kind: 'project',
  summary: '',
  infoLink: '',
  contact: '',
  rolloutType: '',
  phase: '',
  nationalPilotStart: '',
  nationalPilotEnd: '',
  nationalBroadStart: '',
  nationalBroadEnd: '',
});

function pickInitiativeFields(source: InitiativeFields): InitiativeFields {
  return Object.fromEntries(INITIATIVE_FIELDS.map((f) => [f, source[f]])) as unknown as InitiativeFields;
}

export function formFromInitiative(header: InitiativeHeader): InitiativeFormState {
  return {
    name: header.name,
    kind: header.kind,
    summary: header.summary,
    infoLink: header.infoLink ?? '',
    contact: header.contact,
    rolloutType: header.rolloutType ?? '',
    phase: header.phase ?? '',
    nationalPilotStart: header.nationalPilotStart ?? '',
    nationalPilotEnd: header.nationalPilotEnd ?? '',
    nationalBroadStart: header.nationalBroadStart ?? '',
    nationalBroadEnd: header.nationalBroadEnd ?? '',
  };
}

function formToInitiativeFields(form: InitiativeFormState): InitiativeFields {
  return {
    name: form.name.trim(),
    kind: form.kind,
    summary: form.summary,
    infoLink: emptyToNull(form.infoLink),
    contact: form.contact.trim(),
    rolloutType: form.rolloutType === '' ? null : form.rolloutType,
    phase: form.phase === '' ? null : form.phase,
    nationalPilotStart: emptyToNull(form.nationalPilotStart),
    nationalPilotEnd: emptyToNull(form.nationalPilotEnd),
    nationalBroadStart: emptyToNull(form.nationalBroadStart),
    nationalBroadEnd: emptyToNull(form.nationalBroadEnd),
  };
}

export type InitiativeFormResult =
  | { ok: true; fields: InitiativeFields }
  | { ok: false; errors: Partial<Record<InitiativeField, FieldError>> };

export function validateInitiativeForm(form: InitiativeFormState): InitiativeFormResult {
  const parsed = initiativeFieldsSchema.safeParse(formToInitiativeFields(form));
  if (parsed.success) return { ok: true, fields: parsed.data };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues, INITIATIVE_FIELD_SHAPES) };
}

/** Create when there is no initial header; otherwise the changed fields, or null when nothing changed. */
export function buildUpsertInitiative(initial: InitiativeHeader | null, next: InitiativeFields): UpsertInitiativeInput | null {
  if (!initial) return { fields: next };
  const { patch, expected } = diffFields(pickInitiativeFields(initial), pickInitiativeFields(next));
  if (Object.keys(patch).length === 0) return null;
  return { id: initial.id, patch, expected };
}
