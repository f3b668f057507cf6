import { useEffect, useMemo, useState } from 'react';
import { useI18n } from './i18n-context';
import { translator, type MessageTable, type Messages, type Translate } from './define-messages';
import { englishTable } from './locale-tables';

export interface LazyMessages<S extends MessageTable> {
  /** Starts loading the texts when `wanted` (the caller may edit); true once they are in. */
  useLoad(wanted: boolean): boolean;
  /** The texts in the current locale; '' for every key until useLoad has answered true. */
  useTexts(): Translate<S>;
}

/**
 * A catalogue that only some callers need (a view's editing texts: readers, most of the public, never
 * edit) loads on demand, after the first paint, instead of weighing on every reader's initial JS
 * (issue 7, decision 0033). The view shows what draws these texts (its edit switch) only once useLoad
 * has answered true, so no control is ever drawn without its text.
 */
export function lazyMessages<S extends MessageTable>(load: () => Promise<Messages<S>>): LazyMessages<S> {
  let loaded: Messages<S> | undefined;
  let loading: Promise<Messages<S>> | undefined;

  function start(): Promise<Messages<S>> {
    loading ??= load().then(
      // An English reader's table comes in a chunk of its own (locale-tables.ts).
      (messages) => englishTable(messages).then(() => (loaded = messages)),
      (error: unknown) => {
        loading = undefined; // a failed chunk (offline): the next render that wants them tries again
        throw error;
      },
    );
    return loading;
  }

  const notLoaded = (() => '') as Translate<S>;

  return {
    useLoad(wanted) {
      const [ready, setReady] = useState(loaded !== undefined);
      useEffect(() => {
        if (!wanted || ready) return;
        let live = true;
        start().then(
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
    },
    useTexts() {
      const { locale } = useI18n();
      const messages = loaded;
      return useMemo(() => (messages ? translator(messages, locale) : notLoaded), [messages, locale]);
    },
  };
}
