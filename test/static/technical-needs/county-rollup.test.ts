import type { Participant } from '@shared/model';
import { buildCountyTodo, countyNeedDone, countyRequiredDone, entryOf, type Need } from '../../../static/app/src/views/technical-needs/view-model';

/** Technical needs grouped by county (decision 0027): the roll-ups a county's row and its to-do list show. */
const p = (regionCode: string, progress: 'not-started' | 'in-progress' | 'done' | 'not-applicable') => ({ regionCode, progress, hasNote: false, updatedAt: null, stale: false });
const need = (id: string, required: boolean, progress: ReturnType<typeof p>[]) =>
  ({ id, title: id, category: 'other', required, description: '', link: null, progress, doneCount: 0, applicableCount: 0 }) as never;
const m = (code: string): Participant => ({ code, name: `Kommun ${code}`, short: code, group: '12' });

const county = [m('1214'), m('1230'), m('1231')];
const entry = {
  initiative: { id: 'i1', name: 'Alfa' },
  plans: [],
  needs: [
    need('a', true, [p('1214', 'done'), p('1230', 'in-progress'), p('1231', 'not-applicable'), p('0114', 'done')]),
    need('b', true, [p('1214', 'done'), p('1230', 'done'), p('1231', 'not-started'), p('0114', 'not-started')]),
    need('c', false, [p('1214', 'done'), p('1230', 'done'), p('1231', 'done'), p('0114', 'not-started')]),
    need('d', false, [p('1214', 'in-progress'), p('1230', 'not-applicable'), p('1231', 'done'), p('0114', 'done')]),
  ],
} as never;

describe('a county’s roll-up in technical needs', () => {
  it('counts a need done of the municipalities it applies to, leaving out those outside the county', () => {
    const [a, b] = (entry as { needs: never[] }).needs;
    expect(countyNeedDone('i1', a!, county)).toEqual({ done: 1, total: 2 });
    expect(countyNeedDone('i1', b!, county)).toEqual({ done: 2, total: 3 });
  });

  it('counts the municipalities with every required need that applies done', () => {
    // 1214: a, b done; 1230: a in progress; 1231: a n/a, b not started.
    expect(countyRequiredDone(entry, county)).toEqual({ done: 1, total: 3 });
  });

  it('lists the open required needs first, then the optional, and what is done everywhere last', () => {
    const todo = buildCountyTodo([entry], county);
    expect(todo.map((i) => [i.need.id, i.open.map((o) => o.code)])).toEqual([
      ['a', ['1230']],
      ['b', ['1231']],
      ['d', ['1214']],
      ['c', []],
    ]);
  });

  it('follows what an optimistic save shows', () => {
    const [a] = (entry as { needs: never[] }).needs;
    const lookup = (_i: string, n: Need, code: string) => (code === '1230' ? p('1230', 'done') : entryOf(n, code));
    expect(countyNeedDone('i1', a!, county, lookup)).toEqual({ done: 2, total: 2 });
  });
});
