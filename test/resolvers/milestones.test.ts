/**
 * Milestones through the real handler and the local KVS (issue 9, overview 3): ticking with the day done,
 * planning, notes, renaming, adding, reordering, removing and restoring, the built-in templates and the
 * programme's own template, the cap of 30, and who may do it. Every refused call leaves the store exactly
 * as it was (a KVS snapshot before and after).
 */
import type { DemoUserId } from '../../dev/demo-users';
import type { ResolverName, SupportPlanView } from '../../src/shared/contract';
import { CONNECTION_STEPS, MAINTENANCE_ROLES, PROCESS_TEMPLATE_IDS, PROCESS_TEMPLATES, ROLLOUT_PHASE_GUIDANCE } from '../../src/shared/process-templates';
import { LIMITS } from '../../src/shared/schemas';
import { DEFAULT_MILESTONES, PHASES } from '../../src/shared/vocabulary';
import { refusedCall } from '../helpers/refused';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, FIELDS, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
let first: string;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  first = inf.initiativeIds[0]!;
});

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const editor = <N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions) => h.invoke('demo-editor', name, payload, options);
/** The programme's template is administration (decision 0022): a space administrator of INF. */
const admin = <N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions) => h.invoke('demo-admin', name, payload, options);

/** A refused call: the typed error, and the store exactly as it was. */
const refused = (name: ResolverName, payload: unknown, options?: InvokeOptions, user: DemoUserId = 'demo-editor') => refusedCall(h, user, name, payload, options);

async function milestonesInView(initiativeId = first, user: DemoUserId = 'demo-viewer') {
  const view = dataOf(await h.invoke(user, 'getView', {}, { moduleKey: 'support-plan' }));
  if (view.state !== 'ready') throw new Error('no view');
  return (view.view as SupportPlanView).initiatives.find((i) => i.initiative.id === initiativeId)!.milestones;
}

async function milestoneHistory(initiativeId = first) {
  return dataOf(await editor('getHistory', { initiativeId, limit: 50 })).entries.filter((e) => e.target === 'milestone');
}

const tick = (milestoneId: string, patch: Record<string, unknown>, expected: Record<string, unknown>) => editor('updateMilestone', { initiativeId: first, milestoneId, patch, expected });

