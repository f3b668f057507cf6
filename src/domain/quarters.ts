/** The roadmap's time axis: months ('YYYY-MM') grouped into quarters ('YYYY-Qn'). */
import type { YearMonth } from '../shared/model';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): boolean {
  return MONTH.test(value);
}

/** '2026-03' → '2026-Q1'. Returns null for anything that is not a real 'YYYY-MM'. */
export function monthToQuarter(month: YearMonth): string | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
}

/**
 * Every quarter from the earliest to the latest of the given months, inclusive and without gaps, so a
 * timeline has a column for each quarter even when nothing starts in it. Nulls and malformed values are
 * ignored; no months give an empty axis.
 */
export function quarterSpan(months: Iterable<YearMonth | null | undefined>): string[] {
  let first: string | null = null;
  let last: string | null = null;
  for (const month of months) {
    if (!month || !MONTH.test(month)) continue;
    // 'YYYY-MM' sorts as a string.
    if (first === null || month < first) first = month;
    if (last === null || month > last) last = month;
  }
  if (first === null || last === null) return [];
  const index = (month: string) => Number(month.slice(0, 4)) * 4 + Math.floor((Number(month.slice(5, 7)) - 1) / 3);
  const quarters: string[] = [];
  for (let q = index(first); q <= index(last); q++) quarters.push(`${Math.floor(q / 4)}-Q${(q % 4) + 1}`);
  return quarters;
}
