import type { ConsistencyWarning } from '../../../src/shared/contract';
import { translator } from '../../../static/app/src/i18n/define-messages';
import { formatRange, warningText } from '../../../static/app/src/views/rollout-status/labels';
import { rolloutEditorMessages } from '../../../static/app/src/views/rollout-status/editor-messages';
import { rolloutStatusMessages } from '../../../static/app/src/views/rollout-status/messages';

const sv = translator(rolloutStatusMessages, 'sv');
const en = translator(rolloutStatusMessages, 'en');

describe('consistency warnings in words', () => {
  const cases: Array<[ConsistencyWarning, string, string]> = [
    [
      { code: 'required-need-open', params: { count: 2, needs: 'HSA, SITHS' } },
      '2 obligatoriska tekniska behov är inte klara här: HSA, SITHS.',
      '2 required technical needs are not done here: HSA, SITHS.',
    ],
    [
      { code: 'pilot-before-national-window', params: { planned: '2026-01', windowStart: '2026-03' } },
      'Piloten är planerad till januari 2026, före det nationella pilotfönstret som öppnar mars 2026.',
      'The pilot is planned for January 2026, before the national pilot window opens in March 2026.',
    ],
    [
      { code: 'active-without-contact', params: { status: 'pilot' } },
      'Status är ”Pilot (tidigt införande)”, men ingen kontakt med regionen är etablerad.',
      'The status is “Pilot”, but no contact with the region is established.',
    ],
  ];
  it.each(cases)('%j', (warning, svText, enText) => {
    expect(warningText(warning, 'sv', sv)).toBe(svText);
    expect(warningText(warning, 'en', en)).toBe(enText);
  });

  it('never leaves a placeholder or a raw key in the sentence', () => {
    const w: ConsistencyWarning = { code: 'broad-end-before-start', params: { start: '2026-09', end: '2026-02' } };
    expect(warningText(w, 'sv', sv)).toBe('Breddinförandet slutar (februari 2026) innan det börjar (september 2026).');
  });
});

describe('planned windows', () => {
  it('says both ends, one end or not planned', () => {
    expect(formatRange('2026-03', '2026-06', 'sv', sv)).toBe('mars 2026 – juni 2026');
    expect(formatRange('2026-03', null, 'sv', sv)).toBe('från mars 2026');
    expect(formatRange(null, null, 'en', en)).toBe('Not planned');
  });
});

describe.each([
  ['reader', rolloutStatusMessages],
  ['editor', rolloutEditorMessages],
] as const)('%s messages', (_name, messages) => {
  it('has an English text for every Swedish one and no Swedish letters in English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.sv).sort());
    for (const [key, value] of Object.entries(messages.en)) {
      if (typeof value === 'string') expect([key, /[åäöÅÄÖ]/.test(value)]).toEqual([key, false]);
    }
  });

  it('has the same placeholders in both languages', () => {
    const placeholders = (v: unknown) => (typeof v === 'string' ? (v.match(/\{\w+\}/g) ?? []).sort() : []);
    for (const [key, value] of Object.entries(messages.sv)) {
      expect([key, placeholders((messages.en as Record<string, unknown>)[key])]).toEqual([key, placeholders(value)]);
    }
  });
});
