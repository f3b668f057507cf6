/**
 * Who may read what, where, through the real handler: every reading resolver × every demo user × a page in
 * the programme's own space, a page in another space while the programme is unpublished, and the same page
 * once it is published. Reading the overviews never depends on who the caller is (the pages are public); it
 * depends only on where the macro is and whether the programme is published. The history is the exception:
 * licensed users only. Refusals carry no programme data.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { MUTATING_RESOLVERS, RESOLVER_NAMES, type ResolverName } from '../../src/shared/contract';
import { createHarness, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, embedding, type InfProgramme } from './resolver-fixtures';

const READING = RESOLVER_NAMES.filter((n) => !(MUTATING_RESOLVERS as readonly string[]).includes(n));
const USERS: DemoUserId[] = ['anonymous', 'demo-viewer', 'demo-editor', 'demo-editor-other'];
type Where = 'own space' | 'other space, unpublished' | 'other space, published';
const PLACES: Where[] = ['own space', 'other space, unpublished', 'other space, published'];
const PROGRAMME_NAME = 'Första linjens digitala vård';
/** A cell note, written in the programme's own space: what getDetails returns where the programme may be read. */
const NOTE = 'Kontaktperson utsedd';

let h: Harness;
let inf: InfProgramme;

async function setUp(where: Where): Promise<InvokeOptions> {
  h = createHarness();
  inf = await createInfProgramme(h, { published: where === 'other space, published' });
  const write = await h.invoke('demo-editor', 'updateCell', { initiativeId: inf.initiativeIds[0], regionCode: '01', patch: { note: NOTE }, expected: { note: '' } });
  if (!write.ok) throw new Error('could not write the note');
  return where === 'own space' ? {} : embedding(inf.programmeId);
}

it('covers every resolver that does not write', () => {
  // previewImport, listImports and getBackupPart read for the space's administrators only (decisions 0028, 0029): the authorisation matrix covers them.
  expect([...READING].sort()).toEqual(['getBackupPart', 'getCapabilities', 'getDetails', 'getHistory', 'getHistoryDigest', 'getProgrammeAdmin', 'getProgrammeHistory', 'getView', 'listImports', 'listProgrammes', 'previewImport']);
});

describe.each(USERS.flatMap((user) => PLACES.map((where) => ({ user, where }))))('$user on a page in the $where', ({ user, where }) => {
  let options: InvokeOptions;
  beforeEach(async () => {
    options = await setUp(where);
  });

  const readable = where !== 'other space, unpublished';

  it.each(['getView', 'getHistory', 'getDetails'] as const)(
    readable ? '%s returns the programme’s data' : '%s is refused with PERMISSION unpublished and no data',
    async (name: ResolverName) => {
      const response = await h.invoke(user, name, {}, options);
      if (name === 'getHistory' && user === 'anonymous') {
        // The history may hold values an editor removed: it is for signed-in, licensed users only.
        expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'anonymous' }) });
        expect(JSON.stringify(response)).not.toContain(NOTE);
        return;
      }
      if (readable) {
        expect(response.ok).toBe(true);
        if (name === 'getView') expect(response).toMatchObject({ data: { state: 'ready', programme: { name: PROGRAMME_NAME } } });
        else if (name === 'getDetails') expect(response).toMatchObject({ data: { entries: [{ initiativeId: inf.initiativeIds[0], regionCode: '01', cell: { note: NOTE } }] } });
        else expect(response).toMatchObject({ data: { entries: expect.arrayContaining([expect.objectContaining({ programmeId: inf.programmeId, target: expect.any(String) })]) } });
      } else {
        expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unpublished' }) });
        expect(JSON.stringify(response)).not.toContain(PROGRAMME_NAME);
        expect(JSON.stringify(response)).not.toContain(NOTE);
      }
    },
  );

  it.each(['getProgrammeHistory', 'getHistoryDigest'] as const)(
    readable ? '%s (the space page’s history) gives signed-in readers the changes, anonymous visitors nothing' : '%s is refused with PERMISSION unpublished and no data',
    async (name) => {
      const response = await h.invoke(user, name, { programmeId: inf.programmeId, from: '2020-01-01T00:00:00.000Z' }, options);
      const text = JSON.stringify(response);
      if (user === 'anonymous') {
        // As getHistory: old values and editors' names are for signed-in, licensed users only.
        expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'anonymous' }) });
        expect(text).not.toContain(NOTE);
      } else if (readable) {
        expect(response.ok).toBe(true);
        expect(text).toContain(NOTE);
      } else {
        expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION', reason: 'unpublished' }) });
        expect(text).not.toContain(PROGRAMME_NAME);
        expect(text).not.toContain(NOTE);
      }
    },
  );

  it('getCapabilities never grants editing outside the programme’s own space, nor to anyone but its editor', async () => {
    const response = await h.invoke(user, 'getCapabilities', {}, options);
    expect(response.ok).toBe(true);
    const canEdit = response.ok && (response.data as { canEdit: boolean }).canEdit;
    expect(canEdit).toBe(user === 'demo-editor' && where === 'own space');
  });

  it('getProgrammeAdmin lists only the programmes of the caller’s own space (decision 0022), published or not', async () => {
    const response = await h.invoke(user, 'getProgrammeAdmin', {}, options);
    expect(response.ok).toBe(true);
    const names = response.ok ? response.data.programmes.map((p) => p.name) : [];
    expect(names).toEqual(where === 'own space' ? [PROGRAMME_NAME] : []);
  });

  it('listProgrammes offers the programme only where it may be read', async () => {
    const response = await h.invoke(user, 'listProgrammes', {}, options);
    expect(response.ok).toBe(true);
    const names = response.ok ? (response.data as Array<{ name: string }>).map((p) => p.name) : [];
    expect(names.includes(PROGRAMME_NAME)).toBe(readable);
  });
});
