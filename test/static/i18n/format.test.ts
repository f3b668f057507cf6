import { daysSince, formatDate, formatDateTime, formatDay, formatMonth, formatQuarter, formatRelative } from '../../../static/app/src/i18n/format';

describe('date formatting', () => {
  it('formats a day in Swedish and English with the month abbreviated', () => {
    expect(formatDate('2026-11-12T10:00:00.000Z', 'sv', 'Europe/Stockholm')).toMatch(/^12 nov\.? 2026$/);
    expect(formatDate('2026-11-12T10:00:00.000Z', 'en', 'Europe/Stockholm')).toBe('12 Nov 2026');
  });

  it("shows an instant on the viewer's day: late UTC evening is already the next day in Stockholm", () => {
    expect(formatDate('2026-11-12T23:30:00.000Z', 'en', 'Europe/Stockholm')).toBe('13 Nov 2026');
    expect(formatDate('2026-11-12T23:30:00.000Z', 'en', 'America/New_York')).toBe('12 Nov 2026');
  });

  it('never shifts a plain calendar date ("contact since") by the time zone', () => {
    expect(formatDate('2026-03-01', 'en', 'America/Los_Angeles')).toBe('1 Mar 2026');
    expect(formatDate('2026-03-01', 'en', 'Pacific/Kiritimati')).toBe('1 Mar 2026');
  });

  it('shows a day-precision "updated" (midnight UTC of the day) as that day in every zone', () => {
    // As an instant this is 11 March in New York; as the day it stands for, it is 12 March everywhere.
    expect(formatDate('2026-03-12T00:00:00.000Z', 'en', 'America/New_York')).toBe('11 Mar 2026');
    expect(formatDay('2026-03-12T00:00:00.000Z', 'en')).toBe('12 Mar 2026');
    expect(formatDay('2026-03-12T00:00:00.000Z', 'sv')).toMatch(/^12 mars 2026$/);
    expect(formatDay(null, 'sv')).toBe('');
  });

  it('includes the time in the viewer zone for date-times', () => {
    expect(formatDateTime('2026-11-12T10:05:00.000Z', 'sv', 'Europe/Stockholm')).toContain('11:05');
  });

  it('returns empty text for missing values and the raw text for unreadable ones', () => {
    expect(formatDate(null, 'sv')).toBe('');
    expect(formatDate('not a date', 'sv')).toBe('not a date');
    expect(formatMonth(undefined, 'sv')).toBe('');
  });

  it('formats months in words', () => {
    expect(formatMonth('2026-03', 'sv')).toBe('mars 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
  });

  it('keeps locales, styles and zones apart when the same value is formatted again (formatters are reused)', () => {
    for (let i = 0; i < 2; i++) {
      expect(formatMonth('2026-03', 'sv')).toBe('mars 2026');
      expect(formatMonth('2026-03', 'en')).toBe('March 2026');
      expect(formatMonth('2026-03', 'en', 'short')).toBe('Mar 2026');
      expect(formatDate('2026-11-12T23:30:00Z', 'en', 'UTC')).toBe('12 Nov 2026');
      expect(formatDate('2026-11-12T23:30:00Z', 'en', 'Europe/Stockholm')).toBe('13 Nov 2026');
    }
  });

  it('names quarters the Swedish way in Swedish', () => {
    expect(formatQuarter('2026-Q1', 'sv')).toBe('K1 2026');
    expect(formatQuarter('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatQuarter('2026-Q2', 'sv', 'long')).toBe('kvartal 2 2026');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-20T12:00:00.000Z');

  it('says yesterday and days ago', () => {
    expect(formatRelative('2026-11-19T12:00:00.000Z', 'sv', now)).toBe('i går');
    expect(formatRelative('2026-11-19T12:00:00.000Z', 'en', now)).toBe('yesterday');
    expect(formatRelative('2026-11-17T12:00:00.000Z', 'sv', now)).toBe('för 3 dagar sedan');
  });

  it('uses months for older entries and the date beyond a year', () => {
    expect(formatRelative('2026-08-20T12:00:00.000Z', 'en', now)).toBe('3 months ago');
    expect(formatRelative('2024-01-05T12:00:00.000Z', 'en', now, 'UTC')).toBe('5 Jan 2024');
  });
});

describe('daysSince', () => {
  it('counts whole days and never goes negative', () => {
    const now = new Date('2026-11-20T12:00:00.000Z');
    expect(daysSince('2026-11-10T13:00:00.000Z', now)).toBe(9);
    expect(daysSince('2026-12-01T00:00:00.000Z', now)).toBe(0);
    expect(daysSince(null, now)).toBeNull();
  });
});
