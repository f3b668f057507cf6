/**
 * What the reader has fetched of the participants' details (notes, links, contacts, need notes), for the
 * life of one view. The overviews carry only a flag per cell (`hasDetails`, `hasNote`); the details come
 * from getDetails on demand (decision 0017), and this cache keeps them so a popover opened twice, or a
 * list and its CSV, ask only once.
 *
 * Every entry is tagged with the view revision it belongs to. A new revision means something was written:
 * entries of another revision are dropped (a write's own result is tagged with the revision it produced,
 * so it survives the reload that follows it). Lists may keep showing the dropped entries while they fetch
 * again (`allowStale`), so contacts do not blink after every save; popovers and forms never do.
 *
 * Pure: no React, no invoke.
 */
import type { DetailsEntry, DetailsPage } from '@shared/contract';
import type { GetDetailsInput } from '@shared/schemas';
import { DEFAULT_CELL_DETAILS, type CellDetails } from '@shared/model';

export type LastChange = NonNullable<DetailsPage['lastChange']>;

/** What getDetails can be asked for: one cell, one initiative, one participant everywhere, or everything. */
export type DetailsScope =
  | { kind: 'cell'; initiativeId: string; regionCode: string }
  | { kind: 'initiative'; initiativeId: string }
  | { kind: 'region'; regionCode: string }
  | { kind: 'programme' };

export interface KnownDetails {
  cell: CellDetails;
  /** By need id; only needs with a note. */
  needNotes: Readonly<Record<string, string>>;
  /**
   * Who changed the cell last and when: only a one-cell read carries it. undefined = not asked yet; null =
   * nothing recorded, or the reader is anonymous.
   */
  lastChange?: LastChange | null;
}

export const NO_DETAILS: Readonly<KnownDetails> = Object.freeze({ cell: DEFAULT_CELL_DETAILS, needNotes: Object.freeze({}) });

export function scopeKey(scope: DetailsScope): string {
  switch (scope.kind) {
    case 'cell':
      return `cell:${scope.initiativeId}:${scope.regionCode}`;
    case 'initiative':
      return `initiative:${scope.initiativeId}`;
    case 'region':
      return `region:${scope.regionCode}`;
    case 'programme':
      return 'programme';
  }
}

export function scopePayload(scope: DetailsScope): GetDetailsInput {
  switch (scope.kind) {
    case 'cell':
      return { initiativeId: scope.initiativeId, regionCode: scope.regionCode };
    case 'initiative':
      return { initiativeId: scope.initiativeId };
    case 'region':
      return { regionCode: scope.regionCode };
    case 'programme':
      return {};
  }
}

export function cellKey(initiativeId: string, regionCode: string): string {
  return `${initiativeId}:${regionCode}`;
}

/** The scopes that hold a cell: when one of them has been read to the end, a cell missing from it has no details. */
function coveringScopes(initiativeId: string, regionCode: string): string[] {
  return [
    scopeKey({ kind: 'cell', initiativeId, regionCode }),
    scopeKey({ kind: 'initiative', initiativeId }),
    scopeKey({ kind: 'region', regionCode }),
    scopeKey({ kind: 'programme' }),
  ];
}

interface Tagged {
  value: KnownDetails;
  revision: string;
}

interface Generation {
  entries: Map<string, Tagged>;
  /** Scopes read to the end, by scope key, with the revision they were read in. */
  complete: Map<string, string>;
}

const emptyGeneration = (): Generation => ({ entries: new Map(), complete: new Map() });

export class DetailsCache {
  private current: Generation = emptyGeneration();
  /** What the previous revision knew: shown by lists until they have fetched again. */
  private previous: Generation = emptyGeneration();
  private rev: string;

  constructor(revision: string) {
    this.rev = revision;
  }

  get revision(): string {
    return this.rev;
  }

