/**
 * Date formatting for the viewer's locale and time zone. Pure: every function takes the locale, zone and,
 * where it matters, "now", so that tests pin them.
 */
import type { Locale } from '@shared/vocabulary';
import { intlTag } from './locale';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * A plain calendar date ('2026-11-12', "contact since") is the same day everywhere: format it in UTC.
 * An instant ('2026-11-12T23:30:00Z') is shown in the viewer's zone, where it may be another day.
 */
function toDateAndZone(iso: string, timeZone: string | undefined): { date: Date; zone: string | undefined } | null {
  const dateOnly = DATE_ONLY.exec(iso);
  const date = dateOnly ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return { date, zone: dateOnly ? 'UTC' : timeZone };
}

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (about 0.1 ms each, and a view
 * formats thousands of dates): keep one per locale, zone and style for the page's lifetime.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag(locale), options);
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return '';
  const parsed = toDateAndZone(iso, timeZone);
  if (!parsed) return iso;
  return dateFormatter(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: parsed.zone }).format(parsed.date);
}

/**
 * A day, kept as the instant of its midnight in UTC ('2026-11-12T00:00:00.000Z': when a cell or a need was
 * last updated). It names a calendar day, not a moment, so it is the same day in every time zone.
 */
export function formatDay(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return formatDate(iso.slice(0, 10), locale);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return '';
  const parsed = toDateAndZone(iso, timeZone);
  if (!parsed) return iso;
  return dateFormatter(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: parsed.zone }).format(
    parsed.date,
  );
}

/** A programme spans a few dozen months: their names are worth remembering, not recomputing per cell. */
const monthNames = new Map<string, string>();

/** 'YYYY-MM' → "mars 2026" / "March 2026". */
export function formatMonth(yearMonth: string | null | undefined, locale: Locale, style: 'long' | 'short' = 'long'): string {
  if (!yearMonth) return '';
  const key = `${locale}|${style}|${yearMonth}`;
  const known = monthNames.get(key);
  if (known !== undefined) return known;
  const m = YEAR_MONTH.exec(yearMonth);
  if (!m) return yearMonth;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const text = dateFormatter(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
  monthNames.set(key, text);
  return text;
}

/** 'YYYY-Qn' → "K1 2026" / "Q1 2026" (short) or "kvartal 1 2026" / "quarter 1 2026" (long). */
export function formatQuarter(quarter: string, locale: Locale, style: 'long' | 'short' = 'short'): string {
  const m = QUARTER.exec(quarter);
  if (!m) return quarter;
  const [, year, q] = m;
  if (style === 'long') return locale === 'sv' ? `kvartal ${q} ${year}` : `quarter ${q} ${year}`;
  return locale === 'sv' ? `K${q} ${year}` : `Q${q} ${year}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "för 3 dagar sedan" / "3 days ago"; "i går" / "yesterday". Older than a year falls back to the date. */
export function formatRelative(iso: string | null | undefined, locale: Locale, now: Date = new Date(), timeZone?: string): string {
  if (!iso) return '';
  const parsed = toDateAndZone(iso, timeZone);
  if (!parsed) return iso;
  const diff = parsed.date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const rtf = relativeFormatter(locale);
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (abs < 30 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  if (abs < 365 * DAY) return rtf.format(Math.round(diff / (30 * DAY)), 'month');
  return formatDate(iso, locale, timeZone);
}

const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: Locale): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' });
    relativeFormatters.set(locale, f);
  }
  return f;
}

/** Whole days between an instant and now, for "not updated in N days". */
export function daysSince(iso: string | null | undefined, now: Date = new Date()): number | null {
  if (!iso) return null;
  const t = new Date(DATE_ONLY.test(iso) ? `${iso}T00:00:00Z` : iso).getTime();
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY));
}
