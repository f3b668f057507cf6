import { lazyMessages } from '../../i18n/lazy-messages';

/**
 * The editing texts load only for someone who may edit, after the first paint: readers never download
 * them (issue 7, docs/performance.md section 3). The edit switch appears only once they are in, so every
 * text and button drawn in edit mode is there. The dialogs (a lazy chunk of their own) import the catalogue directly.
 */
const editorTexts = lazyMessages(() =>
  // The editors' buttons (editor-controls.tsx) come along, so they are in when the edit switch appears.
  Promise.all([import('./editor-messages'), import('./editor-controls')]).then(([m]) => m.needsEditorMessages),
);

export const useLoadEditorTexts = editorTexts.useLoad;
export const useEditorTexts = editorTexts.useTexts;
