import { monthToQuarter, roadmapYears, yearQuarters } from '../../src/domain/quarters';
import { parseMacroConfig } from '../../src/shared/schemas';
import { roadmapRangeProblem } from '../../src/shared/limits';

const NOW = new Date('2026-11-22T12:00:00.000Z');

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

describe('yearQuarters', () => {
  it('covers every quarter of the years, inclusive', () => {
    expect(yearQuarters(2026, 2027)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(yearQuarters(2026, 2026)).toHaveLength(4);
  });
});

describe('roadmapYears', () => {
  it('defaults to the start of last year to the end of the year after next', () => {
    expect(roadmapYears({}, NOW)).toEqual({ fromYear: 2025, toYear: 2028 });
    // On New Year's Day in UTC, the years move with it.
    expect(roadmapYears({}, new Date('2027-01-01T00:00:00.000Z'))).toEqual({ fromYear: 2026, toYear: 2029 });
  });

  it('takes the configured years, and keeps the default width from one end given alone', () => {
    expect(roadmapYears({ rangeFromYear: 2024, rangeToYear: 2029 }, NOW)).toEqual({ fromYear: 2024, toYear: 2029 });
    expect(roadmapYears({ rangeFromYear: 2030 }, NOW)).toEqual({ fromYear: 2030, toYear: 2033 });
    expect(roadmapYears({ rangeToYear: 2027 }, NOW)).toEqual({ fromYear: 2024, toYear: 2027 });
  });

  it('never spans more than six years nor runs backwards', () => {
    expect(roadmapYears({ rangeFromYear: 2020, rangeToYear: 2040 }, NOW)).toEqual({ fromYear: 2020, toYear: 2025 });
    expect(roadmapYears({ rangeFromYear: 2030, rangeToYear: 2020 }, NOW)).toEqual({ fromYear: 2030, toYear: 2030 });
  });
});

describe('the roadmap range in the macro config', () => {
  it('names what is wrong with a range', () => {
    expect(roadmapRangeProblem(undefined, undefined)).toBeNull();
    expect(roadmapRangeProblem(2025, 2030)).toBeNull();
    expect(roadmapRangeProblem(2025, 2031)).toBe('span');
    expect(roadmapRangeProblem(2028, 2027)).toBe('order');
    expect(roadmapRangeProblem(1999, undefined)).toBe('year');
    expect(roadmapRangeProblem(undefined, 2026.5)).toBe('year');
  });

  it('keeps a good range and drops a bad one, keeping the rest of the config', () => {
    expect(parseMacroConfig({ perspective: 'initiative', initiativeId: 'i1', rangeFromYear: 2026, rangeToYear: 2027 })).toMatchObject({
      perspective: 'initiative',
      rangeFromYear: 2026,
      rangeToYear: 2027,
    });
    for (const bad of [
      { rangeFromYear: 2026, rangeToYear: 2040 },
      { rangeFromYear: 2027, rangeToYear: 2026 },
      { rangeFromYear: '2026' },
      { rangeToYear: 1e9 },
    ]) {
      const parsed = parseMacroConfig({ perspective: 'initiative', initiativeId: 'i1', ...bad });
      expect(parsed.perspective).toBe('initiative');
      expect(parsed.initiativeId).toBe('i1');
      expect(parsed.rangeFromYear).toBeUndefined();
      expect(parsed.rangeToYear).toBeUndefined();
    }
  });
});
