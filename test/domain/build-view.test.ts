import { buildCellView, buildView, summariseProgramme } from '../../src/domain/build-view';
import type { RoadmapView, RolloutStatusView, SupportPlanView, TechnicalNeedsView } from '../../src/shared/contract';
import type { MacroKey } from '../../src/shared/vocabulary';
import { NOW, cell, config, daysAgo, initiative, need, programme } from './fixtures';

const prog = programme();

const first = initiative({
  id: 'first',
  order: 1,
  name: 'Första',
  phase: 'genomforande',
  nationalPilotStart: '2026-03',
  nationalBroadStart: '2026-09',
  nationalBroadEnd: '2027-06',
  cells: {
    '01': cell({ status: 'pilot', contactEstablished: true, pilotStart: '2026-02', pilotEnd: '2026-05', contactSince: '2026-01-10' }),
    '03': cell({ status: 'live', contactEstablished: false, updatedAt: daysAgo(120) }),
  },
  needs: [
    need({
      id: 'hsa',
      title: 'HSA',
      required: true,
      progress: { '01': { progress: 'done', hasNote: true, updatedAt: daysAgo(3) } },
    }),
    need({
      id: 'fw',
      title: 'Brandvägg',
      required: false,
      progress: { '04': { progress: 'not-applicable', hasNote: false, updatedAt: daysAgo(3) } },
    }),
  ],
  milestones: [
    { id: 'plan', phase: 'planering', title: 'Plan', done: true, dueMonth: '2026-01', doneOn: '2026-01-20' },
    { id: 'pilot-done', phase: 'genomforande', title: 'Pilot', done: false, dueMonth: '2026-06', doneOn: null },
  ],
});
const second = initiative({ id: 'second', order: 2, name: 'Andra', phase: null, cells: { '04': cell({ status: 'declined' }) } });
const archived = initiative({ id: 'gone', order: 0, name: 'Arkiverad', archived: true });
// Stored order is not display order.
const initiatives = [second, archived, first];

function view<V>(macro: MacroKey, overrides: Parameters<typeof config>[0] = {}, audience: 'public' | 'signed-in' = 'signed-in'): V {
  return buildView({ macro, programme: prog, initiatives, config: config(overrides), now: NOW, audience }) as V;
}

describe('buildView: rows and perspectives (all macros)', () => {
  const macros: MacroKey[] = ['rollout-status', 'technical-needs', 'support-plan', 'roadmap'];
  const ids = (v: unknown): string[] => {
    const x = v as { rows?: Array<{ initiative: { id: string } }>; initiatives?: Array<{ initiative: { id: string } }> };
    return (x.rows ?? x.initiatives ?? []).map((r) => r.initiative.id);
  };

  it.each(macros)('%s: leaves archived initiatives out and orders rows by order', (macro) => {
    expect(ids(view(macro))).toEqual(['first', 'second']);
  });

  it.each(macros)('%s: shows archived initiatives when the config asks for them', (macro) => {
    expect(ids(view(macro, { showArchived: true }))).toEqual(['gone', 'first', 'second']);
  });

  it.each(macros)('%s: initiative perspective shows only that initiative', (macro) => {
    expect(ids(view(macro, { perspective: 'initiative', initiativeId: 'second' }))).toEqual(['second']);
    expect(ids(view(macro, { perspective: 'initiative', initiativeId: 'no-such' }))).toEqual([]);
  });

  it('region perspective keeps only that region, in every overview', () => {
    const cfg = { perspective: 'region' as const, regionCode: '03' };
    const status = view<RolloutStatusView>('rollout-status', cfg);
    expect(status.rows.map((r) => r.cells.map((c) => c.regionCode))).toEqual([['03'], ['03']]);
    expect(status.statusTotals.live).toBe(1);
    expect(status.statusTotals.declined).toBe(0);
    const needs = view<TechnicalNeedsView>('technical-needs', cfg);
    expect(needs.initiatives[0].needs[0].progress.map((p) => p.regionCode)).toEqual(['03']);
    const plan = view<SupportPlanView>('support-plan', cfg);
    expect(plan.initiatives[0].contacts.map((c) => c.regionCode)).toEqual(['03']);
    const roadmap = view<RoadmapView>('roadmap', cfg);
    expect(roadmap.initiatives[0].regions.map((r) => r.regionCode)).toEqual(['03']);
  });

  it('a region perspective without a chosen region shows the whole programme; an unknown region shows none', () => {
    expect(view<RolloutStatusView>('rollout-status', { perspective: 'region' }).rows[0].cells).toHaveLength(3);
    expect(view<RolloutStatusView>('rollout-status', { perspective: 'region', regionCode: '99' }).rows[0].cells).toHaveLength(0);
  });
});

