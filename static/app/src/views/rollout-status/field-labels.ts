/**
 * This view's field catalogue: field names and stored values in words, for the editing side. Forms, the
 * conflict dialog and the history panel all name a field the same way.
 */
import type { CellField, InitiativeField } from '@shared/model';
import {
  INITIATIVE_KIND_LABELS,
  PHASE_LABELS,
  ROLLOUT_TYPE_LABELS,
  type InitiativeKind,
  type Locale,
  type Phase,
  type RolloutStatus,
  type RolloutType,
} from '@shared/vocabulary';
import { formatStoredValue, type FieldCatalogue, type FieldText } from '../../editing/fields';
import type { FieldShape } from '../../editing/form-errors';
import type { TEditing } from '../../editing/messages';
import type { Translate } from '../../i18n/define-messages';
import { formatDate, formatMonth } from '../../i18n/format';
import type { RolloutEditorMessages } from './editor-messages';
import { statusLabel } from './labels';

export type TE = Translate<RolloutEditorMessages>;

type StringKey = {
  [K in keyof RolloutEditorMessages]: RolloutEditorMessages[K] extends string ? K : never;
}[keyof RolloutEditorMessages];

export const CELL_FIELD_LABEL: Record<CellField, StringKey> = {
  status: 'fieldStatus',
  note: 'fieldNote',
  link: 'fieldLink',
  pilotStart: 'fieldPilotStart',
  pilotEnd: 'fieldPilotEnd',
  broadStart: 'fieldBroadStart',
  broadEnd: 'fieldBroadEnd',
  contactEstablished: 'fieldContactEstablished',
  contactSince: 'fieldContactSince',
  regionalContact: 'fieldRegionalContact',
  nationalContact: 'fieldNationalContact',
};

export const INITIATIVE_FIELD_LABEL: Record<InitiativeField, StringKey> = {
  name: 'fieldName',
  kind: 'fieldKind',
  summary: 'fieldSummary',
  infoLink: 'fieldInfoLink',
  contact: 'fieldContact',
  rolloutType: 'fieldRolloutType',
  phase: 'fieldPhase',
  nationalPilotStart: 'fieldNationalPilotStart',
  nationalPilotEnd: 'fieldNationalPilotEnd',
  nationalBroadStart: 'fieldNationalBroadStart',
  nationalBroadEnd: 'fieldNationalBroadEnd',
};

const OTHER_FIELD_LABEL: Record<string, StringKey> = { order: 'fieldOrder', archived: 'fieldArchived' };

/** History entries name fields of cells and initiatives alike; an unknown field keeps its own name. */
export function fieldLabel(t: TE, field: string): string {
  const key =
    (CELL_FIELD_LABEL as Record<string, StringKey>)[field] ??
    (INITIATIVE_FIELD_LABEL as Record<string, StringKey>)[field] ??
    OTHER_FIELD_LABEL[field];
  return key ? t(key) : field;
}

const MONTH_FIELDS = new Set([
  'pilotStart',
  'pilotEnd',
  'broadStart',
  'broadEnd',
  'nationalPilotStart',
  'nationalPilotEnd',
  'nationalBroadStart',
  'nationalBroadEnd',
]);

/** A stored value in words: vocabulary labels for keys, months and dates in the reader's language. */
export function formatFieldValue(field: string, value: unknown, locale: Locale, e: TEditing): string {
  return formatStoredValue(value, e, (text) => {
    if (field === 'status') return statusLabel(text as RolloutStatus, locale);
    if (field === 'kind' && text in INITIATIVE_KIND_LABELS) return INITIATIVE_KIND_LABELS[text as InitiativeKind][locale];
    if (field === 'rolloutType' && text in ROLLOUT_TYPE_LABELS) return ROLLOUT_TYPE_LABELS[text as RolloutType][locale];
    if (field === 'phase' && text in PHASE_LABELS) return PHASE_LABELS[text as Phase][locale];
    if (MONTH_FIELDS.has(field)) return formatMonth(text, locale);
    if (field === 'contactSince') return formatDate(text, locale);
    return text;
  });
}

/** Every field this view's history and conflicts can name: cells', initiatives' and the rest. */
export function rolloutFieldText(t: TE, e: TEditing, locale: Locale): FieldText {
  return { label: (field) => fieldLabel(t, field), format: (field, value) => formatFieldValue(field, value, locale, e) };
}

/** One form's catalogue: its fields' labels and shapes, values in words as everywhere. */
export function fieldCatalogue<F extends string>(
  labels: Record<F, StringKey>,
  shapes: Record<F, FieldShape>,
  t: TE,
  e: TEditing,
  locale: Locale,
): FieldCatalogue<F> {
  return { shapes, label: (field) => t(labels[field] as StringKey), format: (field, value) => formatFieldValue(field, value, locale, e) };
}
