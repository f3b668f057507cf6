import { applyBulkStatus, applyCellPatch, requireParticipants } from '../../../src/domain/edits';
import { cell, initiative, programme } from '../fixtures';
import { appErrorOf } from '../../helpers/app-error';
import { editContext } from './edit-fixtures';

const details = (note = '') => ({ cell: { note, link: null, regionalContact: '', nationalContact: '' }, needNotes: {} });

describe('applyCellPatch', () => {
  it('applies the change, stamps the cell, returns the changed details and records old → new per field', () => {
    const before = initiative();
    const { next, details: saved, history } = applyCellPatch(before, details(), '01', { status: 'pilot', note: 'Start i mars' }, { status: 'not-started', note: '' }, editContext());

    expect(next.cells['01']).toMatchObject({ status: 'pilot', hasDetails: true, updatedAt: '2026-11-22T00:00:00.000Z' });
    expect(saved?.cell.note).toBe('Start i mars');
    expect(history).toEqual([
      {
        id: 'id-1',
        programmeId: 'prog-1',
        initiativeId: 'init-1',
        regionCode: '01',
        needId: null,
        target: 'cell',
        action: 'update',
        at: '2026-11-22T12:00:00.000Z',
        by: 'acc-editor',
        byName: 'Eva Redaktör',
        changes: [
          { field: 'status', old: 'not-started', new: 'pilot' },
          { field: 'note', old: '', new: 'Start i mars' },
        ],
      },
    ]);
    expect(before.cells['01']).toBeUndefined();
  });

  it('leaves the details alone when only the plan changes', () => {
    const { details: saved } = applyCellPatch(initiative(), details('x'), '01', { status: 'pilot' }, { status: 'not-started' }, editContext());
    expect(saved).toBeUndefined();
  });

  it('clears has-details when the last detail is removed', () => {
    const start = initiative({ cells: { '01': cell({ hasDetails: true }) } });
    const { next, details: saved } = applyCellPatch(start, details('x'), '01', { note: '' }, { note: 'x' }, editContext());
    expect(next.cells['01'].hasDetails).toBe(false);
    expect(saved?.cell.note).toBe('');
  });

  it('lets edits of different fields of the same cell both land', () => {
    const start = initiative({ cells: { '01': cell({ status: 'planning', hasDetails: true }) } });
    const first = applyCellPatch(start, details('gammal'), '01', { status: 'pilot' }, { status: 'planning' }, editContext({ by: 'acc-a' }));
    // The second editor also started from the original cell, but only changed the note.
    const second = applyCellPatch(first.next, details('gammal'), '01', { note: 'ny' }, { note: 'gammal' }, editContext({ by: 'acc-b' }));

    expect(second.next.cells['01']).toMatchObject({ status: 'pilot', hasDetails: true });
    expect(second.details?.cell.note).toBe('ny');
  });

  it('refuses a stale edit of the same field and reports the stored value', async () => {
    const stored = initiative({ cells: { '01': cell({ status: 'live', hasDetails: true }) } });
    const error = await appErrorOf(() => applyCellPatch(stored, details('x'), '01', { status: 'pilot', note: 'y' }, { status: 'planning', note: 'x' }, editContext()));

    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['status'], current: { status: 'live' } });
  });

  it('refuses a stale edit of a detail and reports the stored detail', async () => {
    const stored = initiative({ cells: { '01': cell({ hasDetails: true }) } });
    const error = await appErrorOf(() => applyCellPatch(stored, details('nu'), '01', { note: 'min' }, { note: 'förr' }, editContext()));
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['note'], current: { note: 'nu' } });
  });

  it('is no conflict when someone else already saved the same value', () => {
    const stored = initiative({ cells: { '01': cell({ status: 'pilot' }) } });
    const { history } = applyCellPatch(stored, details(), '01', { status: 'pilot' }, { status: 'planning' }, editContext());
    expect(history).toEqual([]);
  });

  it('changes nothing and records nothing for a patch equal to the stored values', () => {
    const stored = initiative({ cells: { '01': cell({ hasDetails: true }) } });
    const result = applyCellPatch(stored, details('samma'), '01', { note: 'samma' }, { note: 'samma' }, editContext());
    expect(result.next).toBe(stored);
    expect(result.history).toEqual([]);
  });

  it('requires the starting value of every changed field', async () => {
    const error = await appErrorOf(() => applyCellPatch(initiative(), details(), '01', { status: 'pilot', note: 'n' }, { status: 'not-started' }, editContext()));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'expected.note' }] });
  });
});

describe('applyBulkStatus', () => {
  it('sets one status in several regions with one history entry per changed region', () => {
    const start = initiative({ cells: { '03': cell({ status: 'pilot' }) } });
    const { next, history } = applyBulkStatus(start, ['01', '03', '04'], 'pilot', { '01': 'not-started', '03': 'pilot', '04': 'not-started' }, editContext());

    expect(['01', '03', '04'].map((code) => next.cells[code]?.status)).toEqual(['pilot', 'pilot', 'pilot']);
    expect(history.map((h) => [h.regionCode, h.changes])).toEqual([
      ['01', [{ field: 'status', old: 'not-started', new: 'pilot' }]],
      ['04', [{ field: 'status', old: 'not-started', new: 'pilot' }]],
    ]);
  });

  it('refuses the whole change when one region changed meanwhile, naming it and its status', async () => {
    const start = initiative({ cells: { '03': cell({ status: 'live' }) } });
    const error = await appErrorOf(() => applyBulkStatus(start, ['01', '03'], 'pilot', { '01': 'not-started', '03': 'planning' }, editContext()));
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['03'], current: { '03': 'live' } });
  });
});

describe('requireParticipants', () => {
  it('rejects region codes that are not participants of the programme', async () => {
    expect(await appErrorOf(() => requireParticipants(programme(), ['01', '99']))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'regionCode', message: 'Unknown region 99' }],
    });
    expect(() => requireParticipants(programme(), ['01', '04'])).not.toThrow();
  });
});
