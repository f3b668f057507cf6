import { kvs } from '@forge/kvs';
import { queryHistory, seedProgramme } from '../../src/storage';
import { AppFailure } from '../../src/shared/errors';
import type { HistoryEntry } from '../../src/shared/model';
import { createHarness } from '../helpers/forge-harness';
import { historyAt, regionalProgramme } from './storage-fixtures';

const REGIONS = ['01', '03', '04'];

/** Follows the cursor through every page, as the UI's "show more" does. */
async function allPages(query: Omit<Parameters<typeof queryHistory>[0], 'cursor'>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await queryHistory({ ...query, cursor });
    expect(page.entries.length).toBeLessThanOrEqual(query.limit);
    ids.push(...page.entries.map((e) => e.id));
    cursor = page.cursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('queryHistory', () => {
  let entries: HistoryEntry[];

  beforeEach(async () => {
    createHarness();
    // 250 changes over two initiatives and three regions, one minute apart; one programme-level entry.
    entries = Array.from({ length: 250 }, (_, n) =>
      historyAt('prog-s', n, {
        initiativeId: n % 2 === 0 ? 'init-a' : 'init-b',
        regionCode: REGIONS[n % 3]!,
        ...(n % 5 === 0 ? { by: 'acc-other', byName: 'Olle Annan' } : {}),
      }),
    );
    entries.push(historyAt('prog-s', 250, { target: 'programme', action: 'reorder' }));
    await seedProgramme(regionalProgramme(), [], entries);
  });

  const newestFirst = (list: HistoryEntry[]) => [...list].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.id);

  it('pages through a programme newest first, without gaps or repeats', async () => {
    const first = await queryHistory({ programmeId: 'prog-s', limit: 20 });
    expect(first.entries[0]?.id).toBe('h-0250');
    expect(first.entries[0]?.initiativeId).toBeNull();
    expect((await allPages({ programmeId: 'prog-s', limit: 20 })).ids).toEqual(newestFirst(entries));
  });

  it('filters by region across storage pages, handing out each match once', async () => {
    const result = await allPages({ programmeId: 'prog-s', regionCode: '03', limit: 7 });
    expect(result.ids).toEqual(newestFirst(entries.filter((e) => e.regionCode === '03')));
  });

  it('filters by initiative and by initiative and region', async () => {
    expect((await allPages({ programmeId: 'prog-s', initiativeId: 'init-b', limit: 50 })).ids).toEqual(
      newestFirst(entries.filter((e) => e.initiativeId === 'init-b')),
    );
    expect((await allPages({ programmeId: 'prog-s', initiativeId: 'init-a', regionCode: '04', limit: 50 })).ids).toEqual(
      newestFirst(entries.filter((e) => e.initiativeId === 'init-a' && e.regionCode === '04')),
    );
  });

  it('filters by user, by date range and by both with an initiative or a participant (decision 0030)', async () => {
    const at = (n: number) => Date.UTC(2026, 0, 1) + n * 60_000;
    const byUser = entries.filter((e) => e.by === 'acc-other');
    expect(byUser.length).toBeGreaterThan(0);
    expect((await allPages({ programmeId: 'prog-s', by: 'acc-other', limit: 9 })).ids).toEqual(newestFirst(byUser));
    // Inclusive bounds on `at`.
    const inRange = (e: HistoryEntry) => Date.parse(e.at) >= at(100) && Date.parse(e.at) <= at(149);
    expect((await allPages({ programmeId: 'prog-s', from: at(100), to: at(149), limit: 20 })).ids).toEqual(newestFirst(entries.filter(inRange)));
    expect((await allPages({ programmeId: 'prog-s', from: at(240), limit: 20 })).ids).toEqual(newestFirst(entries.filter((e) => Date.parse(e.at) >= at(240))));
    expect((await allPages({ programmeId: 'prog-s', to: at(3), limit: 20 })).ids).toEqual(['h-0003', 'h-0002', 'h-0001', 'h-0000']);
    const combined = (e: HistoryEntry) => e.by === 'acc-other' && e.regionCode === '03' && e.initiativeId === 'init-b' && inRange(e);
    expect(
      (await allPages({ programmeId: 'prog-s', by: 'acc-other', initiativeId: 'init-b', regionCode: '03', from: at(100), to: at(149), limit: 3 })).ids,
    ).toEqual(newestFirst(entries.filter(combined)));
    const byRegion = (e: HistoryEntry) => e.by === 'acc-other' && e.regionCode === '04';
    expect((await allPages({ programmeId: 'prog-s', by: 'acc-other', regionCode: '04', limit: 4 })).ids).toEqual(newestFirst(entries.filter(byRegion)));
  });

  it('ends a page early at its byte budget or its storage-page budget, and the cursor goes on from there', async () => {
    const small = await allPages({ programmeId: 'prog-s', limit: 50, maxBytes: 1000 });
    expect(small.ids).toEqual(newestFirst(entries));
    expect(small.pages).toBeGreaterThan(entries.length / 10);
    // An initiative's 125 changes, none by this user: the call reads one storage page and says there is more to read.
    const first = await queryHistory({ programmeId: 'prog-s', initiativeId: 'init-a', by: 'nobody', limit: 50, maxPages: 1 });
    expect(first.entries).toEqual([]);
    expect(first.cursor).not.toBeNull();
  });

  it('leaves entries written without the `by` attribute out of the user index only', async () => {
    createHarness();
    const old = historyAt('prog-s', 1, { regionCode: '01' });
    await seedProgramme(regionalProgramme(), [], [old]);
    // As an entry written before decision 0030: the same record without the top-level `by`.
    const record = (await kvs.entity<Record<string, unknown>>('history').get(old.id))!;
    delete record.by;
    await kvs.entity<Record<string, unknown>>('history').set(old.id, record);
    expect((await queryHistory({ programmeId: 'prog-s', by: 'acc-editor', limit: 5 })).entries).toEqual([]);
    expect((await queryHistory({ programmeId: 'prog-s', regionCode: '01', limit: 5 })).entries.map((e) => e.by)).toEqual(['acc-editor']);
  });

  it('never returns another programme’s entries', async () => {
    expect((await queryHistory({ programmeId: 'prog-other', initiativeId: 'init-a', limit: 50 })).entries).toEqual([]);
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(queryHistory({ programmeId: 'prog-s', limit: 5, cursor: 'not-a-cursor' })).rejects.toThrow(AppFailure);
  });

  it('refuses a well-formed cursor with a storage cursor it never gave (forged, or from another list) as VALIDATION', async () => {
    const forged = Buffer.from(JSON.stringify({ c: 'forged-storage-cursor', s: 0 })).toString('base64url');
    const error = await queryHistory({ programmeId: 'prog-s', limit: 5, cursor: forged }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'cursor' }] });
    // A cursor of one initiative's history, replayed for the whole programme.
    const ofOne = await queryHistory({ programmeId: 'prog-s', initiativeId: 'init-a', limit: 5 });
    const replayed = await queryHistory({ programmeId: 'prog-s', limit: 5, cursor: ofOne.cursor! }).catch((e: unknown) => e);
    expect((replayed as AppFailure).error).toMatchObject({ code: 'VALIDATION' });
  });
});
