/**
 * The programme's history on the space page (decision 0030) through the real handler: filters by initiative,
 * participant, user and time range, paging without gaps or repeats, who may read it (licensed users who may
 * read the programme there; never anonymous visitors, whose pages never show non-public contacts), bad input
 * as typed errors that write nothing, and the "what changed since" digest.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { digestText } from '../../src/shared/history-digest';
import type { HistoryEntry } from '../../src/shared/model';
import { label, ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';
import { createHarness, dataOf, invokeFromSpacePage, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
/** A time after the fixture's own changes and before the test's. */
let since: string;
const PRIVATE_CONTACT = 'Anna Andersson, 070-123 45 67';

const fromSpacePage = invokeFromSpacePage;

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeAll(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
  await tick();
  since = new Date().toISOString();
  await tick();
  const [first, second] = inf.initiativeIds as [string, string];
  // The editor sets three cells, the administrator one, and a non-public contact is written.
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'planning' }, expected: { status: 'not-started' } }));
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'pilot' }, expected: { status: 'planning' } }));
  dataOf(await h.invoke('demo-editor', 'updateCell', { initiativeId: second, regionCode: '03', patch: { note: 'Avtal klart' }, expected: { note: '' } }));
  dataOf(
    await h.invoke('demo-editor', 'updateContact', {
      initiativeId: second,
      regionCode: '01',
      patch: { regionalContact: PRIVATE_CONTACT, regionalContactPublic: false },
      expected: { regionalContact: '', regionalContactPublic: false },
    }),
  );
  dataOf(await h.invoke('demo-admin', 'updateCell', { initiativeId: second, regionCode: '01', patch: { status: 'live' }, expected: { status: 'not-started' } }));
});

async function allEntries(user: DemoUserId, filter: Record<string, unknown>, limit: number): Promise<{ entries: HistoryEntry[]; calls: number }> {
  const entries: HistoryEntry[] = [];
  let cursor: string | undefined;
  let calls = 0;
  do {
    const page = dataOf(await fromSpacePage(user, 'INF', 'getProgrammeHistory', { programmeId: inf.programmeId, ...filter, limit, cursor }));
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    entries.push(...page.entries);
    cursor = page.cursor ?? undefined;
    calls++;
  } while (cursor);
  return { entries, calls };
}

describe('getProgrammeHistory', () => {
  it('pages through the whole programme newest first without gaps or repeats', async () => {
    const { entries, calls } = await allEntries('demo-viewer', {}, 2);
    expect(calls).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    const once = dataOf(await fromSpacePage('demo-viewer', 'INF', 'getProgrammeHistory', { programmeId: inf.programmeId, limit: 100 }));
    expect(once.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(once.cursor).toBeNull();
  });

  it('filters by initiative, participant, user and time range, alone and together', async () => {
    const [first, second] = inf.initiativeIds as [string, string];
    const all = (await allEntries('demo-viewer', {}, 100)).entries;
    const check = async (filter: Record<string, unknown>, keep: (e: HistoryEntry) => boolean) => {
      const got = (await allEntries('demo-viewer', filter, 2)).entries.map((e) => e.id);
      expect(got).toEqual(all.filter(keep).map((e) => e.id));
      return got;
    };
    expect(await check({ initiativeId: first }, (e) => e.initiativeId === first)).toHaveLength(3);
    await check({ regionCode: '01' }, (e) => e.regionCode === '01');
    expect(await check({ by: 'demo-admin' }, (e) => e.by === 'demo-admin')).toHaveLength(1);
    const after = (e: HistoryEntry) => e.at >= since;
    expect(await check({ from: since }, after)).toHaveLength(5);
    await check({ to: since }, (e) => e.at <= since);
    await check({ initiativeId: second, regionCode: '01', by: 'demo-editor', from: since }, (e) => e.initiativeId === second && e.regionCode === '01' && e.by === 'demo-editor' && after(e));
    await check({ regionCode: '01', by: 'demo-editor' }, (e) => e.regionCode === '01' && e.by === 'demo-editor');
  });

  it('is for licensed users who may read the programme where they are; anonymous visitors and guests get nothing', async () => {
    for (const user of ['demo-viewer', 'demo-editor', 'demo-editor-other', 'demo-admin'] as const) {
      expect(await fromSpacePage(user, 'INF', 'getProgrammeHistory', { programmeId: inf.programmeId })).toMatchObject({ ok: true });
    }
    const anonymous = await fromSpacePage('anonymous', 'INF', 'getProgrammeHistory', { programmeId: inf.programmeId });
    expect(anonymous).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'anonymous' }) });
    const digest = await fromSpacePage('anonymous', 'INF', 'getHistoryDigest', { programmeId: inf.programmeId, from: since });
    expect(digest).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'anonymous' }) });
    // The non-public contact reaches signed-in readers only.
    expect(JSON.stringify(anonymous) + JSON.stringify(digest)).not.toContain(PRIVATE_CONTACT);
    expect(JSON.stringify(await fromSpacePage('demo-viewer', 'INF', 'getProgrammeHistory', { programmeId: inf.programmeId }))).toContain(PRIVATE_CONTACT);
    // From another space's page, an unpublished programme is not readable.
    const elsewhere = await fromSpacePage('demo-editor-other', 'OTHER', 'getProgrammeHistory', { programmeId: inf.programmeId });
    expect(elsewhere).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unpublished' }) });
    expect(JSON.stringify(elsewhere)).not.toContain('Införande 1');
  });

  it.each([
    ['no programme', { programmeId: undefined }, 'VALIDATION', 'programmeId'],
    ['an unknown field', { programmeId: 'x', sql: '1=1' }, 'VALIDATION', 'sql'],
    ['a start after the end', { programmeId: 'x', from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }, 'VALIDATION', 'to'],
    ['a date that is not an ISO time', { programmeId: 'x', from: '1 januari' }, 'VALIDATION', 'from'],
    ['a page over 100', { programmeId: 'x', limit: 101 }, 'VALIDATION', 'limit'],
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'VALIDATION', 'cursor'],
    ['an unknown initiative', { initiativeId: 'no-such' }, 'NOT_FOUND', 'initiativeId'],
    ['an unknown participant', { regionCode: '99' }, 'NOT_FOUND', 'regionCode'],
    ['an unknown programme', { programmeId: 'no-such' }, 'NOT_FOUND', null],
  ] as const)('answers %s with a typed %s error and writes nothing', async (_what, payload, code, path) => {
    const before = h.storeText();
    const full = 'programmeId' in payload ? payload : { programmeId: inf.programmeId, ...payload };
    const response = await fromSpacePage('demo-editor', 'INF', 'getProgrammeHistory', full);
    expect(response).toMatchObject({ ok: false, error: { code } });
    if (path !== null && !response.ok) expect(response.error.issues?.map((i) => i.path)).toContain(path);
    expect(h.storeText()).toBe(before);
  });
});

