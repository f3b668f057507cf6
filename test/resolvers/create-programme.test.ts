/**
 * One programme per space (issue 12, finding 3a): createProgramme refuses a space that already has one, as
 * getCapabilities says, and writes nothing; of two editors creating at once in an empty space, one wins.
 */
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});

const EMPTY = { pageId: '3001' };

it('a space that already has a programme is refused with CONFLICT, and nothing is written', async () => {
  const first = dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Första' }, EMPTY));
  const before = h.storeText();

  const second = await h.invoke('demo-editor', 'createProgramme', { name: 'Andra' }, EMPTY);

  expect(second).toEqual({
    ok: false,
    error: expect.objectContaining({ code: 'CONFLICT', current: { programmeId: first.id, name: 'Första' } }),
  });
  expect(h.storeText()).toBe(before);
});

it('getCapabilities and createProgramme agree before and after the first programme', async () => {
  const capsBefore = dataOf(await h.invoke('demo-editor', 'getCapabilities', {}, EMPTY));
  expect(capsBefore.canCreateProgramme).toBe(true);
  expect((await h.invoke('demo-editor', 'createProgramme', { name: 'Första' }, EMPTY)).ok).toBe(true);

  const capsAfter = dataOf(await h.invoke('demo-editor', 'getCapabilities', {}, EMPTY));
  expect(capsAfter.canCreateProgramme).toBe(false);
  expect((await h.invoke('demo-editor', 'createProgramme', { name: 'Andra' }, EMPTY)).ok).toBe(false);
});

it('two editors creating in an empty space at the same moment: exactly one programme is created', async () => {
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, n) => h.invoke('demo-editor', 'createProgramme', { name: `Program ${n}` }, EMPTY)),
  );

  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const listed = dataOf(await h.invoke('demo-editor', 'listProgrammes', {}, EMPTY)).filter((p) => p.spaceKey === 'EMPTY');
  expect(listed).toHaveLength(1);
});

it('the claim that keeps a space to one programme is never offered as a programme', async () => {
  dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Första' }, EMPTY));
  const view = await h.invoke('anonymous', 'getView', {}, { pageId: '3001', config: { programmeId: 'space:EMPTY' } });
  // Not a programme id a macro may name: treated as no programme, and nothing of the claim is read.
  expect(view).toMatchObject({ ok: true, data: { state: 'no-programme' } });
});
