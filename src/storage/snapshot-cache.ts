/**
 * The read path. A public page with four macros is read far more often than it is written, so a warm function
 * keeps the last programme snapshots in memory, stamped with the revision they were read at. Every read first
 * fetches the tiny revision key; if it still matches, the cached snapshot is served, so a warm view costs one
 * small read. Any write anywhere changes the revision, so a cached snapshot is never served stale.
 *
 * Forge shares warm processes across installations (tenants), and every installation has its own storage, so
 * the cache is partitioned by installation (`installContext`): one installation's data is never served to
 * another, even when both happen to hold the same revision token. Only a few installations are kept.
 *
 * Snapshots hold only what the overviews draw (decision 0017); details are read on demand. Snapshots are
 * shared between invocations: callers must treat them as read-only.
 */
import type { Initiative, Programme } from '../shared/model';
import { addNeedProgress, listInitiatives, readNeedProgress } from './initiatives';
import { findDefaultProgrammeForSpace, getProgramme } from './programmes';
import { readRevision } from './revision';
import type { UnreadableRecord } from './unreadable';

export interface ProgrammeSnapshot {
  programme: Programme;
  /** The readable ones: an unreadable record is left out and listed in `unreadable`. */
  initiatives: Initiative[];
  unreadable: UnreadableRecord[];
  revision: string;
}

/** Initiatives made whole with their needs' progress, and the progress records that could not be read. */
export interface WholeInitiatives {
  initiatives: Initiative[];
  unreadable: UnreadableRecord[];
}

interface InstallationCache {
  revision: string;
  snapshots: Map<string, ProgrammeSnapshot | null>;
  spaceDefaults: Map<string, string | null>;
  /** By programme: its initiatives made whole with their needs' progress (the technical-needs overview). */
  whole: Map<string, WholeInitiatives>;
}

/** How many installations a warm process keeps; the least recently used is dropped first. */
const MAX_INSTALLATIONS = 8;
const caches = new Map<string, InstallationCache>();

/** The installation's cache at `revision`: anything read under an older revision is dropped. */
function cacheAt(installation: string, revision: string): InstallationCache {
  let cache = caches.get(installation);
  caches.delete(installation);
  if (!cache || cache.revision !== revision) cache = { revision, snapshots: new Map(), spaceDefaults: new Map(), whole: new Map() };
  caches.set(installation, cache);
  while (caches.size > MAX_INSTALLATIONS) caches.delete(caches.keys().next().value as string);
  return cache;
}

async function loadSnapshot(installation: string, cache: InstallationCache, programmeId: string): Promise<ProgrammeSnapshot | null> {
  if (cache.snapshots.has(programmeId)) return cache.snapshots.get(programmeId)!;
  const unreadable: UnreadableRecord[] = [];
  const [programme, initiatives] = await Promise.all([getProgramme(programmeId), listInitiatives(programmeId, unreadable)]);
  const snapshot = programme ? { programme, initiatives, unreadable, revision: cache.revision } : null;
  // Cache only if no write happened meanwhile; otherwise the next read loads again.
  if (caches.get(installation) === cache) cache.snapshots.set(programmeId, snapshot);
  return snapshot;
}

export async function readProgrammeSnapshot(installation: string, programmeId: string): Promise<ProgrammeSnapshot | null> {
  const cache = cacheAt(installation, await readRevision());
  return loadSnapshot(installation, cache, programmeId);
}

/** The snapshot of the space's default (oldest) programme, or null when the space has none. */
export async function readDefaultProgrammeSnapshot(installation: string, spaceKey: string): Promise<ProgrammeSnapshot | null> {
  const cache = cacheAt(installation, await readRevision());
  let programmeId = cache.spaceDefaults.get(spaceKey);
  if (programmeId === undefined) {
    programmeId = (await findDefaultProgrammeForSpace(spaceKey))?.id ?? null;
    if (caches.get(installation) === cache) cache.spaceDefaults.set(spaceKey, programmeId);
  }
  return programmeId === null ? null : loadSnapshot(installation, cache, programmeId);
}

/**
 * The snapshot's initiatives with their needs' progress, which only the technical-needs overview draws: one
 * more indexed read when cold, none when warm at the same revision.
 */
export async function readInitiativesWithProgress(installation: string, snapshot: ProgrammeSnapshot): Promise<WholeInitiatives> {
  const id = snapshot.programme.id;
  const cached = caches.get(installation);
  const current = cached && cached.revision === snapshot.revision ? cached : undefined;
  const hit = current?.whole.get(id);
  if (hit) return hit;
  const unreadable: UnreadableRecord[] = [];
  const whole = { initiatives: addNeedProgress(snapshot.initiatives, await readNeedProgress(id), unreadable), unreadable };
  if (current && caches.get(installation) === current) current.whole.set(id, whole);
  return whole;
}

/** For tests and benchmarks: the next read is cold. */
export function resetReadCache(): void {
  caches.clear();
}
