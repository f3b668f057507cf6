/**
 * The people and places of the local Confluence: five demo users and three spaces with one page each.
 * Everything the local host decides about who may see or edit what comes from this one table, so the
 * Confluence stub, the invoke runner and the host page can never disagree.
 */

export type DemoUserId = 'anonymous' | 'demo-viewer' | 'demo-editor' | 'demo-editor-other' | 'demo-admin';
export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';
export type SpaceKey = 'INF' | 'OTHER' | 'EMPTY';
export type SpaceAccess = 'none' | 'view' | 'edit';

export interface DemoUser {
  id: DemoUserId;
  /** Undefined for the anonymous visitor: Forge gives no principal then. */
  accountId: string | undefined;
  accountType: AccountType;
  anonymous: boolean;
  displayName: string;
  publicName: string;
  /** The host page's user switcher labels. */
  label: { sv: string; en: string };
}

/** What Forge puts in `context.accountId` for a visitor who is not logged in. */
export const ANONYMOUS_ACCOUNT_ID = 'unidentified';

export const DEMO_USERS: Readonly<Record<DemoUserId, DemoUser>> = {
  anonymous: {
    id: 'anonymous',
    accountId: undefined,
    accountType: 'anonymous',
    anonymous: true,
    displayName: 'Anonymous',
    publicName: 'Anonymous',
    label: { sv: 'Anonym', en: 'Anonymous' },
  },
  'demo-viewer': {
    id: 'demo-viewer',
    accountId: 'demo-viewer',
    accountType: 'licensed',
    anonymous: false,
    displayName: 'Lena Läsare',
    publicName: 'Lena L.',
    label: { sv: 'Läsare', en: 'Viewer' },
  },
  'demo-editor': {
    id: 'demo-editor',
    accountId: 'demo-editor',
    accountType: 'licensed',
    anonymous: false,
    displayName: 'Eva Redaktör',
    publicName: 'Eva R.',
    label: { sv: 'Redaktör', en: 'Editor' },
  },
  'demo-editor-other': {
    id: 'demo-editor-other',
    accountId: 'demo-editor-other',
    accountType: 'licensed',
    anonymous: false,
    displayName: 'Olle Annansson',
    publicName: 'Olle A.',
    label: { sv: 'Redaktör i annat utrymme', en: 'Editor in another space' },
  },
  // A space administrator of INF and EMPTY (decision 0022): may edit there like the editor, and also
  // administer the programme (settings) from the space page.
  'demo-admin': {
    id: 'demo-admin',
    accountId: 'demo-admin',
    accountType: 'licensed',
    anonymous: false,
    displayName: 'Ada Administratör',
    publicName: 'Ada A.',
    label: { sv: 'Utrymmesadministratör', en: 'Space administrator' },
  },
};

export const DEMO_USER_IDS = Object.keys(DEMO_USERS) as DemoUserId[];

export function isDemoUserId(value: unknown): value is DemoUserId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DEMO_USERS, value);
}

/** Finds a demo user by Atlassian account id (the stub sees account ids, not user ids). */
export function userByAccountId(accountId: string | undefined): DemoUser | undefined {
  if (!accountId || accountId === ANONYMOUS_ACCOUNT_ID) return undefined;
  return DEMO_USER_IDS.map((id) => DEMO_USERS[id]).find((u) => u.accountId === accountId);
}

export interface DemoSpace {
  key: SpaceKey;
  /** Confluence v2 ids are numeric strings; v1 returns them as numbers. */
  id: string;
  name: string;
  homepageId: string;
  /** Per user; every demo space is open to anonymous readers (that is how the app is published). */
  access: Record<DemoUserId, SpaceAccess>;
  /** Who holds the space's Admin permission (Confluence's "administer space" operation); they can also edit. */
  administrators: readonly DemoUserId[];
}

