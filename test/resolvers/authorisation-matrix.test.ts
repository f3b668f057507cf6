/**
 * The authorisation matrix, generated (issue 12): every resolver × every kind of caller × a page in the
 * programme's own space, another space, or an empty space that embeds it × the programme published or not.
 *
 * The expected answer of each cell comes from `expected` below, which restates the permission model of
 * ../shared/design/architecture.md as rules, independently of src/resolvers/access.ts. Each cell asserts:
 * - the answer (success, or the typed error with its reason);
 * - that getCapabilities, asked by the same caller on the same page, agrees with what the writes do;
 * - that a refused call (and any read) left the store byte-for-byte as it was, and an allowed write did not.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { MUTATING_RESOLVERS, type ResolverName } from '../../src/shared/contract';
import type { DenialReason, ErrorCode } from '../../src/shared/errors';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, validPayloads, WIRED_RESOLVERS, type InfProgramme } from './resolver-fixtures';

type Caller = 'anonymous' | 'guest' | 'reader' | 'editor' | 'editor of another space' | 'administrator';
type Page = 'own space' | 'other space' | 'empty space';
type Outcome = { ok: true } | { ok: false; code: ErrorCode; reason?: DenialReason };

const CALLERS: Caller[] = ['anonymous', 'guest', 'reader', 'editor', 'editor of another space', 'administrator'];
const PAGES: Page[] = ['own space', 'other space', 'empty space'];
const PUBLISHED = [false, true];

/**
 * Who the caller is on the local host. The guest is the INF editor's account signed in as an unlicensed
 * guest: Confluence would let that account edit the page, so only the licence check can refuse it.
 */
const AS: Record<Caller, { user: DemoUserId; options: InvokeOptions }> = {
  anonymous: { user: 'anonymous', options: {} },
  guest: { user: 'demo-editor', options: { accountType: 'unlicensed' } },
  reader: { user: 'demo-viewer', options: {} },
  editor: { user: 'demo-editor', options: {} },
  'editor of another space': { user: 'demo-editor-other', options: {} },
  administrator: { user: 'demo-admin', options: {} },
};

/** The page, and how its macro names the INF programme (the own space's macro needs no config). */
const PAGE: Record<Page, (programmeId: string) => InvokeOptions> = {
  'own space': () => ({ pageId: '1001' }),
  'other space': (programmeId) => ({ pageId: '2001', config: { programmeId } }),
  'empty space': (programmeId) => ({ pageId: '3001', config: { programmeId } }),
};

/** Which pages each caller may edit in Confluence (dev/demo-users.ts), by the rule, not by the stub. */
const MAY_EDIT_PAGE: Record<Caller, Page[]> = {
  anonymous: [],
  guest: ['own space', 'empty space'],
  reader: [],
  editor: ['own space', 'empty space'],
  'editor of another space': ['other space'],
  // A space administrator may edit the pages of the spaces they administer (INF and EMPTY).
  administrator: ['own space', 'empty space'],
};

/** Which spaces each caller administers in Confluence (dev/demo-users.ts; decision 0022), by page. */
const ADMINISTERS: Record<Caller, Page[]> = {
  anonymous: [],
  guest: [],
  reader: [],
  editor: [],
  'editor of another space': [],
  administrator: ['own space', 'empty space'],
};

const ok: Outcome = { ok: true };
const refused = (code: ErrorCode, reason?: DenialReason): Outcome => ({ ok: false, code, reason });

/** Signed-in and licensed: what writing and the history need. */
function licence(caller: Caller): Outcome {
  if (caller === 'anonymous') return refused('PERMISSION', 'anonymous');
  if (caller === 'guest') return refused('PERMISSION', 'unlicensed');
  return ok;
}

