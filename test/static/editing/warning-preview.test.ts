import type { ConsistencyWarning } from '../../../src/shared/contract';
import type { CellPlan } from '../../../src/shared/model';
import { warningTime } from '../../../src/domain/consistency';
import { editingMessages } from '../../../static/app/src/editing/messages';
import {
  changeWarnings,
  createdWarnings,
  knownFromWarnings,
  openRequired,
  previewTime,
  typedMonth,
} from '../../../static/app/src/editing/warning-preview';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const plan = (p: Partial<CellPlan> = {}): CellPlan => ({
  status: 'not-started',
  pilotStart: null,
  pilotEnd: null,
  broadStart: null,
  broadEnd: null,
  contactEstablished: false,
  contactSince: null,
  ...p,
});

describe('the preview’s time', () => {
  it('counts months in Sweden as the domain does, across a year’s end and a summer-time change', () => {
    for (const iso of ['2026-12-31T23:30:00Z', '2026-12-31T22:59:00Z', '2026-03-31T22:30:00Z', '2026-10-31T23:30:00Z', '2026-11-22T12:00:00Z']) {
      const now = new Date(iso);
      expect(previewTime(now, 1)).toEqual({ ...warningTime({ milestones: [{ phase: 'planering', done: false } as never] }, now) });
    }
    expect(previewTime(new Date('2026-12-31T23:30:00Z'))).toEqual({ month: '2027-01', soon: '2027-04', planningOpen: 0 });
  });
});

describe('what a change adds', () => {
  const time = previewTime(NOW);
  const none = { nationalPilotStart: null, nationalBroadStart: null };

  it('shows the warning a status change creates, and nothing for a change that creates none', () => {
    const open = openRequired([
      { title: 'HSA', required: true, open: true },
      { title: 'Sjunet', required: false, open: true },
      { title: 'SITHS', required: true, open: false },
    ]);
    expect(open).toEqual({ count: 1, titles: ['HSA'] });
    const before = plan({ status: 'planning', contactEstablished: true });
    expect(changeWarnings({ before, after: { ...before, status: 'pilot' }, national: none, openBefore: open, openAfter: open, time })).toEqual([
      { code: 'required-need-open', params: { count: 1, needs: 'HSA' } },
    ]);
    expect(changeWarnings({ before, after: { ...before, status: 'declined' }, national: none, openBefore: open, openAfter: open, time })).toEqual([]);
  });

  it('leaves out warnings the cell already has, but shows one whose count changed', () => {
    const had: ConsistencyWarning[] = [
      { code: 'pilot-planned-without-contact', params: { planned: '2027-01' } },
      { code: 'pilot-soon-needs-open', params: { planned: '2027-01', count: 1, needs: 'HSA' } },
    ];
    const will: ConsistencyWarning[] = [
      { code: 'pilot-soon-needs-open', params: { needs: 'HSA, SITHS', count: 2, planned: '2027-01' } },
      { code: 'pilot-planned-without-contact', params: { planned: '2027-01' } },
    ];
    expect(createdWarnings(had, will)).toEqual([will[0]]);
    // The order of params does not make a warning new.
    expect(createdWarnings([{ code: 'pilot-start-passed', params: { planned: '2026-01', status: 'planning' } }], [{ code: 'pilot-start-passed', params: { status: 'planning', planned: '2026-01' } }])).toEqual([]);
  });

  it('reads what the view leaves out from the warnings it already has', () => {
    expect(
      knownFromWarnings([
        { code: 'pilot-soon-planning-open', params: { planned: '2027-01', count: 3 } },
        { code: 'required-need-open', params: { count: 2, needs: 'HSA, SITHS' } },
      ]),
    ).toEqual({ titles: ['HSA', 'SITHS'], planningOpen: 3 });
    expect(knownFromWarnings([])).toEqual({ titles: [], planningOpen: 0 });
  });

  it('takes a month only once it is complete', () => {
    expect(typedMonth(' 2027-01 ')).toBe('2027-01');
    expect(typedMonth('2027-1')).toBeNull();
    expect(typedMonth('2027-13')).toBeNull();
    expect(typedMonth('')).toBeNull();
  });

  it('has the note in both languages', () => {
    expect(Object.keys(editingMessages.en).sort()).toEqual(Object.keys(editingMessages.sv).sort());
  });
});
