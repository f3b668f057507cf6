import type { Locale } from '@shared/vocabulary';

/** Confluence locales look like 'sv-SE', 'en-US' or 'en_GB'. Anything that is not English reads Swedish. */
export function resolveLocale(raw: string | null | undefined): Locale {
  const language = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return language === 'en' ? 'en' : 'sv';
}

/** The BCP 47 tag handed to Intl; en-GB gives the day-month order Swedish readers of English expect. */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'sv-SE';
}

/** The viewer's time zone from the context, or the browser's own when it is missing or unknown to Intl. */
export function safeTimeZone(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    return undefined;
  }
}