describe('rollout-status view', () => {
  const v = view<RolloutStatusView>('rollout-status');

  it('has one cell per participant in programme order, with defaults for untouched regions', () => {
    const row = v.rows[0];
    expect(row.cells.map((c) => [c.regionCode, c.status])).toEqual([
      ['01', 'pilot'],
      ['03', 'live'],
      ['04', 'not-started'],
    ]);
    expect(row.cells[2].updatedAt).toBeNull();
  });

  it('counts statuses per initiative and in total', () => {
    expect(v.rows[0].counts).toMatchObject({ pilot: 1, live: 1, 'not-started': 1 });
    expect(v.rows[1].counts).toMatchObject({ declined: 1, 'not-started': 2 });
    expect(v.statusTotals).toEqual({ 'not-started': 3, planning: 0, pilot: 1, rollout: 0, live: 1, declined: 1 });
  });

  it('attaches warnings and the open required needs to each cell', () => {
    const [stockholm, uppsala] = v.rows[0].cells;
    expect(stockholm.openRequiredNeeds).toBe(0);
    expect(stockholm.warnings.map((w) => w.code)).toEqual(['pilot-before-national-window']);
    expect(uppsala.openRequiredNeeds).toBe(1);
    // Live without contact is no contradiction: support has handed over to maintenance.
    expect(uppsala.warnings.map((w) => w.code)).toEqual(['required-need-open']);
  });

  it('lists stale entries: old cells, and untouched cells only of active initiatives', () => {
    expect(v.stale).toEqual([
      { initiativeId: 'first', regionCode: '03', updatedAt: daysAgo(120) },
      { initiativeId: 'first', regionCode: '04', updatedAt: null },
    ]);
    expect(v.rows[1].cells.every((c) => !c.stale)).toBe(true);
  });

  it('lists a stale initiative with a null region', () => {
    const old = initiative({ id: 'old', updatedAt: daysAgo(200) });
    const out = buildView({ macro: 'rollout-status', programme: prog, initiatives: [old], config: config(), now: NOW, audience: 'public' }) as RolloutStatusView;
    expect(out.rows[0].initiative.stale).toBe(true);
    expect(out.stale).toContainEqual({ initiativeId: 'old', regionCode: null, updatedAt: daysAgo(200) });
  });
});

describe('audience', () => {
  it('public readers never see editor names or account ids, but do see when entries were updated', () => {
    const v = view<RolloutStatusView>('rollout-status', {}, 'public');
    const stockholm = v.rows[0].cells[0];
    expect(stockholm.updatedAt).toBe(first.cells['01'].updatedAt);
    expect(v.rows[0].initiative.updatedByName).toBeNull();
    expect(JSON.stringify(v)).not.toContain('Eva Editor');
  });

  it('every public view is free of editor names', () => {
    for (const macro of ['technical-needs', 'support-plan', 'roadmap'] as const) {
      expect(JSON.stringify(view(macro, {}, 'public'))).not.toContain('Eva Editor');
    }
  });

  it('signed-in readers see who updated an initiative; who changed a cell is a detail (getDetails)', () => {
    const v = view<RolloutStatusView>('rollout-status', {}, 'signed-in');
    expect(v.rows[0].initiative.updatedByName).toBe('Eva Editor');
    expect(Object.keys(v.rows[0].cells[0])).not.toContain('updatedByName');
  });
});

