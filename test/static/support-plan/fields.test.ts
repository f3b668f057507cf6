import { PROCESS_TEMPLATE_IDS, PROCESS_TEMPLATES } from '../../../src/shared/process-templates';
import { contactFieldsSchema, milestoneFieldsSchema } from '../../../src/shared/schemas';
import { diffFields } from '../../../static/app/src/editing/form-errors';
import { supportEditorMessages } from '../../../static/app/src/views/support-plan/editor-messages';
import type { HistoryEntry } from '../../../src/shared/model';
import {
  CONTACT_CHANGES,
  contactCandidate,
  contactForm,
  defaultPhase,
  endsOfPhase,
  localIsoDate,
  MILESTONE_CHANGES,
  MILESTONE_REMOVALS,
  movedWithinPhase,
  newMilestoneCandidate,
  milestoneCandidate,
  milestoneForm,
  milestoneValues,
  toggleDone,
} from '../../../static/app/src/views/support-plan/fields';

const milestone = { id: 'm1', phase: 'planering' as const, title: 'Plan', done: false, dueMonth: '2026-05', doneOn: null };

describe('support-plan milestone form', () => {
  it('ticks with today by default, and sends only what changed', () => {
    const initial = milestoneValues(milestone);
    const form = toggleDone(milestoneForm(initial), true, '2026-03-02');
    expect(form.doneOn).toBe('2026-03-02');
    const next = milestoneCandidate(form, '2026-03-02');
    expect(milestoneFieldsSchema.safeParse(next).success).toBe(true);
    expect(diffFields(initial, next)).toEqual({ patch: { done: true, doneOn: '2026-03-02' }, expected: { done: false, doneOn: null } });
  });

  it('gives a ticked milestone without a day today, and an open one no day', () => {
    expect(milestoneCandidate({ title: 'A', done: true, doneOn: ' ', dueMonth: '', note: '' }, '2026-01-31')).toEqual({
      title: 'A',
      done: true,
      doneOn: '2026-01-31',
      dueMonth: null,
      note: '',
    });
    expect(milestoneCandidate({ title: ' A ', done: false, doneOn: '2026-01-01', dueMonth: ' 2026-04 ', note: ' x ' }, '2026-01-31')).toEqual({
      title: 'A',
      done: false,
      doneOn: null,
      dueMonth: '2026-04',
      note: 'x',
    });
    expect(toggleDone({ title: 'A', done: true, doneOn: '2026-01-01', dueMonth: '', note: '' }, false, '2026-02-01').doneOn).toBe('');
  });

  it('renames and plans a month in one patch, trimmed', () => {
    const initial = milestoneValues(milestone);
    const next = milestoneCandidate({ ...milestoneForm(initial), title: ' Plan klar ', dueMonth: '2026-06' }, '2026-03-02');
    expect(diffFields(initial, next)).toEqual({ patch: { title: 'Plan klar', dueMonth: '2026-06' }, expected: { title: 'Plan', dueMonth: '2026-05' } });
    expect(milestoneFieldsSchema.safeParse({ ...next, title: '  ' }).success).toBe(false);
  });

  it('formats the local day as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('support-plan milestone order', () => {
  const ms = [
    { id: 'a', phase: 'initiering' as const },
    { id: 'b', phase: 'planering' as const },
    { id: 'c', phase: 'planering' as const },
    { id: 'd', phase: 'genomforande' as const },
    { id: 'e', phase: 'planering' as const },
  ];

  it('moves a milestone past its neighbour in the same phase, whatever lies between', () => {
    expect(movedWithinPhase(ms, 'c', 1)).toEqual(['a', 'b', 'e', 'd', 'c']);
    expect(movedWithinPhase(ms, 'c', -1)).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('does not move a milestone out of its phase, or one it does not know', () => {
    expect(movedWithinPhase(ms, 'b', -1)).toBeNull();
    expect(movedWithinPhase(ms, 'e', 1)).toBeNull();
    expect(movedWithinPhase(ms, 'a', 1)).toBeNull();
    expect(movedWithinPhase(ms, 'x', 1)).toBeNull();
    expect(endsOfPhase(ms, 'b')).toEqual({ first: true, last: false });
    expect(endsOfPhase(ms, 'd')).toEqual({ first: true, last: true });
  });

  it('puts a new milestone in the current phase by default, and sends it trimmed', () => {
    expect(defaultPhase('genomforande')).toBe('genomforande');
    expect(defaultPhase(null)).toBe('initiering');
    expect(newMilestoneCandidate({ phase: 'avslut', title: ' Ny ', dueMonth: ' ' })).toEqual({ phase: 'avslut', title: 'Ny', dueMonth: null });
  });
});

describe('support-plan history', () => {
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    id: 'h1',
    programmeId: 'p',
    initiativeId: 'i1',
    regionCode: null,
    needId: null,
    target: 'milestone',
    action: 'update',
    at: '2026-03-01T10:00:00.000Z',
    by: 'u',
    byName: null,
    changes: [],
    ...over,
  });

  it('restores a milestone field with updateMilestone, expecting the value the change left', () => {
    const e = entry({ milestoneId: 'm1' });
    expect(MILESTONE_CHANGES.describes(e)).toBe(true);
    expect(MILESTONE_CHANGES.restore!(e, 'title', 'Gammal', 'Ny')).toEqual({ initiativeId: 'i1', milestoneId: 'm1', patch: { title: 'Gammal' }, expected: { title: 'Ny' } });
    expect(MILESTONE_CHANGES.restore!(e, 'title', 'Samma', 'Samma')).toBeNull();
    expect(MILESTONE_CHANGES.restore!(entry({ milestoneId: 'm1', action: 'create' }), 'title', null, 'Ny')).toBeNull();
  });

  it('undoes a removal with restoreMilestone, naming the removal', () => {
    const e = entry({ id: 'h9', milestoneId: 'm1', action: 'delete' });
    expect(MILESTONE_CHANGES.describes(e)).toBe(false);
    expect(MILESTONE_REMOVALS.describes(e)).toBe(true);
    expect(MILESTONE_REMOVALS.restore!(e, 'milestone', { milestone: { id: 'm1' }, position: 2 }, null)).toMatchObject({ initiativeId: 'i1', historyId: 'h9' });
  });

  it('restores contact fields with updateContact, and leaves other cell changes alone', () => {
    const contact = entry({ target: 'cell', regionCode: '09', changes: [{ field: 'regionalContact', old: 'A', new: 'B' }] });
    expect(CONTACT_CHANGES.describes(contact)).toBe(true);
    expect(CONTACT_CHANGES.restore!(contact, 'regionalContact', 'A', 'B')).toEqual({
      initiativeId: 'i1',
      regionCode: '09',
      patch: { regionalContact: 'A' },
      expected: { regionalContact: 'B' },
    });
    expect(CONTACT_CHANGES.describes(entry({ target: 'cell', regionCode: '09', changes: [{ field: 'status', old: 'ej-startat', new: 'pilot' }] }))).toBe(false);
  });
});

describe('support-plan contact form', () => {
  it('drops the day since of a contact that is not established, and trims the names', () => {
    const values = contactCandidate(
      contactForm({ contactEstablished: false, contactSince: '2026-01-01', regionalContact: ' A ', nationalContact: '', regionalContactPublic: false, nationalContactPublic: true }),
    );
    expect(values).toEqual({ contactEstablished: false, contactSince: null, regionalContact: 'A', nationalContact: '', regionalContactPublic: false, nationalContactPublic: true });
    expect(contactFieldsSchema.safeParse(values).success).toBe(true);
  });
});

describe('support-plan editor texts', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(supportEditorMessages.en).sort()).toEqual(Object.keys(supportEditorMessages.sv).sort());
  });
  it('names every built-in template in both languages', () => {
    for (const id of PROCESS_TEMPLATE_IDS) expect(PROCESS_TEMPLATES[id].name.sv && PROCESS_TEMPLATES[id].name.en).toBeTruthy();
  });
});
