import { useI18n, useMessages } from '../../i18n';
import { rolloutStatusMessages } from './messages';

/** This view's messages (`t`) next to the shell's i18n helpers (locale, formatters, common texts). */
export function useText() {
  const i18n = useI18n();
  const t = useMessages(rolloutStatusMessages);
  return { t, i18n, locale: i18n.locale };
}
