import { useI18n, useMessages } from '../i18n';
import { editingMessages } from './messages';

/** The shared editing texts (`t`) next to the shell's i18n helpers (locale, formatters, common texts). */
export function useEditingText() {
  const i18n = useI18n();
  const t = useMessages(editingMessages);
  return { t, i18n, locale: i18n.locale };
}
