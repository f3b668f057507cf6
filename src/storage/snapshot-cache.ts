/**
 * The read path. A public page with four macros is read far more often than it is written, so a warm function
 * keeps the last programme snapshots in memory, stamped with the revision they were read at. Every read first
 * fetches the tiny revision key; if it still matches, the cached snapshot is served, so a warm view costs one
 * small read. Any write anywhere changes the revision, so a cached snapshot is never served stale.
 *
 * Snapshots are shared between invocations: callers must treat them as read-only.
 */
import type { Initiative, Programme } from '../shared/model';
import { listInitiatives } from './initiatives';
import { findDefaultProgrammeForSpace, getProgramme } from './programmes';
import { readRevision } from './revision';

export interface ProgrammeSnapshot {
  programme: Programme;
  initiatives: Initiative[];
  revision: string;
}

let cachedRevision: string | null = null;
const snapshots = new Map<string, ProgrammeSnapshot | null>();
const spaceDefaults = new Map<string, string | null>();

/** Drops everything read under an older revision, so the cache never outgrows one revision's worth of data. */
function cacheAt(revision: string): void {
  if (cachedRevision === revision) return;
  cachedRevision = revision;
  snapshots.clear();
  spaceDefaults.clear();
}

async function loadSnapshot(programmeId: string, revision: string): Promise<ProgrammeSnapshot | null> {
  if (snapshots.has(programmeId)) return snapshots.get(programmeId)!;
  const [programme, initiatives] = await Promise.all([getProgramme(programmeId), listInitiatives(programmeId)]);
  const snapshot = programme ? { programme, initiatives, revision } : null;
  // Cache only if no write happened meanwhile; otherwise the next read loads again.
  if (cachedRevision === revision) snapshots.set(programmeId, snapshot);
  return snapshot;
}

export async function readProgrammeSnapshot(programmeId: string): Promise<ProgrammeSnapshot | null> {
  const revision = await readRevision();
  cacheAt(revision);
  return loadSnapshot(programmeId, revision);
}

/** The snapshot of the space's default (oldest) programme, or null when the space has none. */
export async function readDefaultProgrammeSnapshot(spaceKey: string): Promise<ProgrammeSnapshot | null> {
  const revision = await readRevision();
  cacheAt(revision);
  let programmeId = spaceDefaults.get(spaceKey);
  if (programmeId === undefined) {
    programmeId = (await findDefaultProgrammeForSpace(spaceKey))?.id ?? null;
    if (cachedRevision === revision) spaceDefaults.set(spaceKey, programmeId);
  }
  return programmeId === null ? null : loadSnapshot(programmeId, revision);
}

/** For tests and benchmarks: the next read is cold. */
export function resetReadCache(): void {
  cachedRevision = null;
  snapshots.clear();
  spaceDefaults.clear();
}
