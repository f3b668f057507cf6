import { translator } from '../../../static/app/src/i18n/define-messages';
import { cellNameParts, formatRange } from '../../../static/app/src/views/rollout-status/labels';
import { editingMessages } from '../../../static/app/src/editing/messages';
import { rolloutEditorMessages } from '../../../static/app/src/views/rollout-status/editor-messages';
import { rolloutStatusMessages } from '../../../static/app/src/views/rollout-status/messages';

const sv = translator(rolloutStatusMessages, 'sv');
const en = translator(rolloutStatusMessages, 'en');

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
  ['shared editing', editingMessages],
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

describe('a cell button’s name', () => {
  const where = { region: 'Region Uppsala', initiative: 'Digital KBT' };
  it('says where the cell is, and in edit mode that it edits', () => {
    expect(cellNameParts({ stale: false, warnings: [] }, where, { editing: false, pending: false }, sv)).toEqual({
      prefix: 'Region Uppsala, Digital KBT:',
      suffix: '',
    });
    expect(cellNameParts({ stale: false, warnings: [] }, where, { editing: true, pending: false }, en).prefix).toBe('Edit Region Uppsala, Digital KBT:');
  });

  it('puts the markers that are only icons on screen into words', () => {
    const warnings = [{ code: 'active-without-contact' as const, params: { status: 'pilot' } }];
    expect(cellNameParts({ stale: true, warnings }, where, { editing: false, pending: true }, sv).suffix).toBe('. Behöver ses över. 1 varning. Sparar');
  });
});
