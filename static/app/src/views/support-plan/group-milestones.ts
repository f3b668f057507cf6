import type { Milestone } from '@shared/model';
import type { Phase } from '@shared/vocabulary';

const PHASE_ORDER: readonly Phase[] = ['initiering', 'planering', 'genomforande', 'avslut'];

/** Milestones grouped by the rollout model's phases, in phase order, keeping their order within a phase. */
export function groupByPhase(milestones: ReadonlyArray<Milestone>): Array<{ phase: Phase; milestones: Milestone[] }> {
  return PHASE_ORDER.map((phase) => ({ phase, milestones: milestones.filter((m) => m.phase === phase) })).filter(
    (g) => g.milestones.length > 0,
  );
}
