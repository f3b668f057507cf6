import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { translator, type Translate } from '../../i18n/define-messages';
import { englishTable } from '../../i18n/locale-tables';
import type { supportEditorMessages } from './editor-messages';

type EditorMessages = typeof supportEditorMessages;

/**
 * The editing texts (~3 KB gzip, both languages) load only for someone who may edit, after the first
 * paint: readers, most of the public, never download them (issue 7, docs/performance.md section 3).
 * The view turns edit mode on only once they are in, so every text drawn in edit mode is there.
 */
let loaded: EditorMessages | undefined;
let loading: Promise<EditorMessages> | undefined;

function loadEditorTexts(): Promise<EditorMessages> {
  loading ??= import('./editor-messages').then(
    // An English reader's table comes in a chunk of its own (i18n/locale-tables.ts).
    (m) => englishTable(m.supportEditorMessages).then(() => (loaded = m.supportEditorMessages)),
    (error: unknown) => {
      loading = undefined; // a failed chunk (offline): the next render that wants them tries again
      throw error;
    },
  );
  return loading;
}

/** Starts loading the editing texts when `wanted` (the caller may edit); true once they are in. */
export function useLoadEditorTexts(wanted: boolean): boolean {
  const [ready, setReady] = useState(loaded !== undefined);
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    loadEditorTexts().then(
      () => {
        if (live) setReady(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, ready]);
  return ready;
}

const notLoaded = (() => '') as Translate<EditorMessages['sv']>;

/**
 * The editing texts in the current locale. Before they are loaded it answers '': only edit mode draws
 * them, and edit mode waits for useLoadEditorTexts.
 */
export function useEditorTexts(): Translate<EditorMessages['sv']> {
  const { locale } = useI18n();
  const messages = loaded;
  return useMemo(() => (messages ? translator(messages, locale) : notLoaded), [messages, locale]);
}
