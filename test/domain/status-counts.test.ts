import { addStatusCounts, countStatuses, emptyStatusCounts } from '../../src/domain/status-counts';

describe('status counts', () => {
  it('counts every status, including those with no regions', () => {
    const counts = countStatuses([{ status: 'pilot' }, { status: 'pilot' }, { status: 'live' }]);
    expect(counts).toEqual({ 'not-started': 0, planning: 0, pilot: 2, rollout: 0, live: 1, declined: 0 });
  });

  it('adds counts into a running total', () => {
    const total = emptyStatusCounts();
    addStatusCounts(total, countStatuses([{ status: 'declined' }]));
    addStatusCounts(total, countStatuses([{ status: 'declined' }, { status: 'planning' }]));
    expect(total.declined).toBe(2);
    expect(total.planning).toBe(1);
  });
});
