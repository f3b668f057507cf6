import { addMonths, cellWarnings, openNeedsFor, openRequiredNeedsByRegion, swedishMonth, warningTime, type OpenNeeds, type WarningTime } from '../../src/domain/consistency';
import { cell, initiative, need } from './fixtures';

const codes = ['01', '03'];
/** A clock long before every plan in these tests: no look-ahead warning fires. */
const PAST: WarningTime = { month: '2000-01', soon: '2000-04', planningOpen: 0 };

describe('openRequiredNeedsByRegion', () => {
  const init = initiative({
    needs: [
      need({ id: 'a', title: 'HSA', required: true, progress: { '01': { progress: 'done', hasNote: false, updatedAt: null } } }),
      need({ id: 'b', title: 'SITHS', required: true, progress: { '01': { progress: 'not-applicable', hasNote: false, updatedAt: null } } }),
      need({ id: 'c', title: 'Brandvägg', required: false }),
      need({ id: 'd', title: 'Sjunet', required: true, progress: { '03': { progress: 'in-progress', hasNote: false, updatedAt: null } } }),
    ],
  });
  const open = openRequiredNeedsByRegion(init, codes);

  it('counts required needs that are neither done nor not applicable; optional needs never count', () => {
    expect(openNeedsFor(open, '01')).toEqual({ count: 1, titles: ['Sjunet'] });
    expect(openNeedsFor(open, '03')).toEqual({ count: 3, titles: ['HSA', 'SITHS', 'Sjunet'] });
  });

  it('tells regions apart correctly however many required needs there are', () => {
    const done = { progress: 'done' as const, hasNote: false, updatedAt: null };
    // Region 01 has done everything but need 35, region 03 everything but need 36: positions past 30.
    const many = initiative({
      needs: Array.from({ length: 40 }, (_, i) =>
        need({ id: `n${i}`, title: `Behov ${i}`, progress: { ...(i !== 35 ? { '01': done } : {}), ...(i !== 36 ? { '03': done } : {}) } }),
      ),
    });
    const byRegion = openRequiredNeedsByRegion(many, codes);
    expect(openNeedsFor(byRegion, '01')).toEqual({ count: 1, titles: ['Behov 35'] });
    expect(openNeedsFor(byRegion, '03')).toEqual({ count: 1, titles: ['Behov 36'] });
  });

  it('reports nothing open for a region outside the list', () => {
    expect(openNeedsFor(open, '99').count).toBe(0);
  });
});

describe('cellWarnings', () => {
  const windows = initiative({ nationalPilotStart: '2026-03', nationalBroadStart: '2026-09' });
  const none = { count: 0, titles: [] };
  const codesOf = (warnings: ReturnType<typeof cellWarnings>) => warnings.map((w) => w.code);

  it('warns about open required needs only while the region runs the service, with count and titles', () => {
    const open = { count: 2, titles: ['HSA', 'SITHS'] };
    for (const status of ['pilot', 'rollout', 'live'] as const) {
      const warnings = cellWarnings(cell({ status, contactEstablished: true }), windows, open, PAST);
      expect(warnings).toEqual([{ code: 'required-need-open', params: { count: 2, needs: 'HSA, SITHS' } }]);
    }
    for (const status of ['not-started', 'planning', 'declined'] as const) {
      expect(codesOf(cellWarnings(cell({ status }), windows, open, PAST))).not.toContain('required-need-open');
    }
  });

  it('warns when the planned pilot or broad start is before the national window, not when on or after it', () => {
    expect(cellWarnings(cell({ pilotStart: '2026-02' }), windows, none, PAST)).toEqual([
      { code: 'pilot-before-national-window', params: { planned: '2026-02', windowStart: '2026-03' } },
    ]);
    expect(cellWarnings(cell({ broadStart: '2026-08' }), windows, none, PAST)).toEqual([
      { code: 'broad-before-national-window', params: { planned: '2026-08', windowStart: '2026-09' } },
    ]);
    expect(cellWarnings(cell({ pilotStart: '2026-03', broadStart: '2026-10' }), windows, none, PAST)).toEqual([]);
  });

  it('compares months across years as strings do', () => {
    const init = initiative({ nationalPilotStart: '2027-01' });
    expect(codesOf(cellWarnings(cell({ pilotStart: '2026-12' }), init, none, PAST))).toEqual(['pilot-before-national-window']);
  });

  it('says nothing about windows when the national window is not set', () => {
    expect(cellWarnings(cell({ pilotStart: '2020-01', broadStart: '2020-01' }), initiative(), none, PAST)).toEqual([]);
  });

  it('warns when a region pilots or rolls out without established contact, not once it is live', () => {
    expect(cellWarnings(cell({ status: 'pilot', contactEstablished: false }), windows, none, PAST)).toEqual([
      { code: 'active-without-contact', params: { status: 'pilot' } },
    ]);
    expect(codesOf(cellWarnings(cell({ status: 'rollout', contactEstablished: false }), windows, none, PAST))).toEqual(['active-without-contact']);
    expect(codesOf(cellWarnings(cell({ status: 'live', contactEstablished: false }), windows, none, PAST))).toEqual([]);
    expect(cellWarnings(cell({ status: 'rollout', contactEstablished: true }), windows, none, PAST)).toEqual([]);
    expect(cellWarnings(cell({ status: 'planning', contactEstablished: false }), windows, none, PAST)).toEqual([]);
  });

  it('warns when a pilot or broad rollout ends before it starts', () => {
    expect(cellWarnings(cell({ pilotStart: '2026-05', pilotEnd: '2026-04' }), initiative(), none, PAST)).toEqual([
      { code: 'pilot-end-before-start', params: { start: '2026-05', end: '2026-04' } },
    ]);
    expect(cellWarnings(cell({ broadStart: '2027-01', broadEnd: '2026-12' }), initiative(), none, PAST)).toEqual([
      { code: 'broad-end-before-start', params: { start: '2027-01', end: '2026-12' } },
    ]);
    expect(cellWarnings(cell({ pilotStart: '2026-05', pilotEnd: '2026-05' }), initiative(), none, PAST)).toEqual([]);
  });
});

