import { editingMessages } from '../../editing/messages';
import { useMessages } from '../../i18n';
import { rolloutEditorMessages } from './editor-messages';
import { useText } from './use-text';

/** This view's editing texts (`t`), the shared editing texts (`e`), the reader texts (`r`) and the shell's i18n helpers. */
export function useEditorText() {
  const { t: r, i18n, locale } = useText();
  const t = useMessages(rolloutEditorMessages);
  const e = useMessages(editingMessages);
  return { t, e, r, i18n, locale };
}