describe('technical-needs view', () => {
  const v = view<TechnicalNeedsView>('technical-needs');
  const [hsa, fw] = v.initiatives[0].needs;

  it('gives each need one progress entry per participant, missing ones as not started', () => {
    expect(hsa.progress.map((p) => [p.regionCode, p.progress])).toEqual([
      ['01', 'done'],
      ['03', 'not-started'],
      ['04', 'not-started'],
    ]);
    expect(hsa.progress.map((p) => p.hasNote)).toEqual([true, false, false]);
  });

  it('counts done regions and applicable regions', () => {
    expect([hsa.doneCount, hsa.applicableCount]).toEqual([1, 3]);
    expect([fw.doneCount, fw.applicableCount]).toEqual([0, 2]);
  });

  it('marks untouched progress of an active initiative as stale, not recent progress', () => {
    expect(hsa.progress.map((p) => p.stale)).toEqual([false, true, true]);
  });

  it('an initiative with no needs has an empty list', () => {
    expect(v.initiatives[1].needs).toEqual([]);
  });
});

describe('support-plan view', () => {
  const v = view<SupportPlanView>('support-plan');

  it('shows milestones with the number done', () => {
    expect(v.initiatives[0].milestones.map((m) => m.id)).toEqual(['plan', 'pilot-done']);
    expect(v.initiatives[0].milestonesDone).toBe(1);
  });

  it('shows contact per participant with the number established', () => {
    expect(v.initiatives[0].contacts[0]).toEqual({
      regionCode: '01',
      established: true,
      since: '2026-01-10',
      hasDetails: false,
      // The connection process has not started for this region.
      connection: null,
    });
    expect(v.initiatives[0].contactsEstablished).toBe(1);
    expect(v.initiatives[1].contactsEstablished).toBe(0);
  });
});

describe('roadmap view', () => {
  const v = view<RoadmapView>('roadmap');

  it('spans the configured range, by default from the start of last year to the end of the year after next', () => {
    // NOW is in 2026: 2025-Q1 … 2028-Q4, whatever the plans (Stockholm's pilot 2026-02, national broad end 2027-06).
    expect(v.quarters).toHaveLength(16);
    expect([v.quarters[0], v.quarters[15]]).toEqual(['2025-Q1', '2028-Q4']);
    const ranged = view<RoadmapView>('roadmap', { rangeFromYear: 2026, rangeToYear: 2027 });
    expect(ranged.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });

  it('gives each region its plans, status and warnings', () => {
    expect(v.initiatives[0].regions[0]).toEqual({
      regionCode: '01',
      pilotStart: '2026-02',
      pilotEnd: '2026-05',
      broadStart: null,
      broadEnd: null,
      status: 'pilot',
      contactEstablished: true,
      openRequiredNeeds: 0,
      warnings: [{ code: 'pilot-before-national-window', params: { planned: '2026-02', windowStart: '2026-03' } }],
    });
    // With each region's contact and open needs, and the initiative's open planning milestones, the
    // window form can preview every rule (decision 0025).
    expect(v.initiatives[0].planningOpen).toEqual(expect.any(Number));
  });

  it('keeps its axis when nothing is planned, so an editor can plan from the timeline', () => {
    const out = buildView({ macro: 'roadmap', programme: prog, initiatives: [second], config: config(), now: NOW, audience: 'public' }) as RoadmapView;
    expect(out.quarters).toHaveLength(16);
  });
});

describe('summariseProgramme', () => {
  it('reports the latest update of anything in the programme', () => {
    const latest = new Date(NOW.getTime() - 60_000).toISOString();
    const withRecentNeed = initiative({
      updatedAt: daysAgo(10),
      needs: [need({ progress: { '01': { progress: 'done', hasNote: false, updatedAt: latest } } })],
    });
    const summary = summariseProgramme(prog, [first, withRecentNeed]);
    expect(summary.lastUpdatedAt).toBe(latest);
    expect(summary).toMatchObject({ id: 'prog-1', name: prog.name, spaceKey: 'INF', stalenessDays: 90, isExample: false, published: false });
    expect(summary.participants.map((p) => p.code)).toEqual(['01', '03', '04']);
  });

  it('falls back to the programme itself when there are no initiatives', () => {
    expect(summariseProgramme(prog, []).lastUpdatedAt).toBe(prog.updatedAt);
  });
});

describe('buildCellView', () => {
  it('builds the same cell the matrix shows', () => {
    const matrixCell = view<RolloutStatusView>('rollout-status').rows[0].cells[1];
    expect(buildCellView(prog, first, '03', NOW)).toEqual(matrixCell);
  });
});
