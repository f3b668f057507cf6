/**
 * Backup and restore of a whole programme (decision 0029) through the real handler: a programme is backed
 * up in pages from the space page, restored part by part into a fresh, empty installation, and every
 * overview and every detail of the restored programme is what it was. A changed, truncated or foreign file
 * is refused with a typed error before anything is written.
 */
import { createHash } from 'node:crypto';
import { buildDataset, type DatasetSize } from '../../bench/datasets';
import type { DemoUserId } from '../../dev/demo-users';
import {
  assembleBackup,
  checkBackupDocument,
  partDigestInput as canonical,
  type BackupDocument,
  type BackupHeader,
  type BackupPart,
} from '../../src/shared/backup-format';
import type { HistoryEntry } from '../../src/shared/model';
import { LIMITS } from '../../src/shared/schemas';
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { seedProgramme } from '../../src/storage';
import { createHarness, dataOf, type Harness, invokeFromSpacePage as fromSpacePage } from '../helpers/forge-harness';

const sha256 = async (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const NOW = new Date('2026-11-15T10:00:00.000Z');
const REQUEST_LIMIT = 512_000;
const RESPONSE_LIMIT = 5_242_880;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

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

/** Seeds a dataset as INF's programme, with history, and some edits made through the app. */
async function seed(h: Harness, size: DatasetSize): Promise<string> {
  const { programme, initiatives } = buildDataset(size, 'INF', NOW);
  await h.kvs.withoutRateLimits(() => seedProgramme(programme, initiatives, historyOf(programme.id, initiatives.map((i) => i.id), 300)));
  // One edit through the app, so the history also holds an entry written by an edit.
  const [first] = initiatives;
  const code = programme.participants[0].code;
  const note = first.cells[code]?.note ?? '';
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first.id, regionCode: code, patch: { note: 'Ändrad efter sådd' }, expected: { note } }));
  return programme.id;
}

