/** The per-participant connection process (decision 0026): planned days, progress and the edit, pure. */
import { addWeeks, ALL_STEPS_DONE, applyConnectionPatch, connectionSummary, plannedSteps, stepsText } from '../../src/domain/connection-process';
import type { Initiative } from '../../src/shared/model';
import { CONNECTION_STEPS } from '../../src/shared/process-templates';

const ctx = { by: 'u1', byName: 'Redaktör', at: '2026-03-02T10:00:00.000Z', newId: (() => { let n = 0; return () => `h${++n}`; })() };
const initiative = { id: 'i1', programmeId: 'p1', updatedAt: null, connection: undefined } as unknown as Initiative;

describe('connection process: planned days', () => {
  it('adds whole weeks in UTC, across the change to summer time and the year end', () => {
    expect(addWeeks('2026-03-23', 1)).toBe('2026-03-30');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-02-02', 0)).toBe('2026-02-02');
  });

  it('plans every step from the start, by its week', () => {
    const steps = plannedSteps({ start: '2026-02-02', done: 0 });
    expect(steps).toHaveLength(CONNECTION_STEPS.length);
    expect(steps[0]).toMatchObject({ n: 1, plannedOn: '2026-02-02', done: false });
    expect(steps.at(-1)).toMatchObject({ n: 12, weekOffset: 12, plannedOn: '2026-04-27' });
    expect(plannedSteps(null).every((s) => s.plannedOn === null && !s.done)).toBe(true);
  });

  it('counts the steps done, names the next one and says when its day has passed', () => {
    const progress = { start: '2026-02-02', done: 0b1011 }; // steps 1, 2 and 4
    expect(connectionSummary(progress, '2026-02-10')).toMatchObject({ done: 3, total: 12, next: { n: 3, plannedOn: '2026-02-16' }, overdue: false });
    expect(connectionSummary(progress, '2026-02-17').overdue).toBe(true);
    expect(connectionSummary({ start: '2026-02-02', done: ALL_STEPS_DONE }, '2030-01-01')).toMatchObject({ done: 12, next: null, overdue: false });
    expect(stepsText(0b1011)).toBe('1, 2, 4');
  });
});

describe('connection process: the edit', () => {
  it('records the start and the steps, and writes nothing when nothing changes', () => {
    const edit = applyConnectionPatch(initiative, '01', { start: '2026-02-02', done: 1 }, { start: null, done: 0 }, ctx);
    expect(edit.next.connection).toEqual({ '01': { start: '2026-02-02', done: 1 } });
    expect(edit.history[0]!.changes).toEqual([
      { field: 'connectionStart', old: null, new: '2026-02-02' },
      { field: 'connectionSteps', old: '', new: '1' },
    ]);
    expect(applyConnectionPatch(edit.next, '01', { done: 1 }, { done: 1 }, ctx).history).toEqual([]);
  });

  it('refuses steps without a start and a start more than a year ahead; clearing the start clears the steps', () => {
    expect(() => applyConnectionPatch(initiative, '01', { done: 1 }, { done: 0 }, ctx)).toThrow(/only after a start/);
    expect(() => applyConnectionPatch(initiative, '01', { start: '2027-03-10' }, { start: null }, ctx)).toThrow(/more than a year ahead/);
    const started = applyConnectionPatch(initiative, '01', { start: '2026-02-02', done: 7 }, { start: null, done: 0 }, ctx).next;
    const cleared = applyConnectionPatch(started, '01', { start: null }, { start: '2026-02-02' }, ctx).next;
    expect(cleared.connection).toBeUndefined();
  });
});
