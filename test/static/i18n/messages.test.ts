import { commonMessages } from '../../../static/app/src/i18n/common-messages';
import { defineMessages, interpolate, plural, translator, type Messages, type MessageTable } from '../../../static/app/src/i18n/define-messages';
import { adminMessages } from '../../../static/app/src/admin/messages';
import { configMessages } from '../../../static/app/src/config/messages';
import { editingMessages } from '../../../static/app/src/editing/messages';
import { roadmapMessages } from '../../../static/app/src/views/roadmap/messages';
import { supportPlanMessages } from '../../../static/app/src/views/support-plan/messages';
import { technicalNeedsMessages } from '../../../static/app/src/views/technical-needs/messages';
import { rolloutEditorMessages } from '../../../static/app/src/views/rollout-status/editor-messages';
import { rolloutStatusMessages } from '../../../static/app/src/views/rollout-status/messages';

const tables: Record<string, Messages<MessageTable>> = {
  common: commonMessages,
  config: configMessages,
  roadmap: roadmapMessages,
  'support-plan': supportPlanMessages,
  'technical-needs': technicalNeedsMessages,
  'rollout-status': rolloutStatusMessages,
  'rollout-status editing': rolloutEditorMessages,
  editing: editingMessages,
  admin: adminMessages,
};

/** Texts that are the same words in both languages ("status per region"). */
// roadmap.barName is only placeholders and punctuation ("{participant}: {kind} {period}").
const SAME_IN_BOTH = new Set(['rollout-status.initiativeTitle', 'rollout-status.csvFileName', 'roadmap.barName']);

/** Calls a message with generous params so function messages and templates both render. */
function render(value: unknown): string {
  const params = {
    ...{ count: 2, days: 3, done: 1, total: 2, max: 200, name: 'X', date: 'D', macro: 'M', initiative: 'I', need: 'N', space: 'S', start: 'A', end: 'B' },
    ...{ region: 'R', live: 1, rows: 2, regions: 3, from: 1, to: 2, group: 'G', position: 2, field: 'F', value: 'V', when: 'W', status: 'S', county: 'C' },
    ...{ min: 1, years: 6, participant: 'P', kind: 'K', period: 'Q' },
  };
  return typeof value === 'function' ? (value as (p: unknown) => string)(params) : interpolate(String(value), params);
}

describe.each(Object.entries(tables))('%s messages', (_name, messages) => {
  it('has exactly the same keys in Swedish and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.sv).sort());
  });

  it('has a non-empty text for every key in both languages, with every placeholder filled', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const [key, value] of Object.entries(messages[locale])) {
        const text = render(value);
        expect({ key, locale, text: text.trim().length > 0 }).toEqual({ key, locale, text: true });
        expect({ key, locale, leftover: /\{\w+\}/.test(text) }).toEqual({ key, locale, leftover: false });
      }
    }
  });

  it('is translated: no Swedish text is left identical to a long English one', () => {
    const same = Object.keys(messages.sv).filter((k) => {
      if (SAME_IN_BOTH.has(`${_name}.${k}`)) return false;
      const sv = render(messages.sv[k]);
      return sv === render(messages.en[k]) && (sv.match(/\p{L}{2,}/gu) ?? []).length > 2;
    });
    expect(same).toEqual([]);
  });
});

describe('translator', () => {
  const messages = defineMessages({
    sv: { hello: 'Hej {name}', count: (p: { n: number }) => plural(p.n, '{count} region', '{count} regioner') },
    en: { hello: 'Hello {name}', count: (p: { n: number }) => plural(p.n, '{count} region', '{count} regions') },
  });

  it('fills placeholders in the chosen language', () => {
    expect(translator(messages, 'sv')('hello', { name: 'Anna' })).toBe('Hej Anna');
    expect(translator(messages, 'en')('hello', { name: 'Anna' })).toBe('Hello Anna');
  });

  it('inflects by number', () => {
    expect(translator(messages, 'sv')('count', { n: 1 })).toBe('1 region');
    expect(translator(messages, 'sv')('count', { n: 21 })).toBe('21 regioner');
    expect(translator(messages, 'en')('count', { n: 0 })).toBe('0 regions');
  });

  it('leaves an unfilled placeholder visible rather than printing "undefined"', () => {
    expect(interpolate('Senast uppdaterad {date}', {})).toBe('Senast uppdaterad {date}');
    expect(interpolate('{a} och {a}', { a: 1 })).toBe('1 och 1');
  });
});
