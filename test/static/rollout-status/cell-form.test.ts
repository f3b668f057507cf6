import { DEFAULT_CELL, DEFAULT_CELL_DETAILS } from '../../../src/shared/model';
import {
  buildUpdateCell,
  CELL_FIELD_SHAPES,
  cellFieldsOf,
  formFromCell,
  optimisticCell,
  validateCellForm,
} from '../../../static/app/src/views/rollout-status/cell-form';
import { cell } from './fixtures';
import { serverIssuesToFieldErrors } from '../../../static/app/src/editing/form-errors';

const start = { ...DEFAULT_CELL, status: 'planning' as const, note: 'Avtal klart', pilotStart: '2026-03' };

describe('cell form', () => {
  it('round-trips a stored cell unchanged, so saving an untouched form sends nothing', () => {
    const result = validateCellForm(formFromCell(start));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toEqual(start);
    expect(buildUpdateCell('kbt', '01', start, result.fields)).toBeNull();
  });

  it('sends only the changed fields, expecting the values the editor started from', () => {
    const form = { ...formFromCell(start), status: 'pilot' as const, pilotEnd: '2026-06', note: 'Avtal klart' };
    const result = validateCellForm(form);
    if (!result.ok) throw new Error('expected valid');
    expect(buildUpdateCell('kbt', '01', start, result.fields)).toEqual({
      initiativeId: 'kbt',
      regionCode: '01',
      patch: { status: 'pilot', pilotEnd: '2026-06' },
      expected: { status: 'planning', pilotEnd: null },
    });
  });

  it('turns a cleared month back into null rather than an empty string', () => {
    const result = validateCellForm({ ...formFromCell(start), pilotStart: '' });
    if (!result.ok) throw new Error('expected valid');
    expect(buildUpdateCell('kbt', '01', start, result.fields)?.patch).toEqual({ pilotStart: null });
  });

  it('names each wrong field with the kind of fix needed', () => {
    const result = validateCellForm({
      ...formFromCell(start),
      link: 'javascript:alert(1)',
      pilotStart: '2026-13',
      contactSince: '2026-02-30',
      regionalContact: 'x'.repeat(301),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      link: { kind: 'link' },
      pilotStart: { kind: 'month' },
      contactSince: { kind: 'date' },
      regionalContact: { kind: 'too-long', max: 300 },
    });
  });

  it('asks to remove invisible control or direction characters, field by field', () => {
    const result = validateCellForm({ ...formFromCell(start), note: 'Klart \u202Egnalp', nationalContact: 'Eva\u0000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ note: { kind: 'characters' }, nationalContact: { kind: 'characters' } });
  });

  it('accepts a link the server accepts, trimmed', () => {
    const result = validateCellForm({ ...formFromCell(start), link: '  https://www.inera.se/tjanster  ' });
    expect(result.ok && result.fields.link).toBe('https://www.inera.se/tjanster');
  });
});

describe('what the form starts from', () => {
  it('joins the plan from the view with the details just read, so `expected` holds the stored note', () => {
    const view = cell('01', 'planning', { pilotStart: '2026-03', hasDetails: true });
    const fields = cellFieldsOf(view, { note: 'Avtal klart', link: 'https://www.inera.se', regionalContact: 'Eva', nationalContact: '' });
    expect(fields).toEqual({
      ...DEFAULT_CELL,
      status: 'planning',
      pilotStart: '2026-03',
      note: 'Avtal klart',
      link: 'https://www.inera.se',
      regionalContact: 'Eva',
    });
    const form = { ...formFromCell(fields), note: '' };
    const result = validateCellForm(form);
    if (!result.ok) throw new Error('expected valid');
    expect(buildUpdateCell('kbt', '01', fields, result.fields)).toEqual({
      initiativeId: 'kbt',
      regionCode: '01',
      patch: { note: '' },
      expected: { note: 'Avtal klart' },
    });
  });
});

describe('the cell shown while a save is on its way', () => {
  const view = cell('01', 'planning', { hasDetails: true, stale: true });
  const initial = cellFieldsOf(view, { ...DEFAULT_CELL_DETAILS, note: 'Avtal klart' });

  it('shows the new plan and keeps what only the server knows', () => {
    const shown = optimisticCell(view, initial, { status: 'pilot', pilotStart: '2026-04' });
    expect(shown).toMatchObject({ status: 'pilot', pilotStart: '2026-04', regionCode: '01', stale: true, hasDetails: true });
    expect(shown).not.toHaveProperty('note');
  });

  it('has no details once the only one is cleared, and has some once one is written', () => {
    expect(optimisticCell(view, initial, { note: '' }).hasDetails).toBe(false);
    const bare = cellFieldsOf(cell('01', 'planning'), DEFAULT_CELL_DETAILS);
    expect(optimisticCell(cell('01', 'planning'), bare, { link: 'https://www.inera.se' }).hasDetails).toBe(true);
  });
});

describe('server validation answers', () => {
  it('puts the server’s issues next to the fields they name', () => {
    expect(
      serverIssuesToFieldErrors([{ path: 'patch.link' }, { path: 'patch.pilotEnd' }, { path: 'initiativeId' }], CELL_FIELD_SHAPES),
    ).toEqual({ link: { kind: 'link' }, pilotEnd: { kind: 'month' } });
  });
});
