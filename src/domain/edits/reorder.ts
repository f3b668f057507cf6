/**
 * Reordering initiatives with as few record writes as possible.
 *
 * Every initiative is its own record and a KVS transaction holds at most 25 operations, so rewriting every
 * order value on each move would make reordering fail for programmes of more than about twenty initiatives.
 * Instead, the initiatives whose current order values already increase along the new sequence (a longest
 * increasing subsequence) keep them, and only the others get new values between their neighbours. Order
 * values are spaced by ORDER_GAP, so moving one initiative normally rewrites exactly one record.
 */
import { fail } from '../../shared/errors';
import type { Initiative } from '../../shared/model';
import { historyEntry, type Edit, type EditContext } from './edit-context';
import { ORDER_GAP } from './initiative-edits';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The display order (as the views sort): by order value, ties by id. */
export function compareByOrder(a: Initiative, b: Initiative): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Reorders the listed initiatives among the positions they occupy now; initiatives not listed (for example
 * archived ones the editor did not see) keep their place. `next` holds only the records whose order changes.
 */
export function reorderInitiatives(all: readonly Initiative[], ids: readonly string[], ctx: EditContext): Edit<Initiative[]> {
  const byId = new Map(all.map((i) => [i.id, i]));
  const duplicates = ids.filter((id, k) => ids.indexOf(id) !== k);
  const unknown = ids.filter((id) => !byId.has(id));
  if (duplicates.length > 0 || unknown.length > 0) {
    fail('VALIDATION', 'The new order must list initiatives of this programme, each once', {
      issues: [
        ...[...new Set(duplicates)].map((id) => ({ path: 'ids', message: `Listed more than once: ${id}` })),
        ...unknown.map((id) => ({ path: 'ids', message: `Not an initiative of this programme: ${id}` })),
      ],
    });
  }

  const current = [...all].sort(compareByOrder);
  const listed = new Set(ids);
  const slots = current.flatMap((initiative, position) => (listed.has(initiative.id) ? [position] : []));
  const sequence = [...current];
  slots.forEach((position, k) => {
    sequence[position] = byId.get(ids[k])!;
  });
  if (sequence.every((initiative, position) => initiative === current[position])) return { next: [], history: [] };

  const orders = assignOrders(sequence.map((i) => i.order));
  const next = sequence.flatMap((initiative, k) => (orders[k] === initiative.order ? [] : [{ ...initiative, order: orders[k] }]));
  const programmeId = all[0]!.programmeId;
  return {
    next,
    history: [
      historyEntry(ctx, { programmeId, target: 'programme', action: 'reorder' }, [
        { field: 'order', old: current.filter((i) => listed.has(i.id)).map((i) => i.id), new: [...ids] },
      ]),
    ],
  };
}

/** New order values for a sequence: strictly increasing, reusing as many current values as possible. */
export function assignOrders(current: readonly number[]): number[] {
  const n = current.length;
  const keep = longestIncreasingMask(current);
  const out: Array<number | undefined> = current.map((v, k) => (keep[k] ? v : undefined));

  let k = 0;
  while (k < n) {
    if (out[k] !== undefined) {
      k++;
      continue;
    }
    let start = k;
    let end = k;
    while (end < n && out[end] === undefined) end++;
    let growRight = true;
    for (;;) {
      const count = end - start;
      const lo = start > 0 ? out[start - 1]! : undefined;
      const hi = end < n ? out[end]! : undefined;
      if (lo === undefined || hi === undefined || hi - lo - 1 >= count) {
        const low = lo ?? (hi === undefined ? -ORDER_GAP : hi - (count + 1) * ORDER_GAP);
        const high = hi ?? low + (count + 1) * ORDER_GAP;
        for (let m = 1; m <= count; m++) out[start + m - 1] = low + Math.floor(((high - low) * m) / (count + 1));
        break;
      }
      // No room between the neighbours: give one of them up as well, alternating sides to stay local.
      if (growRight) {
        out[end] = undefined;
        end++;
        while (end < n && out[end] === undefined) end++;
      } else {
        start--;
        out[start] = undefined;
      }
      growRight = !growRight;
    }
    k = end;
  }

  const result = out as number[];
  return result.every((v) => v >= INT32_MIN && v <= INT32_MAX) ? result : result.map((_, m) => m * ORDER_GAP);
}

/** Marks one longest strictly increasing subsequence (O(n log n)). */
function longestIncreasingMask(values: readonly number[]): boolean[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const mask = new Array<boolean>(values.length).fill(false);
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) mask[k] = true;
  return mask;
}