describe('updateMilestone', () => {
  it('ticks a milestone with its day and note, shows it to readers and records it; unticking clears the day', async () => {
    const saved = dataOf(await tick('plan', { done: true, doneOn: '2026-03-02', note: 'Godkänd av styrgruppen' }, { done: false, doneOn: null, note: '' }));
    expect(saved.milestones.find((m) => m.id === 'plan')).toMatchObject({ done: true, doneOn: '2026-03-02', note: 'Godkänd av styrgruppen' });
    expect((await milestonesInView()).find((m) => m.id === 'plan')).toMatchObject({ done: true, doneOn: '2026-03-02', note: 'Godkänd av styrgruppen' });
    // Even the anonymous reader sees the milestones: they are no contact.
    expect((await milestonesInView(first, 'anonymous')).find((m) => m.id === 'plan')).toMatchObject({ done: true });

    dataOf(await tick('plan', { done: false }, { done: true }));
    expect((await milestonesInView()).find((m) => m.id === 'plan')).toMatchObject({ done: false, doneOn: null });

    const history = await milestoneHistory();
    expect(history).toMatchObject([
      { action: 'update', milestoneId: 'plan', changes: [{ field: 'done', old: true, new: false }, { field: 'doneOn', old: '2026-03-02', new: null }] },
      { action: 'update', milestoneId: 'plan', byName: 'Eva Redaktör', changes: expect.arrayContaining([{ field: 'done', old: false, new: true }, { field: 'note', old: '', new: 'Godkänd av styrgruppen' }]) },
    ]);
  });

  it('records today when ticked without a day, and sets a planned month and a new title', async () => {
    const saved = dataOf(await tick('schedule', { done: true, dueMonth: '2026-06', title: 'Tidplan beslutad' }, { done: false, dueMonth: null, title: 'Tidplan fastställd' }));
    expect(saved.milestones.find((m) => m.id === 'schedule')).toMatchObject({ done: true, doneOn: today(), dueMonth: '2026-06', title: 'Tidplan beslutad' });
  });

  it('refuses a stale edit of the same field with the stored value, and lets another field land', async () => {
    dataOf(await tick('plan', { done: true, doneOn: '2026-01-10' }, { done: false, doneOn: null }));
    dataOf(await tick('plan', { note: 'Ny version' }, { note: '' }));
    const error = await refused('updateMilestone', { initiativeId: first, milestoneId: 'plan', patch: { done: false }, expected: { done: false } });
    // The stored value is "done" and the editor wanted "not done" from "not done": someone else changed it.
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['done'], current: { done: true } });
  });

  it('refuses every bad input with a typed error and writes nothing', async () => {
    const base = { initiativeId: first, milestoneId: 'plan' };
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [{ ...base, patch: { done: true, doneOn: '2026-02-30' }, expected: { done: false, doneOn: null } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.doneOn' })] }],
      [{ ...base, patch: { done: true, doneOn: daysFromNow(3) }, expected: { done: false, doneOn: null } }, { code: 'VALIDATION', issues: [{ path: 'patch.doneOn', message: expect.any(String) }] }],
      [{ ...base, patch: { doneOn: '2026-01-01' }, expected: { doneOn: null } }, { code: 'VALIDATION', issues: [{ path: 'patch.doneOn', message: expect.any(String) }] }],
      [{ ...base, patch: { dueMonth: '2026-13' }, expected: { dueMonth: null } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.dueMonth' })] }],
      [{ ...base, patch: { title: '' }, expected: { title: 'Införandeplan framtagen' } }, { code: 'VALIDATION' }],
      [{ ...base, patch: { title: 'x'.repeat(LIMITS.shortText + 1) }, expected: { title: 'Införandeplan framtagen' } }, { code: 'VALIDATION' }],
      [{ ...base, patch: { note: 'plan\u202E' }, expected: { note: '' } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.note' })] }],
      [{ ...base, patch: { done: true }, expected: {} }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'expected.done' })] }],
      [{ ...base, patch: {}, expected: {} }, { code: 'VALIDATION' }],
      [{ ...base, patch: { done: true }, expected: { done: false }, extra: 1 }, { code: 'VALIDATION' }],
      [{ ...base, milestoneId: 'no-such', patch: { done: true }, expected: { done: false } }, { code: 'NOT_FOUND', issues: [expect.objectContaining({ path: 'milestoneId' })] }],
      [{ ...base, initiativeId: 'no-such', patch: { done: true }, expected: { done: false } }, { code: 'NOT_FOUND' }],
    ];
    for (const [payload, error] of cases) expect(await refused('updateMilestone', payload)).toMatchObject(error);
  });

  it('tells the editor that a milestone was removed meanwhile (reason milestone-removed), and writes nothing', async () => {
    dataOf(await editor('removeMilestone', { initiativeId: first, milestoneId: 'plan' }));
    const error = await refused('updateMilestone', { initiativeId: first, milestoneId: 'plan', patch: { done: true }, expected: { done: false } });
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'milestone-removed', changedByName: 'Eva Redaktör' });
  });
});

