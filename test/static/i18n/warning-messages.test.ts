import type { ConsistencyWarning, WarningCode } from '../../../src/shared/contract';
import { describeWarning } from '../../../static/app/src/i18n/warning-messages';

const samples: Record<WarningCode, ConsistencyWarning['params']> = {
  'required-need-open': { count: 2, needs: 'HSA, SITHS' },
  'pilot-before-national-window': { planned: '2026-01', windowStart: '2026-03' },
  'broad-before-national-window': { planned: '2026-05', windowStart: '2026-09' },
  'active-without-contact': { status: 'pilot' },
  'pilot-end-before-start': { start: '2026-05', end: '2026-02' },
  'broad-end-before-start': { start: '2027-05', end: '2027-02' },
  'broad-before-pilot-end': { broadStart: '2027-04', pilotEnd: '2027-06' },
  'pilot-soon-needs-open': { planned: '2027-02', count: 1, needs: 'SITHS' },
  'pilot-start-passed': { planned: '2026-10', status: 'planning' },
  'broad-start-passed': { planned: '2026-11', status: 'pilot' },
  'pilot-planned-without-contact': { planned: '2027-01' },
  'pilot-soon-planning-open': { planned: '2027-03', count: 2 },
  'connection-step-overdue': { step: 4, plannedOn: '2026-10-22', done: 3, total: 12 },
  'pilot-before-connection-ready': { planned: '2026-11', ready: '2026-12', done: 3, total: 12 },
};

describe('describeWarning', () => {
  it.each(Object.entries(samples))('words %s in Swedish and English', (code, params) => {
    const sv = describeWarning({ code: code as WarningCode, params }, 'sv');
    const en = describeWarning({ code: code as WarningCode, params }, 'en');
    expect(sv).not.toBe(en);
    expect(sv).not.toMatch(/undefined|\{/);
  });

  it('names the months and the needs involved', () => {
    expect(describeWarning({ code: 'pilot-before-national-window', params: samples['pilot-before-national-window'] }, 'sv')).toBe(
      'Piloten är planerad till januari 2026, före det nationella pilotfönstret (från mars 2026).',
    );
    expect(describeWarning({ code: 'required-need-open', params: { count: 1, needs: 'HSA' } }, 'en')).toBe('1 required technical need is not done (HSA).');
  });

  it('says where to fix a warning that looks ahead', () => {
    expect(describeWarning({ code: 'pilot-planned-without-contact', params: samples['pilot-planned-without-contact'] }, 'sv')).toBe(
      'Piloten börjar januari 2027, men ingen kontakt är etablerad. Registrera kontakten i planen för införandestöd.',
    );
    expect(describeWarning({ code: 'pilot-start-passed', params: samples['pilot-start-passed'] }, 'en')).toContain('Update the status or move the plan.');
  });

  it('words the connection process warnings with the step, its day, and where to fix them', () => {
    const overdue = { code: 'connection-step-overdue' as const, params: samples['connection-step-overdue'] };
    expect(describeWarning(overdue, 'sv')).toContain('Steg 4 i anslutningsprocessen var planerat till 22 okt. 2026');
    expect(describeWarning(overdue, 'sv')).toContain('planen för införandestöd');
    expect(describeWarning(overdue, 'en')).toContain('implementation-support plan');
    const pilot = { code: 'pilot-before-connection-ready' as const, params: samples['pilot-before-connection-ready'] };
    expect(describeWarning(pilot, 'sv')).toContain('Piloten är planerad till november 2026');
    expect(describeWarning(pilot, 'sv')).toContain('först december 2026');
    expect(describeWarning(pilot, 'en')).toContain('Move the pilot in the status overview');
  });

  it('uses the product vocabulary for statuses', () => {
    expect(describeWarning({ code: 'active-without-contact', params: { status: 'pilot' } }, 'sv')).toContain('Pilot (tidigt införande)');
  });
});
