/**
 * The window forms: four months of a participant's plan (updateCell) or of the initiative's national
 * windows (upsertInitiative). Only the changed months are sent, with the values the editor started from.
 * In the chunk only editors download (it carries the validation schemas).
 */
import { cellFieldsSchema, initiativeFieldsSchema, type UpdateCellInput, type UpsertInitiativeInput } from '@shared/schemas';
import { diffFields, emptyToNull, issuesToFieldErrors, type FieldError, type FieldShape } from '../../editing/form-errors';

/** The shape of usePatchSave's FormCheck, kept here so this module stays free of the UI (and testable). */
export type FormCheck<F extends string, V> = { ok: true; fields: V } | { ok: false; errors: Partial<Record<F, FieldError>> };

export const PLAN_FIELDS = ['pilotStart', 'pilotEnd', 'broadStart', 'broadEnd'] as const;
export const NATIONAL_FIELDS = ['nationalPilotStart', 'nationalPilotEnd', 'nationalBroadStart', 'nationalBroadEnd'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type NationalField = (typeof NATIONAL_FIELDS)[number];
export type WindowField = PlanField | NationalField;

export type Months<F extends string> = Record<F, string | null>;
export type MonthForm<F extends string> = Record<F, string>;

const shapesOf = <F extends string>(fields: readonly F[]) => Object.fromEntries(fields.map((f) => [f, 'month'])) as Record<F, FieldShape>;
export const PLAN_SHAPES = shapesOf(PLAN_FIELDS);
export const NATIONAL_SHAPES = shapesOf(NATIONAL_FIELDS);

const planSchema = cellFieldsSchema.pick({ pilotStart: true, pilotEnd: true, broadStart: true, broadEnd: true });
const nationalSchema = initiativeFieldsSchema.pick({ nationalPilotStart: true, nationalPilotEnd: true, nationalBroadStart: true, nationalBroadEnd: true });

export function formOf<F extends string>(fields: readonly F[], months: Months<F>): MonthForm<F> {
  return Object.fromEntries(fields.map((f) => [f, months[f] ?? ''])) as MonthForm<F>;
}

function check<F extends string>(fields: readonly F[], shapes: Record<F, FieldShape>, schema: typeof planSchema | typeof nationalSchema, form: MonthForm<F>): FormCheck<F, Months<F>> {
  const values = Object.fromEntries(fields.map((f) => [f, emptyToNull(form[f])]));
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, fields: parsed.data as Months<F> } : { ok: false, errors: issuesToFieldErrors(parsed.error.issues, shapes) };
}

export const validatePlanForm = (form: MonthForm<PlanField>) => check(PLAN_FIELDS, PLAN_SHAPES, planSchema, form);
export const validateNationalForm = (form: MonthForm<NationalField>) => check(NATIONAL_FIELDS, NATIONAL_SHAPES, nationalSchema, form);

/** updateCell for the changed months; null when nothing changed. */
export function buildPlanUpdate(initiativeId: string, regionCode: string, initial: Months<PlanField>, next: Months<PlanField>): UpdateCellInput | null {
  const { patch, expected } = diffFields(initial, next);
  return Object.keys(patch).length === 0 ? null : { initiativeId, regionCode, patch, expected };
}

/** upsertInitiative (an edit) for the changed national months; null when nothing changed. */
export function buildNationalUpdate(initiativeId: string, initial: Months<NationalField>, next: Months<NationalField>): UpsertInitiativeInput | null {
  const { patch, expected } = diffFields(initial, next);
  return Object.keys(patch).length === 0 ? null : { id: initiativeId, patch, expected };
}
