import { describeWarning } from '../../../static/app/src/i18n/warning-messages';
import { nationalPreview, previewWarnings, typedMonth } from '../../../static/app/src/views/roadmap/window-preview';
import { buildNationalUpdate, buildPlanUpdate, validatePlanForm } from '../../../static/app/src/views/roadmap/window-form';

const national = { nationalPilotStart: '2026-03', nationalBroadStart: '2026-09' };
const plan = (p: Partial<Record<'pilotStart' | 'pilotEnd' | 'broadStart' | 'broadEnd', string | null>> = {}) => ({
  pilotStart: null,
  pilotEnd: null,
  broadStart: null,
  broadEnd: null,
  ...p,
});
const codes = (ws: Array<{ code: string }>) => ws.map((w) => w.code);

describe('previewWarnings', () => {
  it('gives nothing for a plan inside the national windows', () => {
    expect(previewWarnings(plan({ pilotStart: '2026-03', pilotEnd: '2026-06', broadStart: '2026-09', broadEnd: '2027-03' }), national)).toEqual([]);
  });

  it('warns about a pilot before the national pilot window, in words', () => {
    const warnings = previewWarnings(plan({ pilotStart: '2026-01' }), national);
    expect(warnings).toEqual([{ code: 'pilot-before-national-window', params: { planned: '2026-01', windowStart: '2026-03' } }]);
    expect(describeWarning(warnings[0]!, 'en')).toMatch(/before the national pilot window/);
    expect(describeWarning(warnings[0]!, 'sv')).toMatch(/före det nationella pilotfönstret/);
  });

  it('warns about broad rollout before the national window', () => {
    expect(previewWarnings(plan({ broadStart: '2026-08' }), national)).toEqual([
      { code: 'broad-before-national-window', params: { planned: '2026-08', windowStart: '2026-09' } },
    ]);
  });

  it('warns about ends before starts and broad rollout before the pilot ends', () => {
    const warnings = previewWarnings(plan({ pilotStart: '2026-06', pilotEnd: '2026-04', broadStart: '2026-12', broadEnd: '2026-10' }), national);
    expect(codes(warnings)).toEqual(['pilot-end-before-start', 'broad-end-before-start']);
    expect(codes(previewWarnings(plan({ pilotStart: '2026-04', pilotEnd: '2026-12', broadStart: '2026-10' }), national))).toEqual(['broad-before-pilot-end']);
  });

  it('ignores months that are not complete yet, and missing national windows', () => {
    expect(previewWarnings(plan({ pilotStart: '2026-0' }), national)).toEqual([]);
    expect(previewWarnings(plan({ pilotStart: '2020-01', broadStart: '2020-01' }), { nationalPilotStart: null, nationalBroadStart: '' })).toEqual([]);
    expect(typedMonth(' 2026-03 ')).toBe('2026-03');
    expect(typedMonth('2026-13')).toBeNull();
  });
});

describe('nationalPreview', () => {
  it('lists the participants the new national windows would put before them', () => {
    const regions = [
      { regionCode: '01', ...plan({ pilotStart: '2026-02', pilotEnd: '2026-01', broadStart: '2026-10' }) },
      { regionCode: '03', ...plan({ pilotStart: '2026-05' }) },
    ];
    expect(nationalPreview(national, regions)).toEqual([
      { regionCode: '01', warnings: [{ code: 'pilot-before-national-window', params: { planned: '2026-02', windowStart: '2026-03' } }] },
    ]);
  });
});

describe('window form', () => {
  const initial = { pilotStart: '2026-03', pilotEnd: null, broadStart: null, broadEnd: null };

  it('sends only the changed months with the values started from', () => {
    expect(buildPlanUpdate('i1', '01', initial, { ...initial, pilotEnd: '2026-06' })).toEqual({
      initiativeId: 'i1',
      regionCode: '01',
      patch: { pilotEnd: '2026-06' },
      expected: { pilotEnd: null },
    });
    expect(buildPlanUpdate('i1', '01', initial, initial)).toBeNull();
    const n = { nationalPilotStart: '2026-03', nationalPilotEnd: null, nationalBroadStart: null, nationalBroadEnd: null };
    expect(buildNationalUpdate('i1', n, { ...n, nationalPilotStart: null })).toEqual({ id: 'i1', patch: { nationalPilotStart: null }, expected: { nationalPilotStart: '2026-03' } });
  });

  it('names the field with a month that is not YYYY-MM', () => {
    const res = validatePlanForm({ pilotStart: '2026-3', pilotEnd: '', broadStart: ' ', broadEnd: '2027-01' });
    expect(res).toEqual({ ok: false, errors: { pilotStart: { kind: 'month' } } });
    expect(validatePlanForm({ pilotStart: '', pilotEnd: '', broadStart: '', broadEnd: '2027-01' })).toEqual({
      ok: true,
      fields: { pilotStart: null, pilotEnd: null, broadStart: null, broadEnd: '2027-01' },
    });
  });
});

describe('previewWarnings with the participant’s context: the look-ahead rules too', () => {
  const time = { month: '2026-11', soon: '2027-02', planningOpen: 2 };
  const context = { status: 'planning' as const, contactEstablished: false, open: { count: 2, titles: ['HSA', 'SITHS'] }, time };

  it('warns about a pilot moved to within three months while needs, contact and planning are open', () => {
    const warnings = previewWarnings(plan({ pilotStart: '2027-01' }), { nationalPilotStart: null, nationalBroadStart: null }, context);
    expect(codes(warnings)).toEqual(['pilot-soon-needs-open', 'pilot-planned-without-contact', 'pilot-soon-planning-open']);
    expect(describeWarning(warnings[0]!, 'sv')).toContain('2 obligatoriska');
  });

  it('says nothing of them for the same plan a year later, or once the pilot is under way', () => {
    expect(previewWarnings(plan({ pilotStart: '2028-01' }), national, context)).toEqual([]);
    expect(codes(previewWarnings(plan({ pilotStart: '2027-01' }), national, { ...context, status: 'pilot', contactEstablished: true }))).toEqual(['required-need-open']);
  });

  it('warns that a planned start has passed while the status has not moved', () => {
    expect(codes(previewWarnings(plan({ pilotStart: '2026-10' }), { nationalPilotStart: null, nationalBroadStart: null }, context))).toEqual(['pilot-start-passed']);
  });
});
