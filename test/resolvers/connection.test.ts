/**
 * The per-participant connection process through the real handler and the local KVS (issue 9, decision
 * 0026): an editor sets a participant's start, its steps get planned days in the view's terms, steps are
 * ticked one by one (two editors ticking different steps both land), and every refused call leaves the
 * store exactly as it was.
 */
import type { DemoUserId } from '../../dev/demo-users';
import type { ResolverName, SupportPlanView } from '../../src/shared/contract';
import { connectionSummary } from '../../src/domain/connection-process';
import { refusedCall } from '../helpers/refused';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
let first: string;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { published: true });
  first = inf.initiativeIds[0]!;
});

const editor = <N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions) => h.invoke('demo-editor', name, payload, options);
const setConnection = (patch: Record<string, unknown>, expected: Record<string, unknown>, regionCode = '01') =>
  editor('updateConnection', { initiativeId: first, regionCode, patch, expected });
const refused = (name: ResolverName, payload: unknown, options?: InvokeOptions, user: DemoUserId = 'demo-editor') => refusedCall(h, user, name, payload, options);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function contactOf(user: DemoUserId, regionCode = '01') {
  const response = dataOf(await h.invoke(user, 'getView', {}, { moduleKey: 'support-plan' }));
  if (response.state !== 'ready') throw new Error('no view');
  return (response.view as SupportPlanView).initiatives.find((e) => e.initiative.id === first)!.contacts.find((c) => c.regionCode === regionCode)!;
}

describe('updateConnection', () => {
  it('starts a participant, shows its progress in the view to every reader, and records the change', async () => {
    const saved = dataOf(await setConnection({ start: '2026-02-02', done: 0b111 }, { start: null, done: 0 }));
    expect(saved).toMatchObject({ initiativeId: first, regionCode: '01', connection: { start: '2026-02-02', done: 7 } });
    for (const user of ['demo-editor', 'anonymous'] as const) {
      const contact = await contactOf(user);
      expect(contact.connection).toEqual({ start: '2026-02-02', done: 7 });
      // Step 4 is next, planned three weeks after the start.
      expect(connectionSummary(contact.connection, '2026-02-10')).toMatchObject({ done: 3, total: 12, next: { n: 4, plannedOn: '2026-02-23' }, overdue: false });
    }
    // A participant that has not started carries nothing.
    expect((await contactOf('anonymous', '03')).connection).toBeNull();
    const [entry] = dataOf(await editor('getHistory', { initiativeId: first, regionCode: '01', limit: 5 })).entries;
    expect(entry).toMatchObject({
      target: 'cell',
      regionCode: '01',
      changes: [
        { field: 'connectionStart', old: null, new: '2026-02-02' },
        { field: 'connectionSteps', old: '', new: '1, 2, 3' },
      ],
    });
  });

  it('merges two editors ticking different steps, and refuses a start someone else changed meanwhile', async () => {
    await setConnection({ start: '2026-02-02' }, { start: null });
    // Both started from "no steps": one ticks step 1, the other step 2; both land.
    await setConnection({ done: 0b01 }, { done: 0 });
    const second = dataOf(await setConnection({ done: 0b10 }, { done: 0 }));
    expect(second.connection).toEqual({ start: '2026-02-02', done: 0b11 });
    // One that started before both and unticks step 1 only touches step 1: step 2 stays.
    expect(dataOf(await setConnection({ done: 0b00 }, { done: 0b01 })).connection).toEqual({ start: '2026-02-02', done: 0b10 });
    // A start changed meanwhile by someone else is a conflict, as any field is.
    await setConnection({ start: '2026-02-09' }, { start: '2026-02-02' });
    expect(await refused('updateConnection', { initiativeId: first, regionCode: '01', patch: { start: '2026-03-02' }, expected: { start: '2026-02-02' } })).toMatchObject({
      code: 'CONFLICT',
      current: { start: '2026-02-09' },
    });
  });

  it('clears the steps with the start, and ticks no step before a start', async () => {
    await setConnection({ start: '2026-02-02', done: 1 }, { start: null, done: 0 });
    expect(dataOf(await setConnection({ start: null }, { start: '2026-02-02' })).connection).toBeNull();
    expect((await contactOf('demo-editor')).connection).toBeNull();
    expect(await refused('updateConnection', { initiativeId: first, regionCode: '01', patch: { done: 1 }, expected: { done: 0 } })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'patch.done' }],
    });
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const base = { initiativeId: first, regionCode: '01' };
    for (const [patch, expected] of [
      [{ start: '2026-02-30' }, { start: null }], // a day that does not exist
      [{ start: '26-02-01' }, { start: null }],
      [{ start: daysFromNow(400) }, { start: null }], // more than a year ahead
      [{ done: 4096 }, { done: 0 }], // a thirteenth step
      [{ done: -1 }, { done: 0 }],
      [{ start: '2026-02-02' }, {}], // no value the edit started from
    ] as const) {
      expect(await refused('updateConnection', { ...base, patch, expected })).toMatchObject({ code: 'VALIDATION' });
    }
    expect(await refused('updateConnection', { ...base, regionCode: '99', patch: { start: '2026-02-02' }, expected: { start: null } })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('updateConnection', { ...base, initiativeId: 'nope', patch: { start: '2026-02-02' }, expected: { start: null } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for editors of the programme’s own space only', async () => {
    const payload = { initiativeId: first, regionCode: '01', patch: { start: '2026-02-02' }, expected: { start: null } };
    expect(await refused('updateConnection', payload, {}, 'demo-viewer')).toMatchObject({ code: 'PERMISSION' });
    expect(await refused('updateConnection', payload, {}, 'anonymous')).toMatchObject({ code: 'PERMISSION' });
    expect(await refused('updateConnection', payload, { pageId: '2001', config: { programmeId: inf.programmeId } }, 'demo-editor-other')).toMatchObject({ code: 'PERMISSION' });
  });
});
