/**
 * Field names and stored values in words, for the editing side: forms, the conflict dialog and the
 * history panel all name a field the same way.
 */
import type { CellField, InitiativeField } from '../../../../../src/shared/model';
import {
  INITIATIVE_KIND_LABELS,
  PHASE_LABELS,
  ROLLOUT_TYPE_LABELS,
  type InitiativeKind,
  type Locale,
  type Phase,
  type RolloutStatus,
  type RolloutType,
} from '../../../../../src/shared/vocabulary';
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
export function formatFieldValue(field: string, value: unknown, locale: Locale, t: TE): string {
  if (value === null || value === undefined || value === '') return t('historyEmptyValue');
  if (typeof value === 'boolean') return value ? t('historyYes') : t('historyNo');
  if (typeof value === 'string') {
    if (field === 'status') return statusLabel(value as RolloutStatus, locale);
    if (field === 'kind' && value in INITIATIVE_KIND_LABELS) return INITIATIVE_KIND_LABELS[value as InitiativeKind][locale];
    if (field === 'rolloutType' && value in ROLLOUT_TYPE_LABELS) return ROLLOUT_TYPE_LABELS[value as RolloutType][locale];
    if (field === 'phase' && value in PHASE_LABELS) return PHASE_LABELS[value as Phase][locale];
    if (MONTH_FIELDS.has(field)) return formatMonth(value, locale);
    if (field === 'contactSince') return formatDate(value, locale);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

