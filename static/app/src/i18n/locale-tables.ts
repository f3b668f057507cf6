import type { Locale } from '@shared/vocabulary';
import type { MessageTable } from './define-messages';

/**
 * The build moves each message catalogue's English table into a chunk of its own (scripts/locale-split.ts),
 * so a Swedish reader downloads no English texts. The source stays one typed catalogue per file
 * (define-messages.ts); tests and typechecks see it unchanged. This module puts the English tables back
 * before anything English is drawn:
 * - main.tsx calls loadLocaleTables with the locale from the Forge context before the first render, and
 *   waits for the tables of the catalogues in the first download (common-messages.ts).
 * - A catalogue in a lazily loaded chunk starts loading its English table as soon as its chunk runs;
 *   useMessages suspends until it is in (englishTable), inside the Suspense that waited for the chunk
 *   itself, so no Swedish text flashes by.
 * Issue 7, docs/decisions/0033, docs/performance.md section 3.
 */
type Catalogue = { sv: MessageTable; en: MessageTable | null };
type Loader = () => Promise<{ default: MessageTable }>;

let locale: Locale | undefined;
const loaders = new Map<Catalogue, Loader>();
const loading = new Map<Catalogue, Promise<void>>();
const done = Promise.resolve();

/** The English table of a split catalogue for an English reader, loading (once) or loaded; else resolved. */
export function englishTable(catalogue: Catalogue): Promise<void> {
  const load = loaders.get(catalogue);
  if (!load || catalogue.en || locale !== 'en') return done;
  let promise = loading.get(catalogue);
  if (!promise) {
    promise = load().then(
      (m) => {
        catalogue.en = m.default;
      },
      (error: unknown) => {
        loading.delete(catalogue); // a failed chunk (offline): the next render tries again
        throw error;
      },
    );
    loading.set(catalogue, promise);
  }
  return promise;
}

/** Build output only: registers a catalogue whose English table is in its own chunk. Answers the catalogue. */
export function splitCatalogue<C extends Catalogue>(catalogue: C, load: Loader): C {
  loaders.set(catalogue, load);
  if (locale === 'en') englishTable(catalogue).catch(() => undefined);
  return catalogue;
}

/** The reader's locale, once, before the first render: resolves when the tables loaded so far are in. */
export function loadLocaleTables(next: Locale): Promise<void> {
  locale = next;
  if (next !== 'en') return done;
  return Promise.all([...loaders.keys()].map(englishTable)).then(() => undefined);
}
