/**
 * Who may write where, through the real handler: every mutating resolver, every demo user, from a page in
 * the programme's own space and from a page in another space that embeds it. A denied call answers with the
 * exact reason and writes nothing at all.
 */
import type { DemoUserId } from '../../dev/demo-users';
import { MUTATING_RESOLVERS, type ResolverName } from '../../src/shared/contract';
import type { DenialReason, ErrorCode } from '../../src/shared/errors';
import { createHarness, dataOf, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, embedding, FIELDS, validPayloads, type InfProgramme } from './resolver-fixtures';


type Where = 'own space (1001)' | 'other space (2001)';
/** A refusal: its code and, for PERMISSION, the reason the UI explains. */
type Outcome = 'ok' | [ErrorCode, DenialReason?];

/** Expected outcome for the INF programme's resolvers. */
const PROGRAMME_WRITES: Record<DemoUserId, Record<Where, Outcome>> = {
  anonymous: { 'own space (1001)': ['PERMISSION', 'anonymous'], 'other space (2001)': ['PERMISSION', 'anonymous'] },
  'demo-viewer': { 'own space (1001)': ['PERMISSION', 'no-page-edit'], 'other space (2001)': ['PERMISSION', 'other-space'] },
  'demo-editor': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'other-space'] },
  'demo-editor-other': { 'own space (1001)': ['PERMISSION', 'no-page-edit'], 'other space (2001)': ['PERMISSION', 'other-space'] },
  // The space administrator of INF edits there too (decision 0022).
  'demo-admin': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'other-space'] },
};

/**
 * createProgramme creates in the page's own space, so only editing that page matters, and the space must not
 * have a programme yet (INF has one: one programme per space, issue 12 finding 3a).
 */
const CREATE_PROGRAMME: Record<DemoUserId, Record<Where, Outcome>> = {
  anonymous: { 'own space (1001)': ['PERMISSION', 'anonymous'], 'other space (2001)': ['PERMISSION', 'anonymous'] },
  'demo-viewer': { 'own space (1001)': ['PERMISSION', 'no-page-edit'], 'other space (2001)': ['PERMISSION', 'no-page-edit'] },
  'demo-editor': { 'own space (1001)': ['CONFLICT'], 'other space (2001)': ['PERMISSION', 'no-page-edit'] },
  'demo-editor-other': { 'own space (1001)': ['PERMISSION', 'no-page-edit'], 'other space (2001)': 'ok' },
  'demo-admin': { 'own space (1001)': ['CONFLICT'], 'other space (2001)': ['PERMISSION', 'no-page-edit'] },
};

/**
 * Administering (decision 0022) is for the administrators of the context's space, whoever may edit the page:
 * only the INF administrator, only from INF (OTHER has no administrator among the demo users).
 */
const ADMINISTER: Record<DemoUserId, Record<Where, Outcome>> = {
  anonymous: { 'own space (1001)': ['PERMISSION', 'anonymous'], 'other space (2001)': ['PERMISSION', 'anonymous'] },
  'demo-viewer': { 'own space (1001)': ['PERMISSION', 'not-space-admin'], 'other space (2001)': ['PERMISSION', 'not-space-admin'] },
  'demo-editor': { 'own space (1001)': ['PERMISSION', 'not-space-admin'], 'other space (2001)': ['PERMISSION', 'not-space-admin'] },
  'demo-editor-other': { 'own space (1001)': ['PERMISSION', 'not-space-admin'], 'other space (2001)': ['PERMISSION', 'not-space-admin'] },
  'demo-admin': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'not-space-admin'] },
};

/** The CSV import (decision 0028) is administration too; the fixture made no import, so there is none to undo. */
const UNDO_IMPORT: Record<DemoUserId, Record<Where, Outcome>> = { ...ADMINISTER, 'demo-admin': { ...ADMINISTER['demo-admin'], 'own space (1001)': ['NOT_FOUND'] } };
/** A restore (decision 0029) goes only into a space without a programme: INF has one. */
const RESTORE: Record<DemoUserId, Record<Where, Outcome>> = { ...ADMINISTER, 'demo-admin': { ...ADMINISTER['demo-admin'], 'own space (1001)': ['CONFLICT'] } };

/** Resolvers whose rule differs from a programme write; every other mutating resolver follows PROGRAMME_WRITES. */
const OUTCOMES_BY_RESOLVER: Partial<Record<ResolverName, Record<DemoUserId, Record<Where, Outcome>>>> = {
  createProgramme: CREATE_PROGRAMME,
  updateProgrammeSettings: ADMINISTER,
  updateParticipant: ADMINISTER,
  // The programme's milestone template is a setting (decision 0022), edited from the space page.
  setMilestoneTemplate: ADMINISTER,
  applyImport: ADMINISTER,
  undoImport: UNDO_IMPORT,
  restoreBackup: RESTORE,
};

const USERS = Object.keys(PROGRAMME_WRITES) as DemoUserId[];
const PLACES: Where[] = ['own space (1001)', 'other space (2001)'];

