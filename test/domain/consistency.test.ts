import { cellWarnings, openNeedsFor, openRequiredNeedsByRegion } from '../../src/domain/consistency';
import { cell, initiative, need } from './fixtures';

const codes = ['01', '03'];

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
      const warnings = cellWarnings(cell({ status, contactEstablished: true }), windows, open);
      expect(warnings).toEqual([{ code: 'required-need-open', params: { count: 2, needs: 'HSA, SITHS' } }]);
    }
    for (const status of ['not-started', 'planning', 'declined'] as const) {
      expect(codesOf(cellWarnings(cell({ status }), windows, open))).not.toContain('required-need-open');
    }
  });

  it('warns when the planned pilot or broad start is before the national window, not when on or after it', () => {
    expect(cellWarnings(cell({ pilotStart: '2026-02' }), windows, none)).toEqual([
      { code: 'pilot-before-national-window', params: { planned: '2026-02', windowStart: '2026-03' } },
    ]);
    expect(cellWarnings(cell({ broadStart: '2026-08' }), windows, none)).toEqual([
      { code: 'broad-before-national-window', params: { planned: '2026-08', windowStart: '2026-09' } },
    ]);
    expect(cellWarnings(cell({ pilotStart: '2026-03', broadStart: '2026-10' }), windows, none)).toEqual([]);
  });

  it('compares months across years as strings do', () => {
    const init = initiative({ nationalPilotStart: '2027-01' });
    expect(codesOf(cellWarnings(cell({ pilotStart: '2026-12' }), init, none))).toEqual(['pilot-before-national-window']);
  });

  it('says nothing about windows when the national window is not set', () => {
    expect(cellWarnings(cell({ pilotStart: '2020-01', broadStart: '2020-01' }), initiative(), none)).toEqual([]);
  });

  it('warns when a region pilots or rolls out without established contact, not once it is live', () => {
    expect(cellWarnings(cell({ status: 'pilot', contactEstablished: false }), windows, none)).toEqual([
      { code: 'active-without-contact', params: { status: 'pilot' } },
    ]);
    expect(codesOf(cellWarnings(cell({ status: 'rollout', contactEstablished: false }), windows, none))).toEqual(['active-without-contact']);
    expect(codesOf(cellWarnings(cell({ status: 'live', contactEstablished: false }), windows, none))).toEqual([]);
    expect(cellWarnings(cell({ status: 'rollout', contactEstablished: true }), windows, none)).toEqual([]);
    expect(cellWarnings(cell({ status: 'planning', contactEstablished: false }), windows, none)).toEqual([]);
  });

  it('warns when a pilot or broad rollout ends before it starts', () => {
    expect(cellWarnings(cell({ pilotStart: '2026-05', pilotEnd: '2026-04' }), initiative(), none)).toEqual([
      { code: 'pilot-end-before-start', params: { start: '2026-05', end: '2026-04' } },
    ]);
    expect(cellWarnings(cell({ broadStart: '2027-01', broadEnd: '2026-12' }), initiative(), none)).toEqual([
      { code: 'broad-end-before-start', params: { start: '2027-01', end: '2026-12' } },
    ]);
    expect(cellWarnings(cell({ pilotStart: '2026-05', pilotEnd: '2026-05' }), initiative(), none)).toEqual([]);
  });
});
