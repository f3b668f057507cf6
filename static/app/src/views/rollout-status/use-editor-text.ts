import { useMessages } from '../../i18n';
import { rolloutEditorMessages } from './editor-messages';
import { useText } from './use-text';

/** The editing texts (`t`), the reader texts (`r`) and the shell's i18n helpers. */
export function useEditorText() {
  const { t: r, i18n, locale } = useText();
  const t = useMessages(rolloutEditorMessages);
  return { t, r, i18n, locale };
}
