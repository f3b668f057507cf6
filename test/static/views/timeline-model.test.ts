import { makeAxis, monthNumber, monthX, todayX, windowBar } from '../../../static/app/src/views/roadmap/timeline-model';

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
