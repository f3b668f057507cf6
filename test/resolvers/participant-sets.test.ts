/**
 * Participant sets (decision 0027) through the real handler: a programme is created with the 21 regions, the
 * 290 municipalities grouped by county, or a custom list; from a macro on an empty page by its editors, or
 * from the space page by the space's administrators only. A bad list is refused by line and writes nothing.
 */
import { createHarness, dataOf, type Harness, invokeFromSpacePage as fromSpacePage } from '../helpers/forge-harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});

const EMPTY = { pageId: '3001' };

async function participantsOnEmptyPage() {
  const view = dataOf(await h.invoke('demo-editor', 'getView', {}, EMPTY));
  if (view.state !== 'ready') throw new Error(`no programme: ${view.state}`);
  return view.programme.participants;
}

it('creates a programme with the 21 regions when no set is given, as before', async () => {
  dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Regioner' }, EMPTY));
  const participants = await participantsOnEmptyPage();
  expect(participants).toHaveLength(21);
  expect(participants.every((p) => p.group === undefined)).toBe(true);
});

it('creates a programme with the 290 municipalities, each grouped by its county', async () => {
  dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Kommuner', participantSet: 'municipalities' }, EMPTY));
  const participants = await participantsOnEmptyPage();
  expect(participants).toHaveLength(290);
  expect(new Set(participants.map((p) => p.code)).size).toBe(290);
  expect(participants.find((p) => p.code === '0180')).toMatchObject({ name: 'Stockholm', group: '01' });
  expect(participants.find((p) => p.code === '2584')).toMatchObject({ name: 'Kiruna', group: '25' });
  // 21 counties, each with at least one municipality.
  expect(new Set(participants.map((p) => p.group)).size).toBe(21);
  const history = dataOf(await h.invoke('demo-editor', 'getHistory', {}, EMPTY));
  expect(history.entries.find((e) => e.target === 'programme' && e.action === 'create')?.changes).toEqual(
    expect.arrayContaining([{ field: 'participantSet', old: null, new: 'municipalities' }]),
  );
});

it('creates a programme with a custom list, in the order given', async () => {
  const participants = [
    { code: 'B', name: 'Beta', short: 'B' },
    { code: 'A', name: 'Alfa', short: 'A' },
  ];
  dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Egen', participantSet: 'custom', participants }, EMPTY));
  expect(await participantsOnEmptyPage()).toEqual(participants);
});

describe('a bad participant set is refused by line, and nothing is written', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a duplicate code', { participantSet: 'custom', participants: [{ code: 'A', name: 'Alfa', short: 'A' }, { code: 'A', name: 'Annan', short: 'An' }] }, 'participants.1.code'],
    ['an empty list', { participantSet: 'custom', participants: [] }, 'participants'],
    ['a custom set without a list', { participantSet: 'custom' }, 'participants'],
    ['a list with another set', { participantSet: 'municipalities', participants: [{ code: 'A', name: 'Alfa', short: 'A' }] }, 'participants'],
    ['an invalid code', { participantSet: 'custom', participants: [{ code: 'a b', name: 'Alfa', short: 'A' }] }, 'participants.0.code'],
    ['a name with a direction override', { participantSet: 'custom', participants: [{ code: 'A', name: '\u202Eevil', short: 'A' }] }, 'participants.0.name'],
    ['too many', { participantSet: 'custom', participants: Array.from({ length: 291 }, (_, k) => ({ code: `K${k}`, name: `K ${k}`, short: `K${k}` })) }, 'participants'],
    ['an unknown set', { participantSet: 'provinces' }, 'participantSet'],
  ];
  it.each(cases)('%s', async (_what, set, path) => {
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'createProgramme', { name: 'Fel', ...set }, EMPTY);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    expect(response.error.issues?.map((i) => i.path)).toContain(path);
    expect(h.storeText()).toBe(before);
  });
});

describe('from the space page', () => {
  it('the space administrator creates the programme of an empty space', async () => {
    const created = dataOf(await fromSpacePage('demo-admin', 'EMPTY', 'createProgramme', { name: 'Kommuner', participantSet: 'municipalities' }));
    expect(created.spaceKey).toBe('EMPTY');
    const admin = dataOf(await fromSpacePage('demo-admin', 'EMPTY', 'getProgrammeAdmin', {}));
    expect(admin.programmes).toEqual([expect.objectContaining({ name: 'Kommuner', participantCount: 290 })]);
  });

  it.each([
    ['demo-editor', 'not-space-admin'],
    ['demo-viewer', 'not-space-admin'],
    ['anonymous', 'anonymous'],
  ] as const)('%s, who does not administer the space, is refused and nothing is written', async (user, reason) => {
    const before = h.storeText();
    const response = await fromSpacePage(user, 'EMPTY', 'createProgramme', { name: 'Nej' });
    expect(response).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason } });
    expect(h.storeText()).toBe(before);
  });

  it('a space that already has a programme is refused with CONFLICT', async () => {
    dataOf(await fromSpacePage('demo-admin', 'EMPTY', 'createProgramme', { name: 'Första' }));
    const before = h.storeText();
    expect(await fromSpacePage('demo-admin', 'EMPTY', 'createProgramme', { name: 'Andra' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.storeText()).toBe(before);
  });
});

it('a custom name longer than the custom limit is refused at its line', async () => {
  const response = await h.invoke('demo-editor', 'createProgramme', { name: 'Fel', participantSet: 'custom', participants: [{ code: 'A', name: 'x'.repeat(101), short: 'A' }] }, EMPTY);
  expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (!response.ok) expect(response.error.issues?.map((i) => i.path)).toContain('participants.0.name');
});
