import { lazyMessages } from '../../i18n/lazy-messages';
import { lazyModule } from '../../lazy-module';

/**
 * The editing texts and the editors' buttons (editor-controls.tsx) load only for someone who may edit,
 * after the first paint: readers never download them (issue 7, docs/performance.md section 3). Both come
 * in one go, and the edit switch appears only once they are in, so every text and button of edit mode is
 * drawn with it. The dialogs (a lazy chunk of their own) import the catalogue directly.
 */
export const editorControls = lazyModule(() => import('./editor-controls'));

const editorTexts = lazyMessages(() => Promise.all([import('./editor-messages'), editorControls.load()]).then(([m]) => m.needsEditorMessages));

export const useLoadEditorTexts = editorTexts.useLoad;
export const useEditorTexts = editorTexts.useTexts;