  /**
   * The view now shows `revision`. Entries of any other revision are dropped (kept only as the stale
   * fallback); returns whether anything changed.
   */
  sync(revision: string): boolean {
    if (revision === this.rev) return false;
    const kept = emptyGeneration();
    const dropped = emptyGeneration();
    for (const [key, tagged] of this.current.entries) (tagged.revision === revision ? kept : dropped).entries.set(key, tagged);
    for (const [key, tag] of this.current.complete) (tag === revision ? kept : dropped).complete.set(key, tag);
    this.current = kept;
    this.previous = dropped;
    this.rev = revision;
    return true;
  }

  /**
   * A cell's details: what was fetched, or nothing to fetch because the view says it has none, or because
   * a scope that holds it was read to the end without it. undefined = not known (fetch it).
   */
  lookup(initiativeId: string, regionCode: string, hasDetails: boolean, options: { allowStale?: boolean } = {}): KnownDetails | undefined {
    const found = this.find(this.current, initiativeId, regionCode, hasDetails);
    if (found || !options.allowStale) return found;
    return this.find(this.previous, initiativeId, regionCode, hasDetails);
  }

  private find(generation: Generation, initiativeId: string, regionCode: string, hasDetails: boolean): KnownDetails | undefined {
    const entry = generation.entries.get(cellKey(initiativeId, regionCode));
    if (entry) return entry.value;
    if (!hasDetails) return NO_DETAILS;
    return coveringScopes(initiativeId, regionCode).some((k) => generation.complete.has(k)) ? NO_DETAILS : undefined;
  }

  /** Who changed the cell last, if a one-cell read has told (see KnownDetails.lastChange). */
  lastChange(initiativeId: string, regionCode: string): LastChange | null | undefined {
    return this.current.entries.get(cellKey(initiativeId, regionCode))?.value.lastChange;
  }

  isComplete(scope: DetailsScope): boolean {
    return this.current.complete.has(scopeKey(scope));
  }

  /**
   * Every page of a scope, read in `revision`. Refused (false) when the view has moved on meanwhile: what
   * was read may already be out of date, and the reader asks again for the new revision.
   */
  acceptScope(scope: DetailsScope, entries: readonly DetailsEntry[], lastChange: LastChange | null | undefined, revision: string): boolean {
    if (revision !== this.rev) return false;
    for (const e of entries) {
      const key = cellKey(e.initiativeId, e.regionCode);
      const existing = this.current.entries.get(key);
      // A save made while this read was on its way is newer than what the read found.
      if (existing && existing.revision !== revision) continue;
      const before = existing?.value;
      const change = scope.kind === 'cell' ? (lastChange ?? null) : before?.lastChange;
      this.current.entries.set(key, { value: { cell: e.cell, needNotes: e.needNotes, lastChange: change }, revision });
    }
    this.current.complete.set(scopeKey(scope), revision);
    return true;
  }

  /**
   * A cell was saved: its details are what the save returned, tagged with the revision the save produced.
   * Who changed it is now unknown here (the reader's own name is not known to the UI): asked again when shown.
   */
  saved(initiativeId: string, regionCode: string, details: CellDetails, revision: string): void {
    const key = cellKey(initiativeId, regionCode);
    const needNotes = this.current.entries.get(key)?.value.needNotes ?? this.previous.entries.get(key)?.value.needNotes ?? {};
    this.current.entries.set(key, { value: { cell: details, needNotes }, revision });
    this.current.complete.delete(scopeKey({ kind: 'cell', initiativeId, regionCode }));
    this.previous.entries.delete(key);
  }

  /** Statuses were saved (bulk edit): the details are unchanged, who changed the cells last is not. */
  statusSaved(initiativeId: string, regionCodes: readonly string[], revision: string): void {
    for (const code of regionCodes) {
      const key = cellKey(initiativeId, code);
      const before = this.current.entries.get(key)?.value;
      if (before) this.current.entries.set(key, { value: { cell: before.cell, needNotes: before.needNotes }, revision });
      this.current.complete.delete(scopeKey({ kind: 'cell', initiativeId, regionCode: code }));
    }
  }
}
