/**
 * A programme's backup downloaded page by page and restored part by part through the real handler, as the
 * space page does it (decision 0029). Shared by the jest round-trip test and the L-max bench
 * (bench/backup-restore.ts), so both drive exactly the same steps.
 */
import { createHash } from 'node:crypto';
import { buildDataset, type DatasetSize } from '../../bench/datasets';
import type { DemoUserId } from '../../dev/demo-users';
import { assembleBackup, partDigestInput as canonical, type BackupDocument, type BackupHeader, type BackupPart } from '../../src/shared/backup-format';
import type { HistoryEntry } from '../../src/shared/model';
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { seedProgramme } from '../../src/storage';
import { dataOf, type Harness, invokeFromSpacePage as fromSpacePage } from './forge-harness';

export const sha256 = async (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const NOW = new Date('2026-11-15T10:00:00.000Z');
export const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function historyOf(programmeId: string, initiativeIds: string[], count: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, k) => ({
    id: `h${String(k).padStart(5, '0')}`,
    programmeId,
    initiativeId: initiativeIds[k % initiativeIds.length],
    regionCode: '01',
    needId: null,
    target: 'cell',
    action: 'update',
    at: new Date(NOW.getTime() - (count - k) * 60_000).toISOString(),
    by: 'demo-editor',
    byName: 'Eva Redaktör',
    changes: [{ field: 'status', old: 'planning', new: 'pilot' }],
  }));
}

/** Seeds a dataset as INF's programme, with history, and one edit made through the app. */
export async function seedForBackup(h: Harness, size: DatasetSize, adjust?: (data: ReturnType<typeof buildDataset>) => void): Promise<string> {
  const data = buildDataset(size, 'INF', NOW);
  adjust?.(data);
  const { programme, initiatives } = data;
  await h.kvs.withoutRateLimits(() => seedProgramme(programme, initiatives, historyOf(programme.id, initiatives.map((i) => i.id), 300)));
  // One edit through the app, so the history also holds an entry written by an edit.
  const [first] = initiatives;
  const code = programme.participants[0].code;
  const note = first.cells[code]?.note ?? '';
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first.id, regionCode: code, patch: { note: 'Ändrad efter sådd' }, expected: { note } }));
  return programme.id;
}

/** What every overview and the whole programme's details show, apart from the revision token. */
export async function everything(h: Harness, user: DemoUserId): Promise<unknown> {
  const views: Record<string, unknown> = {};
  for (const macro of MACRO_KEYS) {
    for (const locale of ['sv', 'en']) {
      const view = dataOf(await h.invoke(user, 'getView', { locale, includeArchived: true }, { moduleKey: macro })) as { revision?: unknown };
      // The revision and the time the view was built differ by nature; everything drawn must not.
      views[`${macro}-${locale}`] = { ...view, revision: null, generatedAt: null };
    }
  }
  const details: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = dataOf(await h.invoke(user, 'getDetails', cursor ? { cursor } : {}));
    details.push(page);
    cursor = (page as { cursor?: string | null }).cursor ?? undefined;
  } while (cursor);
  return { views, details };
}

export const headerOf = (document: BackupDocument): BackupHeader => {
  const { parts: _parts, ...header } = document;
  return header;
};

/** Downloads the backup page by page, as the space page does, checking each part against its digest. */
export async function download(programmeId: string): Promise<{ document: BackupDocument; largestResponse: number; pages: number }> {
  let cursor: string | undefined;
  let programme = null;
  let exportedAt = '';
  const parts: BackupPart[] = [];
  let largestResponse = 0;
  let pages = 0;
  do {
    const response = await fromSpacePage('demo-admin', 'INF', 'getBackupPart', cursor ? { programmeId, cursor } : { programmeId });
    largestResponse = Math.max(largestResponse, bytes(response));
    pages++;
    const page = dataOf(response);
    programme ??= page.programme;
    exportedAt ||= page.exportedAt;
    for (const { part, digest } of page.parts) {
      if ((await sha256(canonical(part))) !== digest) throw new Error(`Part ${parts.length} does not match its digest`);
      parts.push(part);
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return { document: await assembleBackup(programme!, exportedAt, parts, sha256), largestResponse, pages };
}

/** Restores a document into the context's space step by step (dry run, write, finish); the largest request is returned. */
export async function restore(document: BackupDocument, spaceKey: 'INF' | 'EMPTY' = 'INF'): Promise<{ largestRequest: number; revision: string; calls: number }> {
  const header = headerOf(document);
  let largestRequest = 0;
  let calls = 0;
  for (const step of ['check', 'write'] as const) {
    for (let index = 0; index < document.parts.length; index++) {
      const payload = { step, header, index, part: document.parts[index] };
      largestRequest = Math.max(largestRequest, bytes(payload));
      calls++;
      dataOf(await fromSpacePage('demo-admin', spaceKey, 'restoreBackup', payload));
    }
  }
  calls++;
  const done = dataOf(await fromSpacePage('demo-admin', spaceKey, 'restoreBackup', { step: 'finish', header }));
  return { largestRequest, revision: done.revision!, calls };
}
