import { lazyMessages } from '../../i18n/lazy-messages';

/**
 * The editing texts (~3 KB gzip, both languages) load only for someone who may edit, after the first
 * paint: readers never download them (issue 7, docs/performance.md section 3). The view turns edit mode
 * on only once they are in, so every text drawn in edit mode is there.
 */
const editorTexts = lazyMessages(() => import('./editor-messages').then((m) => m.supportEditorMessages));

export const useLoadEditorTexts = editorTexts.useLoad;
export const useEditorTexts = editorTexts.useTexts;
