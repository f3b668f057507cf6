import type { HistoryEntry } from '../../../src/shared/model';
import { historyLines } from '../../../static/app/src/editing/history';
import { editingMessages } from '../../../static/app/src/editing/messages';
import { translator } from '../../../static/app/src/i18n/define-messages';
import { CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES } from '../../../static/app/src/editing/change-kinds';
import { rolloutEditorMessages } from '../../../static/app/src/views/rollout-status/editor-messages';
import { fieldLabel, formatFieldValue } from '../../../static/app/src/views/rollout-status/field-labels';

const sv = translator(rolloutEditorMessages, 'sv');
const svEditing = translator(editingMessages, 'sv');
/** The rollout-status view's registry, as its history dialog gets it (without the texts and requests). */
const KINDS = [CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES];

function entry(extra: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 'h1',
    programmeId: 'p1',
    initiativeId: 'kbt',
    regionCode: '01',
    needId: null,
    target: 'cell',
    action: 'update',
    at: '2026-02-01T10:00:00.000Z',
    by: 'acc-1',
    byName: 'Anna Andersson',
    changes: [],
    ...extra,
  };
}

describe('history lines', () => {
  it('gives one line per changed field, each restorable to its old value as a new change', () => {
    const lines = historyLines([
      entry({
        changes: [
          { field: 'status', old: 'planning', new: 'pilot' },
          { field: 'pilotStart', old: null, new: '2026-03' },
        ],
      }),
    ], KINDS);
    expect(lines.map((l) => l.field)).toEqual(['status', 'pilotStart']);
    expect(lines[0].restore).toEqual({
      kind: 'cell',
      payload: { initiativeId: 'kbt', regionCode: '01', patch: { status: 'planning' }, expected: { status: 'pilot' } },
    });
    expect(lines[1].restore).toEqual({
      kind: 'cell',
      payload: { initiativeId: 'kbt', regionCode: '01', patch: { pilotStart: null }, expected: { pilotStart: '2026-03' } },
    });
  });

  it('restores an initiative detail through upsertInitiative, expecting the value the change produced', () => {
    const lines = historyLines([
      entry({
        target: 'initiative',
        regionCode: null,
        changes: [
          { field: 'name', old: 'Video i 1177', new: 'Video i 1177 på telefon' },
          { field: 'nationalPilotStart', old: null, new: '2026-04' },
        ],
      }),
    ], KINDS);
    expect(lines.map((l) => l.restore)).toEqual([
      { kind: 'initiative', payload: { id: 'kbt', patch: { name: 'Video i 1177' }, expected: { name: 'Video i 1177 på telefon' } } },
      { kind: 'initiative', payload: { id: 'kbt', patch: { nationalPilotStart: null }, expected: { nationalPilotStart: '2026-04' } } },
    ]);
  });

  it('offers no restore for creations, archiving, fields that are not details, or values the rules refuse', () => {
    const lines = historyLines([
      entry({ id: 'h2', action: 'create', changes: [{ field: 'status', old: undefined, new: 'planning' }] }),
      entry({ id: 'h3', changes: [{ field: 'link', old: 'javascript:alert(1)', new: 'https://inera.se' }] }),
      entry({ id: 'h4', target: 'initiative', action: 'archive', regionCode: null, changes: [{ field: 'archived', old: false, new: true }] }),
      entry({ id: 'h5', target: 'initiative', regionCode: null, changes: [{ field: 'order', old: 1, new: 2 }] }),
      entry({ id: 'h6', target: 'initiative', regionCode: null, changes: [{ field: 'name', old: '', new: 'B' }] }),
    ], KINDS);
    expect(lines.map((l) => l.restore)).toEqual([null, null, null, null, null]);
  });
});

describe('the registry of change kinds', () => {
  it('gives each line the first kind that describes its entry; a kind without restore shows only', () => {
    const lines = historyLines(
      [
        entry({ id: 'c', changes: [{ field: 'note', old: 'a', new: 'b' }] }),
        entry({ id: 'i', target: 'initiative', regionCode: null, changes: [{ field: 'summary', old: 'a', new: 'b' }] }),
        entry({ id: 'n', target: 'need', changes: [{ field: 'title', old: 'a', new: 'b' }] }),
      ],
      KINDS,
    );
    expect(lines.map((l) => [l.kind, l.restore?.kind ?? null])).toEqual([
      ['cell', 'cell'],
      ['initiative', 'initiative'],
      ['other', null],
    ]);
    expect(historyLines([entry({ changes: [{ field: 'note', old: 'a', new: 'b' }] })], [])[0]).toMatchObject({ kind: null, restore: null });
  });
});

describe('values in words', () => {
  it('uses the product vocabulary for keys and the reader’s language for months and flags', () => {
    expect(formatFieldValue('status', 'rollout', 'sv', svEditing)).toBe('Breddinförande pågår');
    expect(formatFieldValue('phase', 'genomforande', 'sv', svEditing)).toBe('Genomförande');
    expect(formatFieldValue('pilotStart', '2026-03', 'sv', svEditing)).toBe('mars 2026');
    expect(formatFieldValue('contactEstablished', true, 'sv', svEditing)).toBe('Ja');
    expect(formatFieldValue('link', null, 'sv', svEditing)).toBe('–');
    expect(formatFieldValue('status', 'live', 'en', translator(editingMessages, 'en'))).toBe('Live');
  });

  it('names fields as the forms do, and keeps an unknown field’s own name', () => {
    expect(fieldLabel(sv, 'pilotStart')).toBe('Planerad pilot, start');
    expect(fieldLabel(sv, 'nationalBroadEnd')).toBe('Nationellt fönster för breddinförande, slut');
    expect(fieldLabel(sv, 'somethingNew')).toBe('somethingNew');
  });
});
