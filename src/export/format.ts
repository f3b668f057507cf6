/** Locale and date formatting for the export, which leaves Confluence and so must state its own dates. */
import type { IsoDateTime, YearMonth } from '../shared/model';
import type { Locale } from '../shared/vocabulary';

/** Swedish is the product's language; anything that is not English falls back to it. */
export function toLocale(raw: unknown): Locale {
  return typeof raw === 'string' && /^en([-_]|$)/i.test(raw) ? 'en' : 'sv';
}

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export function toTimeZone(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: raw });
    return raw;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** 'YYYY-MM-DD HH:mm' in the given time zone: the same unambiguous form in both languages. */
export function formatInstant(at: IsoDateTime, timeZone: string): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return at;
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** '2026-03 – 2026-06', a single month, or '' when nothing is planned. */
export function monthRange(start: YearMonth | null, end: YearMonth | null): string {
  if (start && end) return `${start} – ${end}`;
  if (start) return `${start} –`;
  if (end) return `– ${end}`;
  return '';
}
