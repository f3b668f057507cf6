/** The roadmap's time axis: months ('YYYY-MM') grouped into quarters ('YYYY-Qn'). */
import { ROADMAP_RANGE } from '../shared/limits';
import type { YearMonth } from '../shared/model';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** '2026-03' → '2026-Q1'. Returns null for anything that is not a real 'YYYY-MM'. */
export function monthToQuarter(month: YearMonth): string | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
}

/** Every quarter of the years from `fromYear` to `toYear`, inclusive. */
export function yearQuarters(fromYear: number, toYear: number): string[] {
  const quarters: string[] = [];
  for (let year = fromYear; year <= toYear; year++) for (let q = 1; q <= 4; q++) quarters.push(`${year}-Q${q}`);
  return quarters;
}

/**
 * The roadmap's years (decision 0023): the macro config's range, or from last year to the year after next.
 * One end alone keeps the default's four-year width from it; a range refused by roadmapRangeProblem never
 * gets here (parseMacroConfig drops it), but a width over the bound is cut to it all the same.
 */
export function roadmapYears(range: { rangeFromYear?: number; rangeToYear?: number }, now: Date): { fromYear: number; toYear: number } {
  const year = now.getUTCFullYear();
  const from = range.rangeFromYear ?? (range.rangeToYear !== undefined ? range.rangeToYear - 3 : year - 1);
  const to = range.rangeToYear ?? from + 3;
  return { fromYear: from, toYear: Math.max(from, Math.min(to, from + ROADMAP_RANGE.maxYears - 1)) };
}
