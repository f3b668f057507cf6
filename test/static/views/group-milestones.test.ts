import type { Milestone } from '../../../src/shared/model';
import { groupByPhase } from '../../../static/app/src/views/support-plan/group-milestones';

const m = (id: string, phase: Milestone['phase']): Milestone => ({ id, phase, title: id, done: false, dueMonth: null, doneOn: null });

describe('groupByPhase', () => {
  it('orders groups by the rollout model and keeps the order within a phase', () => {
    const groups = groupByPhase([m('close', 'avslut'), m('plan', 'planering'), m('start', 'initiering'), m('plan2', 'planering')]);
    expect(groups.map((g) => g.phase)).toEqual(['initiering', 'planering', 'avslut']);
    expect(groups[1].milestones.map((x) => x.id)).toEqual(['plan', 'plan2']);
  });

  it('leaves out phases without milestones', () => {
    expect(groupByPhase([])).toEqual([]);
  });
});
