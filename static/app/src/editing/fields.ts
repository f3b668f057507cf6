/**
 * A view's field catalogue: how it names its fields, shows their stored values and what each field
 * expects. The editing modules are generic over the view's field names (`F`); they never know a view's
 * texts.
 */
import type { FieldShape } from './form-errors';
import type { TEditing } from './messages';

/** Field names and stored values in words: forms, the conflict dialog and the history name a field the same way. */
export interface FieldText<F extends string = string> {
  label(field: F): string;
  format(field: F, value: unknown): string;
}

export interface FieldCatalogue<F extends string> extends FieldText<F> {
  /** What each field expects, so the server's VALIDATION paths and the schema's issues can be explained. */
  shapes: Record<F, FieldShape>;
}

/**
 * A stored value in words, for what every field has in common: not set, yes/no, numbers. A string goes
 * through `text`, where the view puts its vocabulary, months and dates.
 */
export function formatStoredValue(value: unknown, t: TEditing, text: (value: string) => string = (s) => s): string {
  if (value === null || value === undefined || value === '') return t('historyEmptyValue');
  if (typeof value === 'boolean') return value ? t('historyYes') : t('historyNo');
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
