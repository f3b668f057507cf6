/**
 * redactHistoryWith: the one storage write of a history entry after it was recorded. The entry is
 * overwritten in place (still in every index it was in), conditioned on its version, so two redactions
 * of the same entry at once both land and neither writes back the value the other removed.
 */
import { redactEntry } from '../../src/domain/history-redaction';
import type { HistoryEntry } from '../../src/shared/model';
import { getHistoryEntry, queryHistory, redactHistoryWith, seedProgramme } from '../../src/storage';
import { createHarness, type Harness } from '../helpers/forge-harness';
import { historyAt, regionalProgramme } from './storage-fixtures';

const EDITOR = { by: 'acc-editor', byName: 'Eva Redaktör', at: '2026-03-01T10:00:00.000Z' };

let h: Harness;
let entry: HistoryEntry;

beforeEach(async () => {
  h = createHarness();
  entry = historyAt('prog-s', 1, {
    initiativeId: 'init-a',
    regionCode: '01',
    changes: [
      { field: 'note', old: '', new: 'Ring 070-123 45 67' },
      { field: 'regionalContact', old: '', new: 'anna@example.se' },
    ],
  });
  await seedProgramme(regionalProgramme(), [], [entry, historyAt('prog-s', 2, { initiativeId: 'init-a', regionCode: '01' })]);
});

describe('redactHistoryWith', () => {
  it('overwrites the entry in place: the value is gone and the entry stays in its indexes', async () => {
    await redactHistoryWith(entry.id, 'prog-s', (e) => redactEntry(e, { field: 'note', side: 'new' }, EDITOR));
    expect(h.storeText()).not.toContain('070-123');
    const cell = await queryHistory({ programmeId: 'prog-s', initiativeId: 'init-a', regionCode: '01', limit: 10 });
    expect(cell.entries.map((e) => e.id)).toEqual(['h-0002', entry.id]);
    expect(cell.entries[1]?.changes[0]).toEqual({ field: 'note', old: '', new: null });
    expect(cell.entries[1]?.redactions).toEqual([{ field: 'note', side: 'new', ...EDITOR }]);
  });

  it('lands both of two simultaneous redactions of one entry, neither undoing the other', async () => {
    const results = await Promise.all([
      redactHistoryWith(entry.id, 'prog-s', (e) => redactEntry(e, { field: 'note', side: 'new' }, EDITOR)),
      redactHistoryWith(entry.id, 'prog-s', (e) => redactEntry(e, { field: 'regionalContact', side: 'new' }, EDITOR)),
    ]);
    expect(results.every((r) => r.changed)).toBe(true);
    const stored = await getHistoryEntry(entry.id);
    expect(stored?.changes.map((c) => c.new)).toEqual([null, null]);
    expect(stored?.redactions?.map((r) => r.field).sort()).toEqual(['note', 'regionalContact']);
    expect(h.storeText()).not.toMatch(/070-123|anna@example/);
  });

  it('writes nothing when there is nothing to change, and refuses an entry of another programme', async () => {
    const before = h.storeText();
    expect((await redactHistoryWith(entry.id, 'prog-s', () => null)).changed).toBe(false);
    await expect(redactHistoryWith(entry.id, 'prog-other', (e) => e)).rejects.toMatchObject({ error: { code: 'NOT_FOUND' } });
    await expect(redactHistoryWith('h-none', 'prog-s', (e) => e)).rejects.toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(h.storeText()).toBe(before);
  });
});
