import { buildBulkUpdate, moveId } from '../../../static/app/src/views/rollout-status/ordering';
import { sampleRows } from './fixtures';

describe('reorder', () => {
  it('sends the full new order after moving one initiative', () => {
    expect(moveId(['a', 'b', 'c'], 'c', -1)).toEqual({ ids: ['a', 'c', 'b'] });
    expect(moveId(['a', 'b', 'c'], 'a', 1)).toEqual({ ids: ['b', 'a', 'c'] });
  });

  it('cannot move past either end', () => {
    expect(moveId(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveId(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveId(['a', 'b'], 'x', 1)).toBeNull();
  });
});

describe('bulk update', () => {
  it('sets one status for the chosen regions, expecting each region’s status as shown', () => {
    const [kbt] = sampleRows();
    expect(buildBulkUpdate(kbt, ['04', '03'], 'rollout')).toEqual({
      initiativeId: 'kbt',
      regionCodes: ['03', '04'],
      status: 'rollout',
      expected: { '03': 'pilot', '04': 'not-started' },
    });
  });

  it('sends nothing without a chosen region', () => {
    expect(buildBulkUpdate(sampleRows()[0], [], 'live')).toBeNull();
  });
});
