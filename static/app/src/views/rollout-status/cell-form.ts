/**
 * The state of the cell edit form and its conversion to an `updateCell` payload. Inputs hold strings
 * ('' = not set); the model holds nulls. Validation uses the same shared schema as the resolver.
 */
import { CELL_FIELDS, type CellField, type CellFields } from '../../../../../src/shared/model';
import { cellFieldsSchema, type UpdateCellInput } from '../../../../../src/shared/schemas';
import type { RolloutStatus } from '../../../../../src/shared/vocabulary';
import { diffFields, emptyToNull, issuesToFieldErrors, type FieldError, type FieldShape } from './form-errors';

export interface CellFormState {
  status: RolloutStatus;
  note: string;
  link: string;
  pilotStart: string;
  pilotEnd: string;
  broadStart: string;
  broadEnd: string;
  contactEstablished: boolean;
  contactSince: string;
  regionalContact: string;
  nationalContact: string;
}

export const CELL_FIELD_SHAPES: Record<CellField, FieldShape> = {
  status: 'choice',
  note: 'text',
  link: 'link',
  pilotStart: 'month',
  pilotEnd: 'month',
  broadStart: 'month',
  broadEnd: 'month',
  contactEstablished: 'flag',
  contactSince: 'date',
  regionalContact: 'text',
  nationalContact: 'text',
};

export function pickCellFields(cell: CellFields): CellFields {
  return Object.fromEntries(CELL_FIELDS.map((f) => [f, cell[f]])) as unknown as CellFields;
}

export function formFromCell(cell: CellFields): CellFormState {
  return {
    status: cell.status,
    note: cell.note,
    link: cell.link ?? '',
    pilotStart: cell.pilotStart ?? '',
    pilotEnd: cell.pilotEnd ?? '',
    broadStart: cell.broadStart ?? '',
    broadEnd: cell.broadEnd ?? '',
    contactEstablished: cell.contactEstablished,
    contactSince: cell.contactSince ?? '',
    regionalContact: cell.regionalContact,
    nationalContact: cell.nationalContact,
  };
}

export function formToFields(form: CellFormState): CellFields {
  return {
    status: form.status,
    note: form.note,
    link: emptyToNull(form.link),
    pilotStart: emptyToNull(form.pilotStart),
    pilotEnd: emptyToNull(form.pilotEnd),
    broadStart: emptyToNull(form.broadStart),
    broadEnd: emptyToNull(form.broadEnd),
    contactEstablished: form.contactEstablished,
    contactSince: emptyToNull(form.contactSince),
    regionalContact: form.regionalContact.trim(),
    nationalContact: form.nationalContact.trim(),
  };
}

export type CellFormResult =
  | { ok: true; fields: CellFields }
  | { ok: false; errors: Partial<Record<CellField, FieldError>> };

export function validateCellForm(form: CellFormState): CellFormResult {
  const fields = formToFields(form);
  const parsed = cellFieldsSchema.safeParse(fields);
  if (parsed.success) return { ok: true, fields: parsed.data };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues, CELL_FIELD_SHAPES) };
}

/** null when nothing changed: saving an untouched form is not an edit. */
export function buildUpdateCell(
  initiativeId: string,
  regionCode: string,
  initial: CellFields,
  next: CellFields,
): UpdateCellInput | null {
  const { patch, expected } = diffFields(pickCellFields(initial), pickCellFields(next));
  if (Object.keys(patch).length === 0) return null;
  return { initiativeId, regionCode, patch, expected };
}