describe('addMilestone, reorderMilestones, removeMilestone and restoreMilestone', () => {
  it('adds a milestone last in its phase, and records it', async () => {
    const added = dataOf(await editor('addMilestone', { initiativeId: first, phase: 'planering', title: 'Workshop 1 genomförd', dueMonth: '2026-04' }));
    const ids = added.milestones.map((m) => m.id);
    // After the last planning milestone ('schedule'), before the first of Genomförande.
    expect(ids.indexOf(added.milestoneId)).toBe(ids.indexOf('schedule') + 1);
    expect(added.milestones.find((m) => m.id === added.milestoneId)).toMatchObject({ phase: 'planering', done: false, dueMonth: '2026-04', doneOn: null });
    expect((await milestoneHistory())[0]).toMatchObject({ action: 'create', milestoneId: added.milestoneId });
  });

  it('refuses the 31st milestone with LIMIT (milestone-limit) and writes nothing', async () => {
    for (let k = DEFAULT_MILESTONES.length; k < LIMITS.milestonesPerInitiative; k++) {
      dataOf(await editor('addMilestone', { initiativeId: first, phase: 'avslut', title: `Extra ${k}` }));
    }
    expect(await milestonesInView()).toHaveLength(LIMITS.milestonesPerInitiative);
    const error = await refused('addMilestone', { initiativeId: first, phase: 'avslut', title: 'En för mycket' });
    expect(error).toMatchObject({ code: 'LIMIT', reason: 'milestone-limit' });
    const bad = await refused('addMilestone', { initiativeId: first, phase: 'efterarbete', title: 'Okänd fas' });
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'phase' })] });
  });

  it('reorders; refuses duplicates, unknown ids and a stale list with nothing written', async () => {
    const ids = DEFAULT_MILESTONES.map((m) => m.id);
    const reversed = [...ids].reverse();
    expect(dataOf(await editor('reorderMilestones', { initiativeId: first, milestoneIds: reversed })).milestones.map((m) => m.id)).toEqual(reversed);
    expect((await milestoneHistory())[0]).toMatchObject({ action: 'reorder', changes: [{ field: 'order', old: ids, new: reversed }] });

    expect(await refused('reorderMilestones', { initiativeId: first, milestoneIds: [ids[0], ids[0]] })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('reorderMilestones', { initiativeId: first, milestoneIds: ['nope', ...ids.slice(1)] })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [expect.objectContaining({ path: 'milestoneIds.0' })],
    });
    expect(await refused('reorderMilestones', { initiativeId: first, milestoneIds: ids.slice(1) })).toMatchObject({
      code: 'CONFLICT',
      current: { milestoneIds: reversed },
    });
  });

  it('removes a milestone into the history and restores it at its place, with what was recorded, once', async () => {
    dataOf(await tick('mirrored-org', { done: true, doneOn: '2026-02-01', note: 'Alla roller tillsatta' }, { done: false, doneOn: null, note: '' }));
    const before = dataOf(await editor('getView', {}, { moduleKey: 'support-plan' }));
    const removal = dataOf(await editor('removeMilestone', { initiativeId: first, milestoneId: 'mirrored-org' }));
    expect(removal.milestones.map((m) => m.id)).not.toContain('mirrored-org');
    expect(removal.historyId).toEqual(expect.any(String));
    expect((await milestoneHistory())[0]).toMatchObject({ action: 'delete', milestoneId: 'mirrored-org' });

    const restored = dataOf(await editor('restoreMilestone', { initiativeId: first, historyId: removal.historyId }));
    expect(restored.milestones.map((m) => m.id)).toEqual(DEFAULT_MILESTONES.map((m) => m.id));
    expect(restored.milestones.find((m) => m.id === 'mirrored-org')).toMatchObject({ done: true, doneOn: '2026-02-01', note: 'Alla roller tillsatta' });
    if (before.state !== 'ready') throw new Error('no view');
    expect(await milestonesInView()).toEqual((before.view as SupportPlanView).initiatives[0]!.milestones);

    expect(await refused('restoreMilestone', { initiativeId: first, historyId: removal.historyId })).toMatchObject({ code: 'CONFLICT' });
    const notARemoval = (await milestoneHistory()).find((e) => e.action === 'update')!.id;
    expect(await refused('restoreMilestone', { initiativeId: first, historyId: notARemoval })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'historyId', message: expect.any(String) }] });
    expect(await refused('restoreMilestone', { initiativeId: first, historyId: 'no-such-change' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('removeMilestone', { initiativeId: first, milestoneId: 'no-such' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('applyTemplate', () => {
  it('adds the execution steps after what is recorded, in Swedish or English; twice adds nothing and writes nothing', async () => {
    dataOf(await tick('pilot-done', { done: true, doneOn: '2026-01-20' }, { done: false, doneOn: null }));
    const applied = dataOf(await editor('applyTemplate', { initiativeId: first, templateId: 'execution-steps' }));
    expect(applied.added).toEqual(PROCESS_TEMPLATES['execution-steps'].items.map((i) => i.id));
    expect(applied.milestones).toHaveLength(DEFAULT_MILESTONES.length + 8);
    expect(applied.milestones.find((m) => m.id === 'ex-go-live-decision')).toMatchObject({ phase: 'genomforande', title: 'Beslut om driftstart', done: false });
    // Nothing recorded is changed.
    expect(applied.milestones.find((m) => m.id === 'pilot-done')).toMatchObject({ done: true, doneOn: '2026-01-20' });
    expect((await milestoneHistory())[0]).toMatchObject({ action: 'create', changes: [{ field: 'template', old: null, new: 'execution-steps' }, expect.anything()] });

    const before = h.kvs.snapshot();
    const again = dataOf(await editor('applyTemplate', { initiativeId: first, templateId: 'execution-steps' }));
    expect(again.added).toEqual([]);
    expect(h.kvs.snapshot()).toEqual(before);

    const english = dataOf(await editor('applyTemplate', { initiativeId: inf.initiativeIds[1], templateId: 'handover', locale: 'en' }));
    expect(english.milestones.find((m) => m.id === 'ho-role-object-owner')).toMatchObject({ phase: 'avslut', title: 'Object owner named' });
  });

  it('gives the connection process its twelve steps with their planned weeks', async () => {
    const applied = dataOf(await editor('applyTemplate', { initiativeId: first, templateId: 'connection-process' }));
    const steps = applied.milestones.filter((m) => m.id.startsWith('cp-'));
    expect(steps.map((m) => m.weekOffset)).toEqual(CONNECTION_STEPS.map((s) => s.weekOffset));
    expect(steps[0]).toMatchObject({ title: '1. Första kontakt', weekOffset: 0 });
    expect((await milestonesInView()).find((m) => m.id === 'cp-12')).toMatchObject({ weekOffset: 12 });
  });

  it('refuses a template that would take the initiative past 30 milestones, all or nothing', async () => {
    dataOf(await editor('applyTemplate', { initiativeId: first, templateId: 'rollout-process' }));
    expect(await refused('applyTemplate', { initiativeId: first, templateId: 'handover' })).toMatchObject({ code: 'LIMIT', reason: 'milestone-limit' });
    expect(await refused('applyTemplate', { initiativeId: first, templateId: 'no-such-template' })).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('setMilestoneTemplate', () => {
  it('edits the programme template; new initiatives start from it, existing ones keep theirs until they apply it', async () => {
    dataOf(await tick('plan', { done: true, doneOn: '2026-01-20' }, { done: false, doneOn: null }));
    const items = [
      { id: 'plan', phase: 'planering', title: 'Införandeplan klar' },
      { id: 'rollout-type', phase: 'initiering', title: 'Införandetyp bedömd' },
      { phase: 'avslut', title: 'Slutrapport skriven' },
    ];
    const saved = dataOf(await admin('setMilestoneTemplate', { programmeId: inf.programmeId, items, expectedVersion: 1 }));
    expect(saved.programmeVersion).toBe(2);
    expect(saved.milestoneTemplate.map((m) => m.title)).toEqual(['Införandeplan klar', 'Införandetyp bedömd', 'Slutrapport skriven']);
    const history = dataOf(await editor('getHistory', { limit: 5 })).entries;
    expect(history[0]).toMatchObject({ target: 'programme', action: 'update', changes: [{ field: 'milestoneTemplate' }] });

    // The existing initiative keeps what it recorded.
    expect(await milestonesInView()).toHaveLength(DEFAULT_MILESTONES.length);
    const created = dataOf(await editor('upsertInitiative', { fields: { ...FIELDS, name: 'Nytt införande' } }));
    expect((await milestonesInView(created.initiative.id)).map((m) => m.title)).toEqual(saved.milestoneTemplate.map((m) => m.title));

    // Applying the programme's template adds only what is new to the initiative.
    const applied = dataOf(await editor('applyTemplate', { initiativeId: first, templateId: 'programme' }));
    expect(applied.added).toEqual([saved.milestoneTemplate[2]!.id]);
    expect(applied.milestones.find((m) => m.id === 'plan')).toMatchObject({ done: true, title: 'Införandeplan framtagen' });
  });

  it('never loses what initiatives recorded: renaming, moving or removing a template item leaves their milestones as they were', async () => {
    dataOf(await tick('plan', { done: true, doneOn: '2026-01-20', note: 'Fastställd i styrgruppen' }, { done: false, doneOn: null, note: '' }));
    const before = await Promise.all(inf.initiativeIds.map((id) => milestonesInView(id)));
    const template = DEFAULT_MILESTONES.map((m) => ({ id: m.id, phase: m.phase, title: m.title.sv }));
    // 'plan' renamed and moved last in its phase, 'schedule' removed, one added.
    const items = [
      ...template.filter((m) => m.id !== 'plan' && m.id !== 'schedule'),
      { id: 'plan', phase: 'planering', title: 'Projektplan godkänd' },
      { phase: 'planering', title: 'Workshop 2 genomförd' },
    ];
    const current = dataOf(await admin('getProgrammeAdmin', {})).programmes.find((p) => p.id === inf.programmeId)!;
    dataOf(await admin('setMilestoneTemplate', { programmeId: inf.programmeId, items, expectedVersion: current.version }));
    const after = await Promise.all(inf.initiativeIds.map((id) => milestonesInView(id)));
    expect(after).toEqual(before);
    expect(after[0]!.find((m) => m.id === 'plan')).toMatchObject({ done: true, doneOn: '2026-01-20', note: 'Fastställd i styrgruppen' });
    expect(after[0]!.some((m) => m.id === 'schedule')).toBe(true);
  });

  it('refuses a stale version, an unknown or repeated id, and too many items, writing nothing', async () => {
    const programmeId = inf.programmeId;
    const adminRefused = (payload: unknown) => refused('setMilestoneTemplate', payload, {}, 'demo-admin');
    expect(await adminRefused({ programmeId, items: [], expectedVersion: 7 })).toMatchObject({ code: 'CONFLICT' });
    expect(await adminRefused({ programmeId, items: [{ id: 'nope', phase: 'avslut', title: 'X' }], expectedVersion: 1 })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'items.0.id', message: expect.any(String) }],
    });
    const twice = { id: 'plan', phase: 'planering', title: 'Plan' };
    expect(await adminRefused({ programmeId, items: [twice, twice], expectedVersion: 1 })).toMatchObject({ code: 'VALIDATION' });
    const many = Array.from({ length: LIMITS.milestonesPerInitiative + 1 }, (_, k) => ({ phase: 'avslut', title: `M ${k}` }));
    expect(await adminRefused({ programmeId, items: many, expectedVersion: 1 })).toMatchObject({ code: 'VALIDATION' });
    expect(await adminRefused({ programmeId: 'no-such-programme', items: [], expectedVersion: 1 })).toMatchObject({ code: 'NOT_FOUND', reason: 'no-programme' });
  });

  it('is refused to a page editor who does not administer the space, and to anyone else, writing nothing', async () => {
    const payload = { programmeId: inf.programmeId, items: [], expectedVersion: 1 };
    expect(await refused('setMilestoneTemplate', payload, {}, 'demo-editor')).toMatchObject({ code: 'PERMISSION', reason: 'not-space-admin' });
    expect(await refused('setMilestoneTemplate', payload, {}, 'demo-viewer')).toMatchObject({ code: 'PERMISSION', reason: 'not-space-admin' });
    expect(await refused('setMilestoneTemplate', payload, {}, 'anonymous')).toMatchObject({ code: 'PERMISSION', reason: 'anonymous' });
  });
});

describe('who may change milestones', () => {
  const writes: Array<[ResolverName, (inf: InfProgramme) => unknown]> = [
    ['updateMilestone', (p) => ({ initiativeId: p.initiativeIds[0], milestoneId: 'plan', patch: { done: true }, expected: { done: false } })],
    ['addMilestone', (p) => ({ initiativeId: p.initiativeIds[0], phase: 'avslut', title: 'X' })],
    ['removeMilestone', (p) => ({ initiativeId: p.initiativeIds[0], milestoneId: 'plan' })],
    ['applyTemplate', (p) => ({ initiativeId: p.initiativeIds[0], templateId: 'handover' })],
  ];
  it.each(writes)('%s is refused to the anonymous visitor, a reader and an editor of another space', async (name, payload) => {
    expect(await refused(name, payload(inf), {}, 'anonymous')).toMatchObject({ code: 'PERMISSION', reason: 'anonymous' });
    expect(await refused(name, payload(inf), {}, 'demo-viewer')).toMatchObject({ code: 'PERMISSION', reason: 'no-page-edit' });
    expect(await refused(name, payload(inf), { pageId: '2001', config: { programmeId: inf.programmeId } }, 'demo-editor-other')).toMatchObject({
      code: 'PERMISSION',
      reason: 'other-space',
    });
  });
});

describe('the built-in process templates', () => {
  it('have unique ids a milestone can keep, and a Swedish and an English title for every item', () => {
    const all = PROCESS_TEMPLATE_IDS.flatMap((id) => PROCESS_TEMPLATES[id].items);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const item of all) {
      expect(item.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(item.title.sv.length).toBeGreaterThan(0);
      expect(item.title.en.length).toBeGreaterThan(0);
      expect(item.title.sv.length).toBeLessThanOrEqual(LIMITS.shortText);
      expect(item.title.en.length).toBeLessThanOrEqual(LIMITS.shortText);
    }
    // No built-in template clashes with the rollout model's default milestones.
    expect(all.filter((i) => DEFAULT_MILESTONES.some((m) => m.id === i.id))).toEqual([]);
    // Each fits beside the defaults.
    for (const id of PROCESS_TEMPLATE_IDS) expect(PROCESS_TEMPLATES[id].items.length + DEFAULT_MILESTONES.length).toBeLessThanOrEqual(LIMITS.milestonesPerInitiative);
  });

  it('describe the four phases with activities, inputs and outputs; 12 connection steps in three stages over weeks 0–12; the receiving roles', () => {
    expect(ROLLOUT_PHASE_GUIDANCE.map((g) => g.phase)).toEqual([...PHASES]);
    for (const g of ROLLOUT_PHASE_GUIDANCE) {
      expect(g.activities.length).toBeGreaterThan(0);
      expect(g.inputs.length).toBeGreaterThan(0);
      expect(g.outputs.length).toBeGreaterThan(0);
    }
    expect(CONNECTION_STEPS.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(CONNECTION_STEPS.map((s) => s.stage)).size).toBe(3);
    expect(CONNECTION_STEPS[0]!.weekOffset).toBe(0);
    expect(CONNECTION_STEPS[11]!.weekOffset).toBe(12);
    expect(CONNECTION_STEPS.every((s, k) => k === 0 || s.weekOffset >= CONNECTION_STEPS[k - 1]!.weekOffset)).toBe(true);
    expect(MAINTENANCE_ROLES.map((r) => r.title.sv)).toEqual([
      'Objektägare',
      'IT-objektägare',
      'Förvaltningsledare',
      'IT-förvaltningsledare',
      'Objektspecialist',
      'IT-specialist',
      'Driftansvarig',
      'Lokalt verksamhetsstöd',
    ]);
  });
});
