import { DEFAULT_CELL } from '../../../src/shared/model';
import {
  buildUpdateCell,
  CELL_FIELD_SHAPES,
  formFromCell,
  validateCellForm,
} from '../../../static/app/src/views/rollout-status/cell-form';
import { serverIssuesToFieldErrors } from '../../../static/app/src/views/rollout-status/form-errors';

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

  it('accepts a link the server accepts, trimmed', () => {
    const result = validateCellForm({ ...formFromCell(start), link: '  https://www.inera.se/tjanster  ' });
    expect(result.ok && result.fields.link).toBe('https://www.inera.se/tjanster');
  });
});

describe('server validation answers', () => {
  it('puts the server’s issues next to the fields they name', () => {
    expect(
      serverIssuesToFieldErrors([{ path: 'patch.link' }, { path: 'patch.pilotEnd' }, { path: 'initiativeId' }], CELL_FIELD_SHAPES),
    ).toEqual({ link: { kind: 'link' }, pilotEnd: { kind: 'month' } });
  });
});
