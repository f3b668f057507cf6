import { isEntryStale, isInitiativeActive, isInitiativeStale, isOlderThan } from '../../src/domain/staleness';
import { DAY, NOW, daysAgo, initiative } from './fixtures';

describe('isOlderThan', () => {
  it('is false exactly at the threshold and true one millisecond past it', () => {
    const atThreshold = new Date(NOW.getTime() - 90 * DAY).toISOString();
    const justPast = new Date(NOW.getTime() - 90 * DAY - 1).toISOString();
    expect(isOlderThan(atThreshold, 90, NOW)).toBe(false);
    expect(isOlderThan(justPast, 90, NOW)).toBe(true);
  });

  it('treats a missing or unreadable timestamp as needing review', () => {
    expect(isOlderThan(null, 90, NOW)).toBe(true);
    expect(isOlderThan('not a date', 90, NOW)).toBe(true);
  });
});

describe('isEntryStale: the programme office rule', () => {
  const active = initiative({ phase: 'genomforande' });
  const notStarted = initiative({ phase: null });

  it('flags an entry updated longer ago than the threshold and not a recent one', () => {
    expect(isEntryStale({ updatedAt: daysAgo(91), untouchedDefault: false }, active, 90, NOW)).toBe(true);
    expect(isEntryStale({ updatedAt: daysAgo(10), untouchedDefault: false }, active, 90, NOW)).toBe(false);
  });

  it('flags a never-touched default entry only when the initiative is active', () => {
    expect(isEntryStale({ updatedAt: null, untouchedDefault: true }, active, 90, NOW)).toBe(true);
    expect(isEntryStale({ updatedAt: null, untouchedDefault: true }, notStarted, 90, NOW)).toBe(false);
  });

  it('flags an entry that has a value but no timestamp, whatever the phase: its age is unknown', () => {
    expect(isEntryStale({ updatedAt: null, untouchedDefault: false }, notStarted, 90, NOW)).toBe(true);
  });

  it('never flags entries of an archived initiative', () => {
    const archived = initiative({ phase: 'avslut', archived: true });
    expect(isEntryStale({ updatedAt: daysAgo(1000), untouchedDefault: false }, archived, 90, NOW)).toBe(false);
    expect(isEntryStale({ updatedAt: null, untouchedDefault: true }, archived, 90, NOW)).toBe(false);
  });

  it('uses the programme threshold, not a fixed one', () => {
    expect(isEntryStale({ updatedAt: daysAgo(40), untouchedDefault: false }, active, 30, NOW)).toBe(true);
    expect(isEntryStale({ updatedAt: daysAgo(40), untouchedDefault: false }, active, 60, NOW)).toBe(false);
  });
});

describe('initiative staleness', () => {
  it('is active only with a phase and not archived', () => {
    expect(isInitiativeActive({ phase: 'planering', archived: false })).toBe(true);
    expect(isInitiativeActive({ phase: null, archived: false })).toBe(false);
    expect(isInitiativeActive({ phase: 'planering', archived: true })).toBe(false);
  });

  it('counts creation as the first update', () => {
    expect(isInitiativeStale(initiative({ updatedAt: null, createdAt: daysAgo(5) }), 90, NOW)).toBe(false);
    expect(isInitiativeStale(initiative({ updatedAt: null, createdAt: daysAgo(200) }), 90, NOW)).toBe(true);
    expect(isInitiativeStale(initiative({ updatedAt: daysAgo(100) }), 90, NOW)).toBe(true);
  });
});