describe('warnings that look ahead', () => {
  // December 2026 in Sweden: a pilot in January–March 2027 is "soon".
  const time: WarningTime = { month: '2026-12', soon: '2027-03', planningOpen: 0 };
  const none: OpenNeeds = { count: 0, titles: [] };
  const open = { count: 1, titles: ['SITHS'] };
  const plain = initiative({ nationalPilotStart: null, nationalBroadStart: null });
  const codesOf = (c: Parameters<typeof cellWarnings>[0], o = none, t = time) => cellWarnings(c, plain, o, t).map((w) => w.code);

  it('knows the Swedish month and counts months across years', () => {
    // 23:30 UTC on 31 December is already January in Stockholm.
    expect(swedishMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    const t = warningTime(
      { milestones: [{ id: 'a', phase: 'planering', title: 'Plan', done: false, dueMonth: null, doneOn: null }, { id: 'b', phase: 'planering', title: 'Klar', done: true, dueMonth: null, doneOn: null }, { id: 'c', phase: 'initiering', title: 'Start', done: false, dueMonth: null, doneOn: null }] },
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(t).toEqual({ month: '2026-12', soon: '2027-03', planningOpen: 1 });
  });

  it('warns before a pilot within three months while required needs are open, not when it is further away or active', () => {
    const contact = { contactEstablished: true };
    expect(cellWarnings(cell({ ...contact, status: 'planning', pilotStart: '2027-02' }), plain, open, time)).toEqual([
      { code: 'pilot-soon-needs-open', params: { planned: '2027-02', count: 1, needs: 'SITHS' } },
    ]);
    expect(codesOf(cell({ ...contact, status: 'planning', pilotStart: '2027-04' }), open)).toEqual([]);
    // Once active the matrix already says it (required-need-open).
    expect(codesOf(cell({ ...contact, status: 'pilot', pilotStart: '2027-02' }), open)).toEqual(['required-need-open']);
  });

  it('warns when a planned start has passed and the status has not moved', () => {
    const contact = { contactEstablished: true };
    expect(cellWarnings(cell({ ...contact, status: 'planning', pilotStart: '2026-10' }), plain, none, time)).toEqual([
      { code: 'pilot-start-passed', params: { planned: '2026-10', status: 'planning' } },
    ]);
    expect(codesOf(cell({ ...contact, status: 'pilot', pilotStart: '2026-10' }))).toEqual([]);
    expect(codesOf(cell({ ...contact, status: 'pilot', pilotStart: '2026-06', broadStart: '2026-11' }))).toEqual(['broad-start-passed']);
    expect(codesOf(cell({ ...contact, status: 'rollout', broadStart: '2026-11' }))).toEqual([]);
    // This month has not passed.
    expect(codesOf(cell({ ...contact, status: 'not-started', pilotStart: '2026-12' }))).toEqual([]);
  });

  it('warns about a near pilot without contact or with planning milestones open', () => {
    expect(codesOf(cell({ status: 'planning', pilotStart: '2027-01' }))).toEqual(['pilot-planned-without-contact']);
    expect(codesOf(cell({ status: 'planning', pilotStart: '2027-09' }))).toEqual([]);
    expect(cellWarnings(cell({ status: 'planning', contactEstablished: true, pilotStart: '2027-03' }), plain, none, { ...time, planningOpen: 2 })).toEqual([
      { code: 'pilot-soon-planning-open', params: { planned: '2027-03', count: 2 } },
    ]);
  });

  it('warns when broad rollout starts before the pilot ends', () => {
    expect(cellWarnings(cell({ contactEstablished: true, status: 'pilot', pilotStart: '2027-01', pilotEnd: '2027-06', broadStart: '2027-04' }), plain, none, time)).toEqual([
      { code: 'broad-before-pilot-end', params: { broadStart: '2027-04', pilotEnd: '2027-06' } },
    ]);
  });
});
