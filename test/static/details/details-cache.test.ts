import type { DetailsEntry } from '../../../src/shared/contract';
import { DEFAULT_CELL_DETAILS } from '../../../src/shared/model';
import { DetailsCache, NO_DETAILS, scopeKey, scopePayload } from '../../../static/app/src/details/details-cache';

const NOTE = { note: 'Avtal klart', link: null, regionalContact: 'Eva Berg', nationalContact: '' };
const entry = (initiativeId: string, regionCode: string, cell = NOTE, needNotes: Record<string, string> = {}): DetailsEntry => ({
  initiativeId,
  regionCode,
  cell,
  needNotes,
});
const ANNA = { at: '2026-03-02T09:15:00.000Z', byName: 'Anna Lindqvist' };

describe('details cache: what is known without asking', () => {
  it('knows that a cell the view marks as having no details has none, and does not know the others', () => {
    const cache = new DetailsCache('r1');
    expect(cache.lookup('kbt', '01', false)).toBe(NO_DETAILS);
    expect(cache.lookup('kbt', '01', true)).toBeUndefined();
  });

  it('knows a read cell, with who changed it when the read was for that one cell', () => {
    const cache = new DetailsCache('r1');
    expect(cache.acceptScope({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' }, [entry('kbt', '01')], ANNA, 'r1')).toBe(true);
    expect(cache.lookup('kbt', '01', true)).toEqual({ cell: NOTE, needNotes: {}, lastChange: ANNA });
    expect(cache.lastChange('kbt', '01')).toEqual(ANNA);
    // Anonymous readers are told nothing: null, not "not asked".
    cache.acceptScope({ kind: 'cell', initiativeId: 'kbt', regionCode: '03' }, [entry('kbt', '03')], null, 'r1');
    expect(cache.lastChange('kbt', '03')).toBeNull();
  });

  it('counts a participant missing from a scope read to the end as having no details', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1');
    expect(cache.lookup('kbt', '01', true)?.cell).toEqual(NOTE);
    expect(cache.lookup('kbt', '04', true)).toBe(NO_DETAILS);
    // Another initiative is not covered by kbt's scope.
    expect(cache.lookup('chatt', '04', true)).toBeUndefined();
    // A scope read carries no "who changed it": still not asked.
    expect(cache.lastChange('kbt', '01')).toBeUndefined();
  });

  it('covers a region across every initiative after a region read', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'region', regionCode: '03' }, [entry('kbt', '03')], undefined, 'r1');
    expect(cache.isComplete({ kind: 'region', regionCode: '03' })).toBe(true);
    expect(cache.lookup('chatt', '03', true)).toBe(NO_DETAILS);
    expect(cache.lookup('chatt', '01', true)).toBeUndefined();
  });

  it('keeps who changed a cell when a scope read brings the same cell again', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' }, [entry('kbt', '01')], ANNA, 'r1');
    cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1');
    expect(cache.lastChange('kbt', '01')).toEqual(ANNA);
  });
});

describe('details cache: revisions and saves', () => {
  it('drops what was read when the view shows a new revision', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1');
    expect(cache.sync('r1')).toBe(false);
    expect(cache.sync('r2')).toBe(true);
    expect(cache.lookup('kbt', '01', true)).toBeUndefined();
    expect(cache.lookup('kbt', '04', true)).toBeUndefined();
    expect(cache.isComplete({ kind: 'initiative', initiativeId: 'kbt' })).toBe(false);
  });

  it('lets a list keep showing the old revision’s details while it reads again, but nobody else', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1');
    cache.sync('r2');
    expect(cache.lookup('kbt', '01', true, { allowStale: true })?.cell).toEqual(NOTE);
    expect(cache.lookup('kbt', '04', true, { allowStale: true })).toBe(NO_DETAILS);
    expect(cache.lookup('kbt', '01', true)).toBeUndefined();
  });

  it('refuses a read made for a revision the view has left', () => {
    const cache = new DetailsCache('r1');
    cache.sync('r2');
    expect(cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1')).toBe(false);
    expect(cache.lookup('kbt', '01', true)).toBeUndefined();
  });

  it('shows a saved cell’s details at once and keeps them through the reload the save causes', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' }, [entry('kbt', '01')], ANNA, 'r1');
    const saved = { ...NOTE, note: 'Avtal påskrivet' };
    cache.saved('kbt', '01', saved, 'r2');
    expect(cache.lookup('kbt', '01', true)?.cell).toEqual(saved);
    // Who saved it is not known here: the cell is to be read again.
    expect(cache.lastChange('kbt', '01')).toBeUndefined();
    expect(cache.isComplete({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' })).toBe(false);
    cache.sync('r2');
    expect(cache.lookup('kbt', '01', true)?.cell).toEqual(saved);
  });

  it('does not let a read that was on its way during a save overwrite what the save returned', () => {
    const cache = new DetailsCache('r1');
    const saved = { ...DEFAULT_CELL_DETAILS, note: 'Ny' };
    cache.saved('kbt', '01', saved, 'r2');
    cache.acceptScope({ kind: 'initiative', initiativeId: 'kbt' }, [entry('kbt', '01')], undefined, 'r1');
    expect(cache.lookup('kbt', '01', true)?.cell).toEqual(saved);
  });

  it('forgets who changed cells whose status was saved, and keeps their details', () => {
    const cache = new DetailsCache('r1');
    cache.acceptScope({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' }, [entry('kbt', '01')], ANNA, 'r1');
    cache.statusSaved('kbt', ['01', '03'], 'r2');
    expect(cache.lastChange('kbt', '01')).toBeUndefined();
    expect(cache.isComplete({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' })).toBe(false);
    cache.sync('r2');
    expect(cache.lookup('kbt', '01', true)?.cell).toEqual(NOTE);
    expect(cache.lookup('kbt', '03', true)).toBeUndefined();
  });
});

describe('scopes', () => {
  it('asks getDetails for exactly what each scope names', () => {
    expect(scopePayload({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' })).toEqual({ initiativeId: 'kbt', regionCode: '01' });
    expect(scopePayload({ kind: 'initiative', initiativeId: 'kbt' })).toEqual({ initiativeId: 'kbt' });
    expect(scopePayload({ kind: 'region', regionCode: '01' })).toEqual({ regionCode: '01' });
    expect(scopePayload({ kind: 'programme' })).toEqual({});
  });

  it('names each scope apart', () => {
    const keys = [
      scopeKey({ kind: 'cell', initiativeId: 'kbt', regionCode: '01' }),
      scopeKey({ kind: 'initiative', initiativeId: '01' }),
      scopeKey({ kind: 'region', regionCode: '01' }),
      scopeKey({ kind: 'programme' }),
    ];
    expect(new Set(keys).size).toBe(4);
  });
});
