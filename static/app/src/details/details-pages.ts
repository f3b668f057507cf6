/**
 * Reading a getDetails scope to the end: every page, following the cursor until it is null. A failed page
 * fails the whole read, so a caller never mistakes a part for the whole (the CSV export makes no partial
 * file). Pure: the page fetch is passed in.
 */
import type { DetailsEntry, DetailsPage } from '@shared/contract';
import type { AppError, Result } from '@shared/errors';
import type { GetDetailsInput } from '@shared/schemas';
import type { LastChange } from './details-cache';

export type FetchDetailsPage = (payload: GetDetailsInput) => Promise<Result<DetailsPage>>;

export type PagesResult =
  | { ok: true; entries: DetailsEntry[]; lastChange: LastChange | null | undefined }
  | { ok: false; error: AppError }
  /** `shouldStop` said so between pages. */
  | { ok: false; stopped: true };

/** A server that keeps answering with cursors is a bug, not a big programme: stop rather than loop. */
export const MAX_DETAIL_PAGES = 1000;

export interface CollectOptions {
  /** After each page: entries read so far and pages read so far. */
  onPage?(entries: number, pages: number): void;
  /** Checked after each answer; true ends the read (the view was left, or its revision moved on). */
  shouldStop?(): boolean;
}

export async function collectDetailPages(fetchPage: FetchDetailsPage, payload: GetDetailsInput, options: CollectOptions = {}): Promise<PagesResult> {
  const entries: DetailsEntry[] = [];
  const seen = new Set<string>();
  let lastChange: LastChange | null | undefined;
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const res = await fetchPage(cursor === undefined ? payload : { ...payload, cursor });
    if (options.shouldStop?.()) return { ok: false, stopped: true };
    if (!res.ok) return res;
    entries.push(...res.data.entries);
    if (pages === 1) lastChange = res.data.lastChange;
    options.onPage?.(entries.length, pages);
    const next = res.data.cursor;
    if (next === null) return { ok: true, entries, lastChange };
    if (seen.has(next) || pages >= MAX_DETAIL_PAGES) {
      return { ok: false, error: { code: 'INTERNAL', message: `getDetails did not come to an end after ${pages} pages` } };
    }
    seen.add(next);
    cursor = next;
  }
}
