/** How many regions are in each rollout status: per initiative, and in total for the view. */
import { ROLLOUT_STATUSES, type RolloutStatus } from '../shared/vocabulary';

export type StatusCounts = Record<RolloutStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  const counts = {} as StatusCounts;
  for (const status of ROLLOUT_STATUSES) counts[status] = 0;
  return counts;
}

export function countStatuses(entries: Iterable<{ status: RolloutStatus }>): StatusCounts {
  const counts = emptyStatusCounts();
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** Adds `more` into `into` and returns `into`. */
export function addStatusCounts(into: StatusCounts, more: StatusCounts): StatusCounts {
  for (const status of ROLLOUT_STATUSES) into[status] += more[status];
  return into;
}