function expected(name: ResolverName, caller: Caller, page: Page, published: boolean): Outcome {
  const readable = page === 'own space' || published;
  const read = readable ? ok : refused('PERMISSION', 'unpublished');
  switch (name) {
    case 'getView':
    case 'getDetails':
      return read;
    // The space page's history (decision 0030) follows getHistory's rule, the programme named in the payload.
    case 'getHistory':
    case 'getProgrammeHistory':
    case 'getHistoryDigest':
      return licence(caller).ok ? read : licence(caller);
    case 'getCapabilities':
    case 'listProgrammes':
    case 'getProgrammeAdmin':
      return ok;
    case 'updateProgrammeSettings':
    case 'updateParticipant':
    case 'setMilestoneTemplate':
    case 'previewImport':
    case 'applyImport':
    case 'undoImport':
    case 'listImports':
      // The context's space decides: its administrators, licensed, and the programme must be that space's.
      if (!licence(caller).ok) return licence(caller);
      if (!ADMINISTERS[caller].includes(page)) return refused('PERMISSION', 'not-space-admin');
      if (page !== 'own space') return refused('NOT_FOUND', 'no-programme');
      // The fixture has made no import, so there is none to undo (test/resolvers/import.test.ts undoes one).
      return name === 'undoImport' ? refused('NOT_FOUND') : ok;
    case 'getBackupPart':
      // The context's space decides, as for the settings: its administrators, licensed, that space's programme.
      if (!licence(caller).ok) return licence(caller);
      if (!ADMINISTERS[caller].includes(page)) return refused('PERMISSION', 'not-space-admin');
      return page === 'own space' ? ok : refused('NOT_FOUND', 'no-programme');
    case 'restoreBackup':
      // Only into a space without a programme (decision 0029): INF has one, EMPTY has none.
      if (!licence(caller).ok) return licence(caller);
      if (!ADMINISTERS[caller].includes(page)) return refused('PERMISSION', 'not-space-admin');
      return page === 'own space' ? refused('CONFLICT') : ok;
    case 'createProgramme':
      if (!licence(caller).ok) return licence(caller);
      if (!MAY_EDIT_PAGE[caller].includes(page)) return refused('PERMISSION', 'no-page-edit');
      // One programme per space: the INF space has one; OTHER and EMPTY only embed it.
      return page === 'own space' ? refused('CONFLICT') : ok;
    default:
      // Every other resolver either reads the programme or writes it: the same two rules, whatever it is.
      if (!(MUTATING_RESOLVERS as readonly string[]).includes(name)) return read;
      if (!licence(caller).ok) return licence(caller);
      if (page !== 'own space') return refused('PERMISSION', 'other-space');
      return MAY_EDIT_PAGE[caller].includes(page) ? ok : refused('PERMISSION', 'no-page-edit');
  }
}

const NOTE = 'Kontaktperson utsedd';
const cases = WIRED_RESOLVERS.flatMap((name) =>
  CALLERS.flatMap((caller) =>
    PAGES.flatMap((page) => PUBLISHED.map((published) => ({ name, caller, page, published, outcome: expected(name, caller, page, published) }))),
  ),
);

it('covers every resolver the handler answers, every caller, page and publication state', () => {
  expect(WIRED_RESOLVERS.filter((name) => !(name in validPayloads({ programmeId: 'p', initiativeIds: ['a', 'b'] })))).toEqual([]);
  expect(cases).toHaveLength(WIRED_RESOLVERS.length * CALLERS.length * PAGES.length * PUBLISHED.length);
});

let h: Harness;
let inf: InfProgramme;

/**
 * The programme every cell starts from, prepared once per publication state and restored into a fresh
 * store for each cell (a new store also starts with empty rate-limit windows).
 */
const prepared = new Map<boolean, { inf: InfProgramme; store: ReturnType<Harness['kvs']['snapshot']> }>();
beforeAll(async () => {
  for (const published of PUBLISHED) {
    const setup = createHarness();
    const made = await createInfProgramme(setup, { published, needs: true });
    dataOf(await setup.invoke('demo-editor', 'updateCell', { initiativeId: made.initiativeIds[0], regionCode: '01', patch: { note: NOTE }, expected: { note: '' } }));
    prepared.set(published, { inf: made, store: setup.kvs.snapshot() });
  }
});

describe.each(cases)('$name by the $caller on a page in the $page, programme published: $published', ({ name, caller, page, published, outcome }) => {
  let where: InvokeOptions;
  beforeEach(() => {
    const start = prepared.get(published)!;
    h = createHarness();
    h.kvs.restore(start.store);
    inf = start.inf;
    where = { ...PAGE[page](inf.programmeId), ...AS[caller].options };
  });

  const mutating = (MUTATING_RESOLVERS as readonly string[]).includes(name);

  it(outcome.ok ? 'is allowed' : `is refused with ${outcome.code}${outcome.reason ? ` ${outcome.reason}` : ''}, and nothing is written`, async () => {
    const before = h.storeText();
    const response = await h.invoke(AS[caller].user, name, validPayloads(inf)[name], where);

    if (outcome.ok) {
      expect(response).toMatchObject({ ok: true });
      if (mutating) expect(h.storeText()).not.toBe(before);
      else expect(h.storeText()).toBe(before);
    } else {
      expect(response).toEqual({
        ok: false,
        error: expect.objectContaining(outcome.reason ? { code: outcome.code, reason: outcome.reason } : { code: outcome.code }),
      });
      expect(h.storeText()).toBe(before);
      // A refusal carries nothing of the programme's data.
      expect(JSON.stringify(response)).not.toContain(NOTE);
    }
  });

  if (name === 'getCapabilities') {
    it('agrees with what the writes do for this caller on this page', async () => {
      const caps = dataOf(await h.invoke(AS[caller].user, 'getCapabilities', {}, where));
      const edit = expected('updateCell', caller, page, published);
      const create = expected('createProgramme', caller, page, published);
      expect(caps.canEdit).toBe(edit.ok);
      expect(caps.reason).toBe(edit.ok ? null : (edit.reason ?? null));
      expect(caps.canCreateProgramme).toBe(create.ok);
      // canAdminister agrees with the administration resolvers' check (whatever the programme).
      const administer = expected('updateProgrammeSettings', caller, page, published);
      expect(caps.canAdminister).toBe(administer.ok || administer.code === 'NOT_FOUND');
    });
  }
});
