/**
 * The state of the cell edit form and its conversion to an `updateCell` payload. Inputs hold strings
 * ('' = not set); the model holds nulls. Validation uses the same shared schema as the resolver.
 */
import type { CellView } from '@shared/contract';
import { CELL_FIELDS, detailsOf, hasAnyDetail, planOf, type CellDetails, type CellField, type CellFields, type CellPlan } from '@shared/model';
import { cellFieldsSchema, type UpdateCellInput } from '@shared/schemas';
import type { RolloutStatus } from '@shared/vocabulary';
import { diffFields, emptyToNull, issuesToFieldErrors, type FieldError, type FieldShape } from '../../editing/form-errors';

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

function pickCellFields(cell: CellFields): CellFields {
  return Object.fromEntries(CELL_FIELDS.map((f) => [f, cell[f]])) as unknown as CellFields;
}

/**
 * What the form starts from: the plan as the view shows it and the details as just fetched. The view no
 * longer carries notes, links and contacts, so the form cannot open (nor send `expected`) without them.
 */
export function cellFieldsOf(plan: CellPlan, details: CellDetails): CellFields {
  return pickCellFields({ ...planOf(plan), ...detailsOf(details) });
}

/** The cell as the matrix shows it while the save is on its way: the plan changed, and whether it now has details. */
export function optimisticCell(cell: CellView, initial: CellFields, patch: Partial<CellFields>): CellView {
  const next = { ...initial, ...patch };
  return { ...cell, ...planOf(next), hasDetails: hasAnyDetail(detailsOf(next)) };
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

function formToFields(form: CellFormState): CellFields {
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
