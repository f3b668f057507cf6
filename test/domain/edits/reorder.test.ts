import { assignOrders, compareByOrder, ORDER_GAP, reorderInitiatives } from '../../../src/domain/edits';
import type { Initiative } from '../../../src/shared/model';
import { initiative } from '../fixtures';
import { appErrorOf } from '../../helpers/app-error';
import { editContext } from './edit-fixtures';

function programmeOf(n: number, gap = ORDER_GAP): Initiative[] {
  return Array.from({ length: n }, (_, k) => initiative({ id: `i${k}`, order: k * gap }));
}

/** The order a reader sees after applying the changed records. */
function orderAfter(all: Initiative[], changed: Initiative[]): string[] {
  const byId = new Map(all.map((i) => [i.id, i]));
  for (const c of changed) byId.set(c.id, c);
  return [...byId.values()].sort(compareByOrder).map((i) => i.id);
}

describe('reorderInitiatives', () => {
  it('moving one initiative rewrites only that record', () => {
    const all = programmeOf(40);
    const ids = all.map((i) => i.id);
    const wanted = ['i39', ...ids.slice(0, 39)];
    const { next, history } = reorderInitiatives(all, wanted, editContext());

    expect(next.map((i) => i.id)).toEqual(['i39']);
    expect(orderAfter(all, next)).toEqual(wanted);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ target: 'programme', action: 'reorder', changes: [{ field: 'order', old: ids, new: wanted }] });
  });

  it('keeps unlisted (e.g. archived) initiatives in their place', () => {
    const all = programmeOf(4);
    const { next } = reorderInitiatives(all, ['i3', 'i1', 'i0'], editContext());
    expect(orderAfter(all, next)).toEqual(['i3', 'i1', 'i2', 'i0']);
  });

  it('changes nothing when the order is unchanged', () => {
    const all = programmeOf(5);
    expect(reorderInitiatives(all, all.map((i) => i.id), editContext())).toEqual({ next: [], history: [] });
  });

  it('rejects unknown and repeated ids', async () => {
    const error = await appErrorOf(() => reorderInitiatives(programmeOf(3), ['i0', 'i0', 'nope'], editContext()));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((i) => i.message)).toEqual(['Listed more than once: i0', 'Not an initiative of this programme: nope']);
  });
});

describe('assignOrders', () => {
  it('makes room locally when neighbours have no gap left', () => {
    // 7 was moved between 1 and 2, which are adjacent integers.
    const result = assignOrders([0, 1, 7, 2, 3, 4, 5, 6]);
    expect(result.every((v, k) => k === 0 || v > result[k - 1]!)).toBe(true);
    const changed = result.filter((v, k) => v !== [0, 1, 7, 2, 3, 4, 5, 6][k]).length;
    expect(changed).toBeLessThan(result.length);
  });

  it('handles repeated order values', () => {
    const result = assignOrders([5, 5, 5]);
    expect(result[0]! < result[1]! && result[1]! < result[2]!).toBe(true);
  });
});
