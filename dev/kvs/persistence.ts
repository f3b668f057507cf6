/**
 * Persisting the store to one JSON file. Writes are atomic — the snapshot
 * goes to a temporary file in the same directory, is flushed, then renamed
 * over the target — so a crash mid-write leaves either the old or the new
 * file, never a torn one. A file that exists but can't be parsed is an
 * error: silently starting empty would lose the developer's data.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StoreSnapshot } from './store';

/**
 * A process killed between writing its temporary file and renaming it leaves that file behind (empty, or
 * a full snapshot that never became current). It is never read: the target is the only truth. Loading
 * removes such leftovers so they do not pile up next to the data.
 */
function removeLeftoverTemporaryFiles(path: string): string[] {
  const dir = dirname(path);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(path)}.`;
  const leftovers = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  for (const name of leftovers) rmSync(join(dir, name), { force: true });
  return leftovers;
}

export function loadSnapshot(path: string): StoreSnapshot | undefined {
  removeLeftoverTemporaryFiles(path);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let parsed: StoreSnapshot;
  try {
    parsed = JSON.parse(text) as StoreSnapshot;
  } catch (e) {
    throw new Error(`Local KVS file ${path} is not valid JSON (${(e as Error).message}); fix or delete it`);
  }
  if (parsed?.version !== 1 || typeof parsed.spaces !== 'object' || parsed.spaces === null) {
    throw new Error(`Local KVS file ${path} has an unknown format`);
  }
  return parsed;
}

export function saveSnapshot(path: string, snapshot: StoreSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
