/**
 * Geometry of the roadmap timeline: quarters along x, months within them. Pure, so the drawing can be
 * tested without a browser.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Months since year 0, so months compare and subtract as plain numbers. */
export function monthNumber(yearMonth: string | null | undefined): number | null {
  const m = yearMonth ? MONTH.exec(yearMonth) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

export function quarterFirstMonth(quarter: string): number | null {
  const m = QUARTER.exec(quarter);
  return m ? Number(m[1]) * 12 + (Number(m[2]) - 1) * 3 : null;
}

export interface Axis {
  /** First month of the first quarter. */
  startMonth: number;
  /** Number of months on the axis (3 per quarter). */
  months: number;
  monthWidth: number;
  /** x where the first month begins (after the row labels). */
  left: number;
  width: number;
}

export function makeAxis(quarters: ReadonlyArray<string>, options: { left: number; quarterWidth: number }): Axis | null {
  const first = quarters.length > 0 ? quarterFirstMonth(quarters[0]) : null;
  if (first === null) return null;
  const monthWidth = options.quarterWidth / 3;
  const months = quarters.length * 3;
  return { startMonth: first, months, monthWidth, left: options.left, width: options.left + months * monthWidth };
}

/** x of the start of a month (or of the month after, with `end`); clamped to the axis. */
export function monthX(axis: Axis, month: number, edge: 'start' | 'end' = 'start'): number {
  const offset = month - axis.startMonth + (edge === 'end' ? 1 : 0);
  const clamped = Math.max(0, Math.min(axis.months, offset));
  return axis.left + clamped * axis.monthWidth;
}

export interface Bar {
  x: number;
  width: number;
  /** Only a start month is known: the bar is one month wide and drawn as open-ended. */
  openEnded: boolean;
}

/**
 * A planned window as a bar from the start of its first month to the end of its last. No start → no bar.
 * An end before the start (the domain warns about it) is drawn as start-only rather than backwards.
 */
export function windowBar(axis: Axis, start: string | null | undefined, end: string | null | undefined): Bar | null {
  const s = monthNumber(start);
  if (s === null) return null;
  const e = monthNumber(end);
  const openEnded = e === null || e < s;
  // Wholly outside the configured range: no sliver at the edge (the table and the popover give the months).
  const last = openEnded ? s : (e as number);
  if (last < axis.startMonth || s >= axis.startMonth + axis.months) return null;
  const x = monthX(axis, s);
  const x2 = monthX(axis, openEnded ? s : (e as number), 'end');
  return { x, width: Math.max(x2 - x, 2), openEnded };
}

/** x of "today" when it falls on the axis (middle of the current month), else null. */
export function todayX(axis: Axis, now: Date): number | null {
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (month < axis.startMonth || month >= axis.startMonth + axis.months) return null;
  return axis.left + (month - axis.startMonth + 0.5) * axis.monthWidth;
}

/** Where the "today" label goes: right of the line, or left of it when it would run past the drawing. */
export function todayLabel(axis: Axis, x: number, labelWidth: number, gap = 3): { x: number; anchor: 'start' | 'end' } {
  return x + gap + labelWidth <= axis.width ? { x: x + gap, anchor: 'start' } : { x: x - gap, anchor: 'end' };
}

// ------------------------------------------------------------------ keyboard model (decision 0023)

/** A focusable bar: its row (in drawing order) and which window it draws. */
export interface BarRef {
  id: string;
  row: number;
  kind: 'pilot' | 'broad';
}

export type BarKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';
export const BAR_KEYS: ReadonlyArray<string> = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];

/**
 * The bar a key moves to, in reading order (row by row, pilot before broad): right/left to the next or
 * previous bar, down/up to the nearest row below or above that has a bar (the same kind when it has
 * one), Home/End to the first and last. At an end the bar stays where it is. `bars` is in reading order.
 */
export function nextBar(bars: ReadonlyArray<BarRef>, currentId: string, key: BarKey): string {
  if (bars.length === 0) return currentId;
  const i = Math.max(0, bars.findIndex((b) => b.id === currentId));
  const current = bars[i];
  switch (key) {
    case 'ArrowRight':
      return bars[Math.min(i + 1, bars.length - 1)].id;
    case 'ArrowLeft':
      return bars[Math.max(i - 1, 0)].id;
    case 'Home':
      return bars[0].id;
    case 'End':
      return bars[bars.length - 1].id;
    case 'ArrowDown':
    case 'ArrowUp': {
      const down = key === 'ArrowDown';
      const candidates = bars.filter((b) => (down ? b.row > current.row : b.row < current.row));
      if (candidates.length === 0) return current.id;
      const row = down ? candidates[0].row : candidates[candidates.length - 1].row;
      const inRow = candidates.filter((b) => b.row === row);
      return (inRow.find((b) => b.kind === current.kind) ?? inRow[0]).id;
    }
  }
}
