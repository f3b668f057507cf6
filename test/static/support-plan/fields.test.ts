import { PROCESS_TEMPLATE_IDS, PROCESS_TEMPLATES } from '../../../src/shared/process-templates';
import { contactFieldsSchema, milestoneFieldsSchema } from '../../../src/shared/schemas';
import { diffFields } from '../../../static/app/src/editing/form-errors';
import { supportEditorMessages } from '../../../static/app/src/views/support-plan/editor-messages';
import {
  contactCandidate,
  contactForm,
  localIsoDate,
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
    expect(milestoneFieldsSchema.pick({ done: true, doneOn: true, dueMonth: true, note: true }).safeParse(next).success).toBe(true);
    expect(diffFields(initial, next)).toEqual({ patch: { done: true, doneOn: '2026-03-02' }, expected: { done: false, doneOn: null } });
  });

  it('gives a ticked milestone without a day today, and an open one no day', () => {
    expect(milestoneCandidate({ done: true, doneOn: ' ', dueMonth: '', note: '' }, '2026-01-31')).toEqual({ done: true, doneOn: '2026-01-31', dueMonth: null, note: '' });
    expect(milestoneCandidate({ done: false, doneOn: '2026-01-01', dueMonth: ' 2026-04 ', note: ' x ' }, '2026-01-31')).toEqual({ done: false, doneOn: null, dueMonth: '2026-04', note: 'x' });
    expect(toggleDone({ done: true, doneOn: '2026-01-01', dueMonth: '', note: '' }, false, '2026-02-01').doneOn).toBe('');
  });

  it('formats the local day as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
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
