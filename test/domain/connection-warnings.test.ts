/**
 * The connection process in the consistency warnings (decisions 0021, 0026): a step whose planned day has
 * passed, and a pilot planned before the process reaches step 9 (deliveries, where a pilot installation can
 * begin) while the agreements are open. Unit cases on the rule, then through every view that draws warnings.
 */
import { buildView } from '../../src/domain/build-view';
import { cellWarnings, connectionAt, swedishDay, type WarningTime } from '../../src/domain/consistency';
import { warningGroupTitle, warningSentence } from '../../src/export/export-texts';
import type { RoadmapView, RolloutStatusView, TechnicalNeedsView } from '../../src/shared/contract';
import type { ConnectionProgress } from '../../src/shared/model';
import { NOW, cell, config, initiative, programme } from './fixtures';

/** A clock long before every plan: only the connection warnings can fire. */
const PAST: WarningTime = { month: '2000-01', soon: '2000-04', planningOpen: 0 };
const TODAY = '2026-11-22';
const national = { nationalPilotStart: null, nationalBroadStart: null };
const none = { count: 0, titles: [] };
const codesOf = (progress: ConnectionProgress | null, overrides: Parameters<typeof cell>[0] = {}) =>
  cellWarnings(cell(overrides), national, none, PAST, progress ? { progress, today: TODAY } : null).map((w) => w.code);

describe('connection-step-overdue', () => {
  it('fires when the next step’s planned day has passed, with the step, its day and the progress', () => {
    // Started 1 October, steps 1–3 done: step 4 is planned at week 3, 22 October.
    expect(cellWarnings(cell(), national, none, PAST, { progress: { start: '2026-10-01', done: 0b111 }, today: TODAY })).toEqual([
      { code: 'connection-step-overdue', params: { step: 4, plannedOn: '2026-10-22', done: 3, total: 12 } },
    ]);
  });

  it('does not fire on the planned day itself, when every step is done, or before the start', () => {
    expect(codesOf({ start: TODAY, done: 0 })).toEqual([]);
    expect(codesOf({ start: '2026-01-05', done: 0xfff })).toEqual([]);
    expect(codesOf({ start: '2026-12-01', done: 0 })).toEqual([]);
    expect(codesOf(null)).toEqual([]);
  });

  it('looks at the first step not done, even when later ones are ticked', () => {
    // Steps 2–12 done, step 1 not: step 1 (week 0) is what is late.
    const w = cellWarnings(cell(), national, none, PAST, { progress: { start: '2026-10-01', done: 0xffe }, today: TODAY });
    expect(w).toEqual([{ code: 'connection-step-overdue', params: { step: 1, plannedOn: '2026-10-01', done: 11, total: 12 } }]);
  });
});

describe('pilot-before-connection-ready', () => {
  // Started 16 November: step 9 (week 8) is planned 11 January 2027, so the process reaches a pilot in 2027-01.
  const progress = { start: '2026-11-16', done: 0b1 };

  it('fires for a pilot planned in an earlier month than step 9 while the agreements are open', () => {
    const w = cellWarnings(cell({ status: 'planning', pilotStart: '2026-12' }), national, none, PAST, { progress, today: TODAY });
    expect(w).toContainEqual({ code: 'pilot-before-connection-ready', params: { planned: '2026-12', ready: '2027-01', done: 1, total: 12 } });
  });

  it('does not fire for a pilot in step 9’s month or later, once the agreements are done, once the pilot runs, or without a pilot', () => {
    expect(codesOf(progress, { status: 'planning', pilotStart: '2027-01' })).not.toContain('pilot-before-connection-ready');
    // Steps 1–8 done: the agreements are in place, a pilot may come early.
    expect(codesOf({ start: '2026-11-16', done: 0xff }, { status: 'planning', pilotStart: '2026-12' })).not.toContain('pilot-before-connection-ready');
    expect(codesOf(progress, { status: 'pilot', pilotStart: '2026-12', contactEstablished: true })).not.toContain('pilot-before-connection-ready');
    expect(codesOf(progress, { status: 'planning', pilotStart: null })).not.toContain('pilot-before-connection-ready');
    // Without a started process there is no plan to compare the pilot with.
    expect(codesOf(null, { status: 'planning', pilotStart: '2026-12' })).toEqual([]);
  });
});

describe('connectionAt and swedishDay', () => {
  it('gives today in Sweden: 23:30 UTC on 31 December is already 1 January', () => {
    expect(swedishDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(swedishDay(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });

  it('is null for a participant that has not started', () => {
    const init = initiative({ connection: { '01': { start: '2026-10-01', done: 0 } } });
    expect(connectionAt(init, '03', NOW)).toBeNull();
    expect(connectionAt(init, '01', NOW)).toEqual({ progress: { start: '2026-10-01', done: 0 }, today: TODAY });
  });
});

describe('the connection warnings in the views and the export', () => {
  const prog = programme();
  // Stockholm: step 4 was due 22 October. Uppsala: started 16 November with step 1 done (step 2 is due 23 November,
  // not yet), a pilot planned for December while step 9 is planned for January.
  const init = initiative({
    cells: {
      '01': cell({ status: 'planning', pilotStart: '2027-06', contactEstablished: true }),
      '03': cell({ status: 'planning', pilotStart: '2026-12', contactEstablished: true }),
    },
    connection: { '01': { start: '2026-10-01', done: 0b111 }, '03': { start: '2026-11-16', done: 0b1 } },
  });
  const build = <T>(macro: 'rollout-status' | 'roadmap' | 'technical-needs') =>
    buildView({ macro, programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as T;
  const codesFor = (warnings: Array<{ code: string }>) => warnings.map((w) => w.code);

  it('shows them in the status overview’s cells', () => {
    const view = build<RolloutStatusView>('rollout-status');
    const byCode = new Map(view.rows[0]!.cells.map((c) => [c.regionCode, codesFor(c.warnings)]));
    expect(byCode.get('01')).toContain('connection-step-overdue');
    expect(byCode.get('01')).not.toContain('pilot-before-connection-ready');
    expect(byCode.get('03')).toContain('pilot-before-connection-ready');
    expect(byCode.get('03')).not.toContain('connection-step-overdue');
    expect(byCode.get('04')).toEqual([]);
  });

  it('shows them in the roadmap and the technical needs overview', () => {
    const roadmap = build<RoadmapView>('roadmap');
    expect(codesFor(roadmap.initiatives[0]!.regions.find((r) => r.regionCode === '03')!.warnings)).toContain('pilot-before-connection-ready');
    const needs = build<TechnicalNeedsView>('technical-needs');
    expect(codesFor(needs.initiatives[0]!.plans.find((r) => r.regionCode === '01')!.warnings)).toContain('connection-step-overdue');
  });

  it('words them in the export in Swedish and English, saying where to fix them', () => {
    const view = build<RolloutStatusView>('rollout-status');
    const overdue = view.rows[0]!.cells.find((c) => c.regionCode === '01')!.warnings.find((w) => w.code === 'connection-step-overdue')!;
    expect(warningSentence(overdue, 'sv')).toBe(
      'Steg 4 i anslutningsprocessen var planerat till 2026-10-22 men är inte klart (steg 3 av 12 klara). Följ upp det i planen för införandestöd.',
    );
    expect(warningSentence(overdue, 'en')).toContain('implementation-support plan');
    expect(warningGroupTitle('pilot-before-connection-ready', 'en')).toBe('Pilot planned before the connection process reaches deliveries');
  });
});
