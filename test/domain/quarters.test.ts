import { monthToQuarter, quarterSpan } from '../../src/domain/quarters';

describe('monthToQuarter', () => {
  it.each([
    ['2026-01', '2026-Q1'],
    ['2026-03', '2026-Q1'],
    ['2026-04', '2026-Q2'],
    ['2026-09', '2026-Q3'],
    ['2026-12', '2026-Q4'],
  ])('%s is in %s', (month, quarter) => {
    expect(monthToQuarter(month)).toBe(quarter);
  });

  it('rejects what is not a month', () => {
    expect(monthToQuarter('2026-13')).toBeNull();
    expect(monthToQuarter('2026-1')).toBeNull();
    expect(monthToQuarter('')).toBeNull();
  });
});

describe('quarterSpan', () => {
  it('covers every quarter from the earliest to the latest month, across years, without gaps', () => {
    expect(quarterSpan(['2027-02', null, '2026-11', '2026-12'])).toEqual(['2026-Q4', '2027-Q1']);
    expect(quarterSpan(['2026-02', '2027-05'])).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
  });

  it('is one quarter for a single month and empty without months', () => {
    expect(quarterSpan(['2026-05'])).toEqual(['2026-Q2']);
    expect(quarterSpan([null, undefined, 'garbage'])).toEqual([]);
  });
});