/** What every overview and the whole programme's details show, apart from the revision token. */
async function everything(h: Harness, user: DemoUserId): Promise<unknown> {
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

/** Downloads the backup page by page, as the space page does, checking each answer's size. */
async function download(programmeId: string): Promise<{ document: BackupDocument; largestResponse: number; pages: number }> {
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
      expect(await sha256(canonical(part))).toBe(digest);
      parts.push(part);
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return { document: await assembleBackup(programme!, exportedAt, parts, sha256), largestResponse, pages };
}

const headerOf = (document: BackupDocument): BackupHeader => {
  const { parts: _parts, ...header } = document;
  return header;
};

/** Restores a document into the context's space step by step; the largest request is returned. */
async function restore(document: BackupDocument, spaceKey: 'INF' | 'EMPTY' = 'INF'): Promise<{ largestRequest: number; revision: string }> {
  const header = headerOf(document);
  let largestRequest = 0;
  for (const step of ['check', 'write'] as const) {
    for (let index = 0; index < document.parts.length; index++) {
      const payload = { step, header, index, part: document.parts[index] };
      largestRequest = Math.max(largestRequest, bytes(payload));
      dataOf(await fromSpacePage('demo-admin', spaceKey, 'restoreBackup', payload));
    }
  }
  const done = dataOf(await fromSpacePage('demo-admin', spaceKey, 'restoreBackup', { step: 'finish', header }));
  return { largestRequest, revision: done.revision! };
}

describe.each<[DatasetSize, boolean]>([
  ['M', true],
  ['L', false],
])('backup of %s restored into an empty installation', (size, rateLimits) => {
  it('reproduces every overview and every detail, keeping the ids', async () => {
    const source = createHarness();
    const programmeId = await seed(source, size);
    const before = { editor: await everything(source, 'demo-editor'), anonymous: await everything(source, 'anonymous') };
    const { document, largestResponse, pages } = await download(programmeId);
    expect(largestResponse).toBeLessThan(RESPONSE_LIMIT);
    expect(pages).toBeGreaterThan(2);
    expect(document.counts.initiatives).toBe(50);
    expect(document.counts.history).toBeGreaterThan(300);
    const text = JSON.stringify(document);
    expect((await checkBackupDocument(text, sha256)).problems).toEqual([]);

    const target = createHarness();
    const run = () => restore(document);
    const { largestRequest } = rateLimits ? await run() : await target.kvs.withoutRateLimits(run);
    expect(largestRequest).toBeLessThan(REQUEST_LIMIT);
    expect({ editor: await everything(target, 'demo-editor'), anonymous: await everything(target, 'anonymous') }).toEqual(before);
  }, 240_000);
});

describe('restore', () => {
  let document: BackupDocument;
  let target: Harness;
  beforeEach(async () => {
    const source = createHarness();
    const programmeId = await seed(source, 'S');
    document = (await download(programmeId)).document;
    target = createHarness();
  });

  const check = (doc: BackupDocument, index = 0, part = doc.parts[index]) =>
    fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'check', header: headerOf(doc), index, part });

  it('keeps a half-finished restore invisible, and shows it only after the last step, with a new revision', async () => {
    const header = headerOf(document);
    for (let index = 0; index < document.parts.length; index++) {
      dataOf(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'write', header, index, part: document.parts[index] }));
    }
    expect(dataOf(await target.invoke('demo-viewer', 'getView', { locale: 'sv', includeArchived: false }))).toMatchObject({ state: 'no-programme' });
    expect(dataOf(await fromSpacePage('demo-admin', 'INF', 'getProgrammeAdmin', {})).programmes).toEqual([]);
    // Resuming: a part sent again is written again, harmlessly.
    dataOf(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'write', header, index: 0, part: document.parts[0] }));
    const before = dataOf(await target.invoke('demo-viewer', 'getView', { locale: 'sv', includeArchived: false })).revision;
    const done = dataOf(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'finish', header }));
    expect(done.revision).not.toBe(before);
    expect(dataOf(await target.invoke('demo-viewer', 'getView', { locale: 'sv', includeArchived: false }))).toMatchObject({ state: 'ready' });
    // Once finished, the programme is never overwritten by a late part.
    expect(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'write', header, index: 0, part: document.parts[0] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('restores into another empty space (the space page of EMPTY), which then owns the programme', async () => {
    await restore(document, 'EMPTY');
    const admin = dataOf(await fromSpacePage('demo-admin', 'EMPTY', 'getProgrammeAdmin', {}));
    expect(admin.programmes).toEqual([expect.objectContaining({ id: document.programme.id, name: document.programme.name })]);
  });

  it('refuses a part changed after the file was saved, and writes nothing', async () => {
    const before = target.storeText();
    const changed = structuredClone(document);
    const part = changed.parts.find((p) => p.kind === 'initiatives')!;
    if (part.kind === 'initiatives') part.initiatives[0].name = 'Ändrad för hand';
    expect(await check(changed, changed.parts.indexOf(part))).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'part' }] } });
    expect(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'write', header: headerOf(changed), index: changed.parts.indexOf(part), part })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await checkBackupDocument(JSON.stringify(changed), sha256)).problems).toEqual([expect.objectContaining({ kind: 'part-digest' })]);
    expect(target.storeText()).toBe(before);
  });

  it('refuses a changed header (checksum), another version and another format', async () => {
    const before = target.storeText();
    const renamed = { ...structuredClone(document), programme: { ...document.programme, name: 'Annat namn' } };
    expect(await check(renamed)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'header.checksum' }] } });
    expect((await checkBackupDocument(JSON.stringify(renamed), sha256)).problems).toEqual([expect.objectContaining({ kind: 'checksum' })]);
    const v2 = { ...document, version: 2 };
    expect(await check(v2 as unknown as BackupDocument)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'header.version' })] } });
    expect((await checkBackupDocument(JSON.stringify(v2), sha256)).problems).toEqual([expect.objectContaining({ kind: 'version' })]);
    expect((await checkBackupDocument(JSON.stringify({ ...document, format: 'other' }), sha256)).problems).toEqual([expect.objectContaining({ kind: 'format' })]);
    expect(target.storeText()).toBe(before);
  });

  it('finds a truncated file, and refuses to finish a restore with parts missing', async () => {
    const text = JSON.stringify(document);
    expect((await checkBackupDocument(text.slice(0, text.length - 100), sha256)).problems).toEqual([{ kind: 'json', part: null, path: '' }]);
    const short = { ...document, parts: document.parts.slice(0, -1) };
    expect((await checkBackupDocument(JSON.stringify(short), sha256)).problems).toEqual([expect.objectContaining({ kind: 'truncated' })]);
    const header = headerOf(document);
    for (let index = 0; index < short.parts.length; index++) {
      dataOf(await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'write', header, index, part: short.parts[index] }));
    }
    const finish = await fromSpacePage('demo-admin', 'INF', 'restoreBackup', { step: 'finish', header });
    expect(finish).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: `parts.${document.parts.length - 1}` }] } });
    expect(dataOf(await target.invoke('demo-viewer', 'getView', { locale: 'sv', includeArchived: false }))).toMatchObject({ state: 'no-programme' });
  });

  it('refuses text over the shared limits (and says where), even with a matching checksum', async () => {
    const before = target.storeText();
    const long = structuredClone(document);
    const index = long.parts.findIndex((p) => p.kind === 'initiatives');
    const part = long.parts[index];
    if (part.kind === 'initiatives') part.initiatives[0].summary = 'x'.repeat(LIMITS.summary + 1);
    const rebuilt = await assembleBackup(long.programme, long.exportedAt, long.parts, sha256);
    const response = await check(rebuilt, index);
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'part.initiatives.0.summary', kind: 'too-long' })] } });
    expect((await checkBackupDocument(JSON.stringify(rebuilt), sha256)).problems).toEqual([expect.objectContaining({ kind: 'schema', part: index, path: 'initiatives.0.summary' })]);
    expect(target.storeText()).toBe(before);
  });

  it('refuses a space that has a programme, and anyone but the space administrators', async () => {
    await restore(document);
    const again = await check(document);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const fresh = createHarness();
    const before = fresh.storeText();
    for (const user of ['demo-editor', 'demo-viewer', 'anonymous'] as const) {
      const response = await fromSpacePage(user, 'INF', 'restoreBackup', { step: 'check', header: headerOf(document), index: 0, part: document.parts[0] });
      expect(response).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
      expect(await fromSpacePage(user, 'INF', 'getBackupPart', { programmeId: document.programme.id })).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    }
    expect(fresh.storeText()).toBe(before);
  });
});
