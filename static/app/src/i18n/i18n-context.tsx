import { createContext, use, useContext, useMemo, type ReactNode } from 'react';
import type { Labelled, Locale } from '@shared/vocabulary';
import { commonMessages, type CommonMessages } from './common-messages';
import { translator, type MessageTable, type Messages, type Translate } from './define-messages';
import { formatDate, formatDateTime, formatDay, formatMonth, formatQuarter, formatRelative } from './format';
import { englishTable } from './locale-tables';

export interface I18n {
  locale: Locale;
  timeZone: string | undefined;
  /** The shared messages (common-messages.ts). */
  t: Translate<CommonMessages>;
  /** A vocabulary label from @shared/vocabulary in the current locale. */
  label: <K extends string>(table: Labelled<K>, key: K) => string;
  /** '2026-11-12' or an ISO instant → "12 nov. 2026". */
  formatDate: (iso: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  /** A day-precision "updated" ('2026-11-12T00:00:00.000Z') → "12 nov. 2026", the same day in every zone. */
  formatDay: (iso: string | null | undefined) => string;
  /** 'YYYY-MM' → "mars 2026"; short: "mars 2026" with abbreviated month. */
  formatMonth: (yearMonth: string | null | undefined, style?: 'long' | 'short') => string;
  /** 'YYYY-Qn' → "K1 2026"; long: "kvartal 1 2026". */
  formatQuarter: (quarter: string, style?: 'long' | 'short') => string;
  /** "för 3 dagar sedan". */
  formatRelative: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function createI18n(locale: Locale, timeZone: string | undefined): I18n {
  return {
    locale,
    timeZone,
    t: translator(commonMessages, locale),
    label: (table, key) => table[key]?.[locale] ?? String(key),
    formatDate: (iso) => formatDate(iso, locale, timeZone),
    formatDateTime: (iso) => formatDateTime(iso, locale, timeZone),
    formatDay: (iso) => formatDay(iso, locale),
    formatMonth: (ym, style) => formatMonth(ym, locale, style),
    formatQuarter: (q, style) => formatQuarter(q, locale, style),
    formatRelative: (iso) => formatRelative(iso, locale, new Date(), timeZone),
  };
}

export function I18nProvider({ locale, timeZone, children }: { locale: Locale; timeZone?: string; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** A view's own message table, translated into the current locale: `const tv = useMessages(viewMessages)`. */
export function useMessages<S extends MessageTable>(messages: Messages<S>): Translate<S> {
  const { locale } = useI18n();
  // The build ships English tables apart (locale-tables.ts): wait for this one rather than show Swedish.
  if (locale === 'en' && !messages.en) use(englishTable(messages));
  return useMemo(() => translator(messages, locale), [messages, locale]);
}
