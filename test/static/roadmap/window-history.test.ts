/** The history behind the roadmap's window forms: only the form's months, each restorable the way it was written. */
import type { HistoryEntry } from '../../../src/shared/model';
import { CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES } from '../../../static/app/src/editing/change-kinds';
import { historyLines } from '../../../static/app/src/editing/history';
import { NATIONAL_FIELDS, PLAN_FIELDS } from '../../../static/app/src/views/roadmap/window-form';
import { historyAt } from '../../storage/storage-fixtures';

/** The roadmap's registry, as its history dialog gets it (without the texts and requests). */
const KINDS = [CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES];

const cell = (n: number, changes: HistoryEntry['changes'], extra: Partial<HistoryEntry> = {}) =>
  historyAt('p1', n, { initiativeId: 'kbt', regionCode: '01', changes, ...extra });

describe('the window form history', () => {
  it("shows a participant's months and nothing else of the cell, each restorable through updateCell", () => {
    const entries = [
      cell(3, [
        { field: 'status', old: 'planning', new: 'pilot' },
        { field: 'pilotStart', old: '2026-03', new: '2026-05' },
      ]),
      cell(2, [{ field: 'note', old: '', new: 'Ring Kim på 070-123 45 67' }]),
      cell(1, [{ field: 'broadEnd', old: null, new: '2027-12' }]),
    ];
    const lines = historyLines(entries, KINDS, PLAN_FIELDS);
    expect(lines.map((l) => [l.entry.id, l.field])).toEqual([
      ['h-0003', 'pilotStart'],
      ['h-0001', 'broadEnd'],
    ]);
    expect(lines[0].restore).toEqual({
      kind: 'cell',
      payload: { initiativeId: 'kbt', regionCode: '01', patch: { pilotStart: '2026-03' }, expected: { pilotStart: '2026-05' } },
    });
    // Restoring "not planned" clears the month again.
    expect(lines[1].restore?.payload).toMatchObject({ patch: { broadEnd: null }, expected: { broadEnd: '2027-12' } });
  });

  it('shows the national months among all of the initiative\'s changes, restorable through upsertInitiative', () => {
    const entries = [
      cell(4, [{ field: 'pilotStart', old: null, new: '2026-05' }]),
      historyAt('p1', 3, {
        initiativeId: 'kbt',
        target: 'initiative',
        changes: [
          { field: 'name', old: 'KBT', new: 'KBT via nätet' },
          { field: 'nationalPilotEnd', old: '2026-06', new: '2026-09' },
        ],
      }),
      // An archiving has no field changes: not a month, so not in the window's history.
      historyAt('p1', 2, { initiativeId: 'kbt', target: 'initiative', action: 'archive', changes: [] }),
    ];
    const lines = historyLines(entries, KINDS, NATIONAL_FIELDS);
    expect(lines.map((l) => l.field)).toEqual(['nationalPilotEnd']);
    expect(lines[0].restore).toEqual({ kind: 'initiative', payload: { id: 'kbt', patch: { nationalPilotEnd: '2026-06' }, expected: { nationalPilotEnd: '2026-09' } } });
  });

  it('keeps every line when no fields are given (the other views\' histories)', () => {
    const entries = [cell(2, [{ field: 'status', old: 'planning', new: 'pilot' }]), historyAt('p1', 1, { initiativeId: 'kbt', action: 'archive', target: 'initiative', changes: [] })];
    expect(historyLines(entries, KINDS).map((l) => l.field)).toEqual(['status', '']);
    expect(historyLines(entries, KINDS, PLAN_FIELDS)).toEqual([]);
  });
});
