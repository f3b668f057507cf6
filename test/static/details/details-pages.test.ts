import type { DetailsEntry, DetailsPage } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { DEFAULT_CELL_DETAILS } from '../../../src/shared/model';
import type { GetDetailsInput } from '../../../src/shared/schemas';
import { collectDetailPages, MAX_DETAIL_PAGES } from '../../../static/app/src/details/details-pages';

const entry = (initiativeId: string): DetailsEntry => ({ initiativeId, regionCode: '01', cell: DEFAULT_CELL_DETAILS, needNotes: {} });

/** A getDetails that answers from a list of pages, recording what it was asked. */
function pagedServer(pages: Array<Result<DetailsPage>>) {
  const asked: GetDetailsInput[] = [];
  const fetchPage = async (payload: GetDetailsInput) => {
    asked.push(payload);
    const page = pages[asked.length - 1];
    if (!page) throw new Error(`asked for page ${asked.length}, there are ${pages.length}`);
    return page;
  };
  return { asked, fetchPage };
}

const ok = (entries: DetailsEntry[], cursor: string | null, lastChange?: DetailsPage['lastChange']): Result<DetailsPage> => ({
  ok: true,
  data: { entries, cursor, ...(lastChange !== undefined ? { lastChange } : {}) },
});

describe('reading a details scope to the end', () => {
  it('follows the cursor until it is null, in order, with the same scope on every page', async () => {
    const server = pagedServer([ok([entry('a'), entry('b')], 'c1'), ok([entry('c')], 'c2'), ok([entry('d')], null)]);
    const progress: Array<[number, number]> = [];
    const result = await collectDetailPages(server.fetchPage, { regionCode: '01' }, { onPage: (n, p) => progress.push([n, p]) });
    expect(result.ok && result.entries.map((e) => e.initiativeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(server.asked).toEqual([{ regionCode: '01' }, { regionCode: '01', cursor: 'c1' }, { regionCode: '01', cursor: 'c2' }]);
    expect(progress).toEqual([
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it('passes on who changed a single cell', async () => {
    const server = pagedServer([ok([entry('a')], null, { at: '2026-03-02T09:15:00.000Z', byName: 'Anna' })]);
    const result = await collectDetailPages(server.fetchPage, { initiativeId: 'a', regionCode: '01' });
    expect(result.ok && result.lastChange).toEqual({ at: '2026-03-02T09:15:00.000Z', byName: 'Anna' });
  });

  it('fails as a whole when any page fails, keeping none of the pages before it', async () => {
    const limited: Result<DetailsPage> = { ok: false, error: { code: 'LIMIT', message: 'rate limited' } };
    const server = pagedServer([ok([entry('a')], 'c1'), limited]);
    const result = await collectDetailPages(server.fetchPage, {});
    expect(result).toEqual(limited);
  });

  it('stops between pages when told to, without asking for the next', async () => {
    let stop = false;
    const server = pagedServer([ok([entry('a')], 'c1'), ok([entry('b')], null)]);
    const result = await collectDetailPages(server.fetchPage, {}, { onPage: () => (stop = true), shouldStop: () => stop });
    // The first answer is in before the check; the stop is seen after the second, which is not used.
    expect(result.ok).toBe(false);
    expect(server.asked.length).toBeLessThanOrEqual(2);
    expect('stopped' in result && result.stopped).toBe(true);
  });

  it('gives up with an error rather than loop when the server hands back a cursor it gave before', async () => {
    const server = pagedServer([ok([entry('a')], 'same'), ok([entry('b')], 'same'), ok([], null)]);
    const result = await collectDetailPages(server.fetchPage, {});
    expect(result.ok).toBe(false);
    expect('error' in result && result.error.code).toBe('INTERNAL');
    expect(server.asked).toHaveLength(2);
  });

  it('has a page limit far above any real programme (50 initiatives × 290 participants at 100 a page is 145)', () => {
    expect(MAX_DETAIL_PAGES).toBeGreaterThan(145);
  });
});
