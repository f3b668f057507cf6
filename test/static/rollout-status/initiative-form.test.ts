import { initiativeFieldsSchema } from '../../../src/shared/schemas';
import {
  buildUpsertInitiative,
  EMPTY_INITIATIVE_FORM,
  formFromInitiative,
  validateInitiativeForm,
} from '../../../static/app/src/views/rollout-status/initiative-form';
import { header } from './fixtures';

describe('initiative form', () => {
  it('creates with every field, in the shape the server validates', () => {
    const result = validateInitiativeForm({ ...EMPTY_INITIATIVE_FORM, name: '  Digital KBT ', rolloutType: 'both' });
    if (!result.ok) throw new Error('expected valid');
    const payload = buildUpsertInitiative(null, result.fields);
    expect(payload).toEqual({ fields: expect.objectContaining({ name: 'Digital KBT', rolloutType: 'both', phase: null, infoLink: null }) });
    expect(initiativeFieldsSchema.safeParse((payload as { fields: unknown }).fields).success).toBe(true);
  });

  it('requires a name', () => {
    const result = validateInitiativeForm({ ...EMPTY_INITIATIVE_FORM, name: '   ' });
    expect(result).toEqual({ ok: false, errors: { name: { kind: 'required' } } });
  });

  it('edits with the changed fields and what they were', () => {
    const initial = header('kbt', 'Digital KBT', { phase: 'planering', nationalPilotStart: '2026-01' });
    const result = validateInitiativeForm({ ...formFromInitiative(initial), phase: 'genomforande', nationalPilotStart: '' });
    if (!result.ok) throw new Error('expected valid');
    expect(buildUpsertInitiative(initial, result.fields)).toEqual({
      id: 'kbt',
      patch: { phase: 'genomforande', nationalPilotStart: null },
      expected: { phase: 'planering', nationalPilotStart: '2026-01' },
    });
  });

  it('sends nothing when nothing changed', () => {
    const initial = header('kbt', 'Digital KBT');
    const result = validateInitiativeForm(formFromInitiative(initial));
    if (!result.ok) throw new Error('expected valid');
    expect(buildUpsertInitiative(initial, result.fields)).toBeNull();
  });
});