const cases = MUTATING_RESOLVERS.flatMap((name) =>
  USERS.flatMap((user) =>
    PLACES.map((where) => {
      const outcome = (OUTCOMES_BY_RESOLVER[name] ?? PROGRAMME_WRITES)[user][where];
      return { name, user, where, outcome };
    }),
  ),
);

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { needs: true });
});

const optionsFor = (where: Where, inf: InfProgramme): InvokeOptions => (where === 'own space (1001)' ? {} : embedding(inf.programmeId));

/**
 * The space page's history (decision 0030) writes nothing and reads like getHistory: licensed users, from the
 * programme's space or, once published, from any; the unpublished INF programme from OTHER is refused.
 */
const HISTORY_READS: Record<DemoUserId, Record<Where, Outcome>> = {
  anonymous: { 'own space (1001)': ['PERMISSION', 'anonymous'], 'other space (2001)': ['PERMISSION', 'anonymous'] },
  'demo-viewer': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'unpublished'] },
  'demo-editor': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'unpublished'] },
  'demo-editor-other': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'unpublished'] },
  'demo-admin': { 'own space (1001)': 'ok', 'other space (2001)': ['PERMISSION', 'unpublished'] },
};

describe.each((['getProgrammeHistory', 'getHistoryDigest'] as const).flatMap((name) => USERS.flatMap((user) => PLACES.map((where) => ({ name, user, where })))))(
  '$name by $user from a page in the $where',
  ({ name, user, where }) => {
    it('answers as the history rule says and writes nothing', async () => {
      const before = h.storeText();
      const response = await h.invoke(user, name, validPayloads(inf)[name], optionsFor(where, inf));
      const outcome = HISTORY_READS[user][where];
      if (outcome === 'ok') expect(response).toMatchObject({ ok: true });
      else expect(response).toEqual({ ok: false, error: expect.objectContaining(outcome[1] ? { code: outcome[0], reason: outcome[1] } : { code: outcome[0] }) });
      expect(h.storeText()).toBe(before);
    });
  },
);

describe.each(cases)('$name by $user from a page in the $where', ({ name, user, where, outcome }) => {
  if (outcome === 'ok') {
    it('is allowed', async () => {
      const before = h.writeUnits();
      const response = await h.invoke(user, name as ResolverName, validPayloads(inf)[name], optionsFor(where, inf));
      expect(response).toMatchObject({ ok: true });
      expect(h.writeUnits()).toBeGreaterThan(before);
    });
  } else {
    const [code, reason] = outcome;
    it(`is refused: ${outcome.join(' ')}, and nothing is written`, async () => {
      const before = h.writeUnits();
      const history = dataOf(await h.invoke('demo-editor', 'getHistory', {})).entries.length;

      const response = await h.invoke(user, name as ResolverName, validPayloads(inf)[name], optionsFor(where, inf));

      expect(response).toEqual({ ok: false, error: expect.objectContaining(reason ? { code, reason } : { code }) });
      expect(h.writeUnits()).toBe(before);
      expect(dataOf(await h.invoke('demo-editor', 'getHistory', {})).entries).toHaveLength(history);
    });
  }
});

describe('what the caller cannot choose', () => {
  it('an anonymous call without any principal is still anonymous', async () => {
    const response = await h.invoke('anonymous', 'updateCell', validPayloads(inf).updateCell, { noPrincipal: true });
    expect(response).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'anonymous' } });
  });

  it('an initiative of another space’s programme cannot be edited through this space’s page', async () => {
    const other = dataOf(await h.invoke('demo-editor-other', 'createProgramme', { name: 'Annat program' }, { pageId: '2001' }));
    const { initiative } = dataOf(await h.invoke('demo-editor-other', 'upsertInitiative', { fields: FIELDS }, { pageId: '2001' }));
    expect(other.spaceKey).toBe('OTHER');
    const before = h.writeUnits();

    const response = await h.invoke('demo-editor', 'updateCell', {
      initiativeId: initiative.id,
      regionCode: '01',
      patch: { status: 'live' },
      expected: { status: 'not-started' },
    });

    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.writeUnits()).toBe(before);
  });

  it('a programme id in the payload is rejected, not used', async () => {
    const response = await h.invoke('demo-editor', 'setInitiativeArchived', { id: inf.initiativeIds[0], archived: true, programmeId: 'x' });
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('writes need a macro on a page', async () => {
    const before = h.writeUnits();
    const response = await h.invoke('demo-editor', 'createProgramme', { name: 'X' }, { outsideMacro: true });
    expect(response).toMatchObject({ ok: false, error: { code: 'PERMISSION', reason: 'not-in-macro' } });
    expect(h.writeUnits()).toBe(before);
  });
});

describe('createProgramme', () => {
  it('creates the programme in the page’s space, with the 21 regions', async () => {
    const created = dataOf(await h.invoke('demo-editor', 'createProgramme', { name: 'Nytt program' }, { pageId: '3001' }));
    expect(created).toMatchObject({ name: 'Nytt program', spaceKey: 'EMPTY', published: false, isExample: false });
    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}, { pageId: '3001' }));
    expect(view.state === 'ready' && view.programme.participants).toHaveLength(21);
  });
});
