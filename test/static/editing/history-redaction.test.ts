/** History lines of redacted values: shown as removed, never restorable, and no second redaction offered. */
import type { HistoryEntry } from '../../../src/shared/model';
import { historyLines, isRedactable } from '../../../static/app/src/editing/history';
import { historyMessages } from '../../../static/app/src/editing/history-messages';
import { translator } from '../../../static/app/src/i18n/define-messages';
import { CELL_CHANGES } from '../../../static/app/src/editing/change-kinds';
import { historyAt } from '../../storage/storage-fixtures';

/** A cell change that wrote over a note holding a phone number, and a status. */
const entry = (extra: Partial<HistoryEntry>): HistoryEntry =>
  historyAt('p1', 1, {
    initiativeId: 'kbt',
    regionCode: '01',
    changes: [
      { field: 'note', old: 'Ring 070-123 45 67', new: '' },
      { field: 'status', old: 'planning', new: 'pilot' },
    ],
    ...extra,
  });

const REDACTION = { field: 'note', side: 'old', at: '2026-02-02T09:00:00.000Z', by: 'acc-2', byName: 'Eva Redaktör' } as const;

describe('history lines with redactions', () => {
  it('offers no restore of a field with a redacted value, and keeps the other fields restorable', () => {
    const [note, status] = historyLines([entry({ changes: [{ field: 'note', old: null, new: '' }, entry({}).changes[1]!], redactions: [REDACTION] })], [CELL_CHANGES]);
    expect(note).toMatchObject({ field: 'note', restore: null, redacted: { old: REDACTION } });
    expect(status?.restore).not.toBeNull();
    expect(status?.redacted).toEqual({});
  });

  it('offers a redaction of a value that holds something, once', () => {
    const [before] = historyLines([entry({})], [CELL_CHANGES]);
    expect(isRedactable(before!, 'old')).toBe(true);
    expect(isRedactable(before!, 'new')).toBe(false); // empty: nothing to hide
    const [after] = historyLines([entry({ changes: [{ field: 'note', old: null, new: '' }], redactions: [REDACTION] })], [CELL_CHANGES]);
    expect(isRedactable(after!, 'old')).toBe(false);
  });

  it('offers it for what a person typed, not for a status, a month, a date or a flag', () => {
    const lines = historyLines(
      [
        entry({
          changes: [
            { field: 'status', old: 'planning', new: 'pilot' },
            { field: 'pilotStart', old: '2026-03', new: '2026-04' },
            { field: 'contactSince', old: '2026-01-10', new: null },
            { field: 'contactEstablished', old: false, new: true },
            { field: 'regionalContact', old: 'Anna Andersson, 070-123 45 67', new: 'Införandesamordnare' },
            { field: 'note', old: '0701234567', new: 'pilot' },
          ],
        }),
      ],
      [CELL_CHANGES],
    );
    const offered = lines.flatMap((l) => (['old', 'new'] as const).filter((side) => isRedactable(l, side)).map((side) => `${l.field}:${side}`));
    // 'pilot' as a note is a status word, so it is treated as one; the phone number typed alone is offered.
    expect(offered).toEqual(['regionalContact:old', 'regionalContact:new', 'note:old']);
  });

  it('says who removed a value and when, in Swedish and English', () => {
    expect(translator(historyMessages, 'sv')('redactedBy', { name: 'Eva', when: '2 feb. 2026' })).toBe('Borttaget av Eva 2 feb. 2026');
    expect(translator(historyMessages, 'en')('redactedBy', { name: 'Eva', when: '2 Feb 2026' })).toBe('Redacted by Eva 2 Feb 2026');
    expect(translator(historyMessages, 'sv')('redact')).toBe('Ta bort ur historiken');
  });
});
