/**
 * This view's field catalogue (labels, values in words, shapes) and its change kinds for the history: a
 * need's definition (restored through upsertNeed, a removal through restoreNeed) and a participant's
 * progress (through updateNeedProgress). Pure, apart from the texts passed in.
 */
import type { HistoryEntry } from '@shared/model';
import { needPatchSchema, needProgressPatchSchema, type UpsertNeedInput, type UpdateNeedProgressInput } from '@shared/schemas';
import { NEED_CATEGORY_LABELS, NEED_PROGRESS_LABELS, type Locale, type NeedCategory, type NeedProgress } from '@shared/vocabulary';
import { formatStoredValue, type FieldCatalogue, type FieldText } from '../../editing/fields';
import type { FieldShape } from '../../editing/form-errors';
import type { ChangeRestore } from '../../editing/history';
import type { TEditing } from '../../editing/messages';
import type { TNeedsEditor } from './editor-messages';

export type NeedField = 'title' | 'category' | 'required' | 'description' | 'link';
export type ProgressField = 'progress' | 'note';

export const NEED_FIELD_SHAPES: Record<NeedField, FieldShape> = { title: 'text', category: 'choice', required: 'flag', description: 'text', link: 'link' };
export const PROGRESS_FIELD_SHAPES: Record<ProgressField, FieldShape> = { progress: 'choice', note: 'text' };

const LABEL: Record<string, Parameters<TNeedsEditor>[0]> = {
  title: 'fieldTitle',
  category: 'fieldCategory',
  required: 'fieldRequired',
  description: 'fieldDescription',
  link: 'fieldLink',
  progress: 'fieldProgress',
  note: 'fieldNote',
  order: 'fieldOrder',
  need: 'fieldNeed',
};

/** Every field the needs' forms, conflicts and history name; `titleOf` names a need by id (for the order). */
export function needsFieldText(t: TNeedsEditor, e: TEditing, locale: Locale, titleOf: (id: string) => string = (id) => id): FieldText {
  return {
    label: (field) => (LABEL[field] ? t(LABEL[field]) : field),
    format: (field, value) => {
      if (field === 'order' && Array.isArray(value)) return value.map((id) => titleOf(String(id))).join(', ');
      if (field === 'need' && value && typeof value === 'object') return needTitleOf(value) ?? e('historyEmptyValue');
      return formatStoredValue(value, e, (text) => {
        if (field === 'category' && text in NEED_CATEGORY_LABELS) return NEED_CATEGORY_LABELS[text as NeedCategory][locale];
        if (field === 'progress' && text in NEED_PROGRESS_LABELS) return NEED_PROGRESS_LABELS[text as NeedProgress][locale];
        return text;
      });
    },
  };
}

/** A removal records { need, position, progress }; a restore records the definition itself. */
function needTitleOf(value: object): string | null {
  const v = value as { title?: unknown; need?: { title?: unknown } };
  if (typeof v.title === 'string') return v.title;
  if (typeof v.need?.title === 'string') return v.need.title;
  return null;
}

export function needsCatalogue<F extends string>(text: FieldText, shapes: Record<F, FieldShape>): FieldCatalogue<F> {
  return { shapes, label: text.label, format: text.format };
}

/** A removed need brought back: restoreNeed's payload, shaped as an edit so the history names what comes back. */
export interface RestoreNeedAction {
  initiativeId: string;
  historyId: string;
  patch: { need: unknown };
  expected: { need: null };
}

export const NEED_CHANGES: ChangeRestore<Extract<UpsertNeedInput, { patch: object }>> = {
  id: 'need',
  describes: (entry) => entry.target === 'need' && entry.action !== 'delete',
  restore: restoreNeedField,
};

export const NEED_REMOVALS: ChangeRestore<RestoreNeedAction> = {
  id: 'need-removal',
  describes: (entry) => entry.target === 'need' && entry.action === 'delete',
  restore: (entry, field, oldValue) =>
    entry.initiativeId && field === 'need' && oldValue ? { initiativeId: entry.initiativeId, historyId: entry.id, patch: { need: oldValue }, expected: { need: null } } : null,
};

export const PROGRESS_CHANGES: ChangeRestore<UpdateNeedProgressInput> = {
  id: 'need-progress',
  describes: (entry) => entry.target === 'need-progress',
  restore: restoreProgressField,
};

/** Other changes of the initiative (its cells, milestones …): shown, not restored here. */
export const OTHER_CHANGES: ChangeRestore = { id: 'other', describes: () => true };

function restorable(entry: HistoryEntry, oldValue: unknown, newValue: unknown): entry is HistoryEntry & { initiativeId: string; needId: string } {
  return entry.action === 'update' && !!entry.initiativeId && !!entry.needId && oldValue !== undefined && !Object.is(oldValue, newValue);
}

function restoreNeedField(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): Extract<UpsertNeedInput, { patch: object }> | null {
  if (entry.target !== 'need' || !restorable(entry, oldValue, newValue)) return null;
  const patch = needPatchSchema.safeParse({ [field]: oldValue });
  const expected = needPatchSchema.safeParse({ [field]: newValue });
  if (!patch.success || !expected.success || Object.keys(patch.data).length === 0) return null;
  return { initiativeId: entry.initiativeId, needId: entry.needId, patch: patch.data, expected: expected.data };
}

function restoreProgressField(entry: HistoryEntry, field: string, oldValue: unknown, newValue: unknown): UpdateNeedProgressInput | null {
  if (entry.target !== 'need-progress' || !entry.regionCode || !restorable(entry, oldValue, newValue)) return null;
  const patch = needProgressPatchSchema.safeParse({ [field]: oldValue });
  const expected = needProgressPatchSchema.safeParse({ [field]: newValue });
  if (!patch.success || !expected.success || Object.keys(patch.data).length === 0) return null;
  return { initiativeId: entry.initiativeId, needId: entry.needId, regionCode: entry.regionCode, patch: patch.data, expected: expected.data };
}