describe('getHistoryDigest', () => {
  it('groups what changed since a date by initiative → participant with each field’s net change', async () => {
    const [first, second] = inf.initiativeIds as [string, string];
    const digest = dataOf(await fromSpacePage('demo-editor', 'INF', 'getHistoryDigest', { programmeId: inf.programmeId, from: since }));
    expect(digest).toMatchObject({ programmeName: 'Första linjens digitala vård', changes: 5, truncated: false });
    expect(digest.initiatives.map((i) => [i.initiativeId, i.name, i.changes])).toEqual([
      [first, 'Införande 1', 2],
      [second, 'Införande 2', 3],
    ]);
    const stockholm = digest.initiatives[0]!.participants[0]!;
    expect(stockholm).toMatchObject({ regionCode: '01', name: 'Region Stockholm', changes: 2, byNames: [expect.any(String)] });
    // Two changes of the status: from before the first to after the last.
    expect(stockholm.fields).toEqual([{ field: 'status', old: 'not-started', new: 'pilot', changes: 2 }]);
    expect(digest.initiatives[1]!.participants.map((p) => p.regionCode)).toEqual(['01', '03']);

    const sv = digestText(digest, 'sv');
    expect(sv).toContain('Ändringar i Första linjens digitala vård sedan');
    const status = (code: RolloutStatus) => label(ROLLOUT_STATUS_LABELS, code, 'sv');
    expect(sv).toContain(`Status: ${status('not-started')} → ${status('pilot')} (2 gånger)`);
    expect(sv).toMatch(/Införande 1\n {2}Region Stockholm: 2 ändringar, senast/);
    const en = digestText(digest, 'en');
    expect(en).toContain('5 changes in 2 initiatives.');
    expect(en).toContain('Note: – → Avtal klart');
  });

  it('follows the same filter and says nothing changed when nothing did', async () => {
    const digest = dataOf(await fromSpacePage('demo-editor', 'INF', 'getHistoryDigest', { programmeId: inf.programmeId, from: since, by: 'demo-admin', regionCode: '01' }));
    expect(digest.changes).toBe(1);
    expect(digest.filter).toMatchObject({ participant: 'Region Stockholm', user: expect.any(String) });
    const later = new Date(Date.now() + 60_000).toISOString();
    const none = dataOf(await fromSpacePage('demo-editor', 'INF', 'getHistoryDigest', { programmeId: inf.programmeId, from: later }));
    expect(none).toMatchObject({ changes: 0, initiatives: [] });
    expect(digestText(none, 'sv')).toContain('Inga ändringar i perioden.');
  });

  it('needs a start date', async () => {
    const response = await fromSpacePage('demo-editor', 'INF', 'getHistoryDigest', { programmeId: inf.programmeId });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'from' })] } });
  });
});