export const DEMO_SPACES: Readonly<Record<SpaceKey, DemoSpace>> = {
  INF: {
    key: 'INF',
    id: '98001',
    name: 'FLDV – Införande',
    homepageId: '1001',
    access: { anonymous: 'view', 'demo-viewer': 'view', 'demo-editor': 'edit', 'demo-editor-other': 'view', 'demo-admin': 'edit' },
    administrators: ['demo-admin'],
  },
  OTHER: {
    key: 'OTHER',
    id: '98002',
    name: 'Regional samverkan',
    homepageId: '2001',
    access: { anonymous: 'view', 'demo-viewer': 'view', 'demo-editor': 'view', 'demo-editor-other': 'edit', 'demo-admin': 'view' },
    // Nobody of the demo users: the editor of OTHER edits there, but does not administer it.
    administrators: [],
  },
  EMPTY: {
    key: 'EMPTY',
    id: '98003',
    name: 'Nytt program',
    homepageId: '3001',
    // The INF editor may also edit here, so "no programme yet — create one" can be tried.
    access: { anonymous: 'view', 'demo-viewer': 'view', 'demo-editor': 'edit', 'demo-editor-other': 'view', 'demo-admin': 'edit' },
    administrators: ['demo-admin'],
  },
};

export interface DemoMacro {
  /** The macro's ADF localId: stable per page, as Confluence keeps it across edits. */
  localId: string;
  moduleKey: string;
  /** The config saved with the macro when the page was written (the host may overwrite it). */
  config?: Record<string, unknown>;
}

export interface DemoPage {
  id: string;
  title: string;
  spaceKey: SpaceKey;
  macros: DemoMacro[];
}

export const DEMO_PAGES: Readonly<Record<string, DemoPage>> = {
  '1001': {
    id: '1001',
    title: 'Införandeöversikt – Första linjens digitala vård',
    spaceKey: 'INF',
    macros: [
      { localId: 'a1001-rollout-status', moduleKey: 'rollout-status' },
      { localId: 'a1001-technical-needs', moduleKey: 'technical-needs' },
      { localId: 'a1001-support-plan', moduleKey: 'support-plan' },
      { localId: 'a1001-roadmap', moduleKey: 'roadmap' },
    ],
  },
  '2001': {
    id: '2001',
    title: 'Vad händer i vår region?',
    spaceKey: 'OTHER',
    // The programme id is filled in by the host once the INF programme exists (it is generated).
    macros: [{ localId: 'a2001-rollout-status', moduleKey: 'rollout-status' }],
  },
  '3001': {
    id: '3001',
    title: 'Planering av nytt program',
    spaceKey: 'EMPTY',
    macros: [{ localId: 'a3001-rollout-status', moduleKey: 'rollout-status' }],
  },
};

export const DEMO_PAGE_IDS = Object.keys(DEMO_PAGES);

/** What a user may do in a space; an unknown user (e.g. an app account) gets nothing. */
export function spaceAccess(spaceKey: SpaceKey, userId: DemoUserId | undefined): SpaceAccess {
  if (!userId) return 'none';
  return DEMO_SPACES[spaceKey].access[userId];
}

/** Whether a user holds the space's Admin permission; an unknown user (e.g. an app account) does not. */
export function isSpaceAdministrator(spaceKey: SpaceKey, userId: DemoUserId | undefined): boolean {
  return userId !== undefined && DEMO_SPACES[spaceKey].administrators.includes(userId);
}

export function pageById(id: string): DemoPage | undefined {
  return Object.prototype.hasOwnProperty.call(DEMO_PAGES, id) ? DEMO_PAGES[id] : undefined;
}

export function spaceById(id: string): DemoSpace | undefined {
  return Object.values(DEMO_SPACES).find((s) => s.id === id);
}

export function spaceByKey(key: string): DemoSpace | undefined {
  return Object.prototype.hasOwnProperty.call(DEMO_SPACES, key) ? DEMO_SPACES[key as SpaceKey] : undefined;
}
