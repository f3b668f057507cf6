/**
 * Backup and restore of a whole programme (decision 0029) through the real handler: a programme is backed
 * up in pages from the space page, restored part by part into a fresh, empty installation, and every
 * overview and every detail of the restored programme is what it was. A changed, truncated or foreign file
 * is refused with a typed error before anything is written.
 */
import type { DatasetSize } from '../../bench/datasets';
import { assembleBackup, checkBackupDocument, type BackupDocument } from '../../src/shared/backup-format';
import { LIMITS } from '../../src/shared/schemas';
import { download, everything, headerOf, restore, seedForBackup, sha256 } from '../helpers/backup-roundtrip';
import { createHarness, dataOf, type Harness, invokeFromSpacePage as fromSpacePage } from '../helpers/forge-harness';

const REQUEST_LIMIT = 512_000;
const RESPONSE_LIMIT = 5_242_880;

describe.each<[DatasetSize, boolean]>([
  ['M', true],
  ['L', false],
])('backup of %s restored into an empty installation', (size, rateLimits) => {
  it('reproduces every overview and every detail, keeping the ids', async () => {
    const source = createHarness();
    const programmeId = await seedForBackup(source, size);
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
    const programmeId = await seedForBackup(source, 'S');
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

  it('restores records stored with surrounding spaces (the digests cover the file as sent, not as the schema trims it)', async () => {
    const source = createHarness();
    const programmeId = await seedForBackup(source, 'S', ({ programme, initiatives }) => {
      programme.description = 'Beskrivning med mellanslag på slutet ';
      initiatives[0].name = ' Införande med mellanslag ';
    });
    const spaced = (await download(programmeId)).document;
    expect((await checkBackupDocument(JSON.stringify(spaced), sha256)).problems).toEqual([]);
    target = createHarness();
    await restore(spaced);
    const names = dataOf(await target.invoke('demo-viewer', 'getView', { locale: 'sv', includeArchived: false })) as unknown as { initiatives?: { name: string }[] };
    expect(JSON.stringify(names)).toContain('Införande med mellanslag');
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
