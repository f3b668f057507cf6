import { useMemo } from 'react';
import { lazyModule, useLazyModule } from '../lazy-module';
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
 * has answered true, so no control is ever drawn without its text. Should the download fail (offline),
 * the switch stays away; the next view that mounts tries again.
 */
export function lazyMessages<S extends MessageTable>(load: () => Promise<Messages<S>>): LazyMessages<S> {
  // An English reader's table comes in a chunk of its own (locale-tables.ts): in once both are.
  const texts = lazyModule(() => load().then((messages) => englishTable(messages).then(() => messages)));
  const notLoaded = (() => '') as Translate<S>;
  return {
    useLoad: (wanted) => useLazyModule(texts, wanted).module !== undefined,
    useTexts() {
      const { locale } = useI18n();
      const messages = texts.current();
      return useMemo(() => (messages ? translator(messages, locale) : notLoaded), [messages, locale]);
    },
  };
}
