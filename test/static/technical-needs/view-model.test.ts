import { needsEditorMessages } from '../../../static/app/src/views/technical-needs/editor-messages';
import { technicalNeedsMessages } from '../../../static/app/src/views/technical-needs/messages';
import { bulkBatches, bulkExpected, movedOrder, openParticipants, participantRequiredDone, progressCounts } from '../../../static/app/src/views/technical-needs/view-model';

const p = (regionCode: string, progress: 'not-started' | 'in-progress' | 'done' | 'not-applicable') => ({ regionCode, progress, hasNote: false, updatedAt: null, stale: false });
const need = (id: string, required: boolean, progress: ReturnType<typeof p>[]) =>
  ({ id, title: id, category: 'other', required, description: '', link: null, progress, doneCount: 0, applicableCount: 0 }) as never;

describe('technical-needs view model', () => {
  const entry = {
    initiative: { id: 'i1' },
    plans: [],
    needs: [need('a', true, [p('01', 'done'), p('03', 'in-progress')]), need('b', true, [p('01', 'not-applicable'), p('03', 'done')]), need('c', false, [p('01', 'not-started'), p('03', 'not-started')])],
  } as never;

  it('counts a participant’s required needs that apply, and those done', () => {
    expect(participantRequiredDone(entry, '01')).toEqual({ done: 1, total: 1 });
    expect(participantRequiredDone(entry, '03')).toEqual({ done: 1, total: 2 });
  });

  it('summarises a need per progress and lists who still has it open', () => {
    const n = need('x', true, [p('01', 'done'), p('03', 'in-progress'), p('04', 'not-started'), p('05', 'not-applicable')]);
    expect(progressCounts(n)).toEqual({ 'not-started': 1, 'in-progress': 1, done: 1, 'not-applicable': 1 });
    expect(openParticipants(n)).toEqual(['03', '04']);
  });

  it('moves a need one step, and not past either end', () => {
    expect(movedOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(movedOrder(['a', 'b', 'c'], 'c', 1)).toBeNull();
  });

  it('splits a bulk update into calls of at most 22 participants, only for those that change', () => {
    const codes = Array.from({ length: 50 }, (_, i) => String(i).padStart(2, '0'));
    expect(bulkBatches(codes).map((b) => b.length)).toEqual([22, 22, 6]);
    const n = need('x', true, [p('01', 'done'), p('03', 'in-progress')]);
    expect(bulkExpected(n, ['01', '03'], 'done')).toEqual({ '03': 'in-progress' });
  });

  it('has every text in both languages', () => {
    for (const m of [technicalNeedsMessages, needsEditorMessages] as Array<{ sv: object; en: object }>) {
      expect(Object.keys(m.en).sort()).toEqual(Object.keys(m.sv).sort());
    }
  });
});
