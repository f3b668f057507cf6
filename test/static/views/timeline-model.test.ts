import { makeAxis, monthNumber, monthX, nextBar, todayLabel, todayX, windowBar, type BarRef } from '../../../static/app/src/views/roadmap/timeline-model';

const axis = makeAxis(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], { left: 100, quarterWidth: 90 })!;

describe('roadmap timeline geometry', () => {
  it('spans three months per quarter after the label column', () => {
    expect(axis.months).toBe(12);
    expect(axis.monthWidth).toBe(30);
    expect(axis.width).toBe(100 + 360);
    expect(monthX(axis, monthNumber('2026-01')!)).toBe(100);
    expect(monthX(axis, monthNumber('2026-04')!)).toBe(190);
  });

  it('draws a window from the start of its first month to the end of its last', () => {
    expect(windowBar(axis, '2026-03', '2026-05')).toEqual({ x: 160, width: 90, openEnded: false });
  });

  it('draws a window with only a start as one open-ended month', () => {
    expect(windowBar(axis, '2026-07', null)).toEqual({ x: 280, width: 30, openEnded: true });
  });

  it('draws nothing without a start, and never a backwards bar', () => {
    expect(windowBar(axis, null, '2026-05')).toBeNull();
    expect(windowBar(axis, '2026-06', '2026-02')).toEqual({ x: 250, width: 30, openEnded: true });
  });

  it('clamps windows that reach outside the axis', () => {
    expect(windowBar(axis, '2025-10', '2027-06')).toEqual({ x: 100, width: 360, openEnded: false });
  });

  it('marks today only when it is on the axis', () => {
    expect(todayX(axis, new Date('2026-02-15T12:00:00Z'))).toBe(100 + 1.5 * 30);
    expect(todayX(axis, new Date('2027-01-15T12:00:00Z'))).toBeNull();
  });

  it('has no axis without quarters', () => {
    expect(makeAxis([], { left: 0, quarterWidth: 90 })).toBeNull();
  });
});

describe('roadmap timeline: range edges, today label and keyboard model', () => {
  it('draws no bar for a window wholly outside the axis', () => {
    expect(windowBar(axis, '2024-01', '2025-12')).toBeNull();
    expect(windowBar(axis, '2027-01', null)).toBeNull();
    expect(windowBar(axis, '2025-12', '2026-01')).toEqual({ x: 100, width: 30, openEnded: false });
  });

  it('puts the today label left of its line where it would run past the drawing', () => {
    expect(todayLabel(axis, 200, 40)).toEqual({ x: 203, anchor: 'start' });
    expect(todayLabel(axis, 445, 40)).toEqual({ x: 442, anchor: 'end' });
  });

  // Rows: 0 national (pilot, broad), 1 (broad only), 2 (none), 3 (pilot, broad).
  const bars: BarRef[] = [
    { id: 'n:pilot', row: 0, kind: 'pilot' },
    { id: 'n:broad', row: 0, kind: 'broad' },
    { id: 'a:broad', row: 1, kind: 'broad' },
    { id: 'c:pilot', row: 3, kind: 'pilot' },
    { id: 'c:broad', row: 3, kind: 'broad' },
  ];

  it('moves in reading order with left and right, and stops at the ends', () => {
    expect(nextBar(bars, 'n:broad', 'ArrowRight')).toBe('a:broad');
    expect(nextBar(bars, 'a:broad', 'ArrowLeft')).toBe('n:broad');
    expect(nextBar(bars, 'c:broad', 'ArrowRight')).toBe('c:broad');
    expect(nextBar(bars, 'n:pilot', 'ArrowLeft')).toBe('n:pilot');
    expect(nextBar(bars, 'a:broad', 'Home')).toBe('n:pilot');
    expect(nextBar(bars, 'a:broad', 'End')).toBe('c:broad');
  });

  it('moves between rows with up and down, skipping rows without bars and keeping the kind when it can', () => {
    expect(nextBar(bars, 'n:pilot', 'ArrowDown')).toBe('a:broad');
    expect(nextBar(bars, 'a:broad', 'ArrowDown')).toBe('c:broad');
    expect(nextBar(bars, 'c:pilot', 'ArrowUp')).toBe('a:broad');
    expect(nextBar(bars, 'a:broad', 'ArrowUp')).toBe('n:broad');
    expect(nextBar(bars, 'n:broad', 'ArrowUp')).toBe('n:broad');
  });
});
