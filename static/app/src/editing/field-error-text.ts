import type { FieldError } from './form-errors';
import type { TEditing } from './messages';

/** A field problem as an instruction: what to enter, not what went wrong. */
export function fieldErrorText(error: FieldError | undefined, t: TEditing): string | undefined {
  if (!error) return undefined;
  switch (error.kind) {
    case 'required':
      return t('errorRequired');
    case 'too-long':
      return t('errorTooLong', { max: error.max ?? 0 });
    case 'link':
      return t('errorLink');
    case 'month':
      return t('errorMonth');
    case 'date':
      return t('errorDate');
    case 'characters':
      return t('errorCharacters');
    default:
      return t('errorInvalid');
  }
}
