/**
 * A small, strict Confluence: the few REST endpoints the app calls, answered for the demo users, spaces
 * and pages in demo-users.ts, with Confluence's status codes and error bodies. Anything else is a 404,
 * so a new call in the app fails here first instead of silently "working" and failing on a real site.
 *
 * Sources for the shapes: Confluence Cloud REST v1 "Check content permissions"
 * (POST /wiki/rest/api/content/{id}/permission/check → { hasPermission, errors }; checking another user
 * needs site admin, so asUser may only check itself), "Get current user", "Get space"; REST v2
 * "Get page by id" and "Get space by id" (404 when the caller may not see it), and "Get permitted operations
 * for space" (GET /wiki/api/v2/spaces/{id}/operations → { operations: [{ operation, targetType }] }; 404 when
 * the caller may not view the space; decision 0022).
 */
import {
  ANONYMOUS_ACCOUNT_ID,
  DEMO_SPACES,
  isSpaceAdministrator,
  pageById,
  spaceAccess,
  spaceById,
  spaceByKey,
  userByAccountId,
  type DemoPage,
  type DemoSpace,
  type DemoUser,
  type SpaceAccess,
} from './demo-users';

export interface ConfluenceRequest {
  method: string;
  /** Path without the query, e.g. '/wiki/rest/api/user/current'. A query string here is split off. */
  path: string;
  query?: URLSearchParams;
  headers?: HeadersLike;
  /** A JSON string, a parsed object, or undefined. */
  body?: unknown;
  /** asUser() or asApp(). */
  as: 'user' | 'app';
  /** The acting user for `as: 'user'`: undefined or 'unidentified' for an anonymous visitor. */
  accountId?: string;
  /** The scopes granted to the app. Each route needs one of its own (ROUTE_SCOPES); none granted, none opened. */
  scopes?: readonly string[];
}

export interface ConfluenceResponse {
  status: number;
  body: unknown;
}

export type ConfluenceHandler = (req: ConfluenceRequest) => Promise<ConfluenceResponse>;

type HeadersLike = Headers | Record<string, string | string[] | undefined> | Array<[string, string]>;

export interface ConfluenceStubOptions {
  /** The site's base URL for `_links` (Forge's siteUrl); a function when it is known only later. */
  baseUrl?: string | (() => string);
}

/** The operations the stub can answer; Confluence knows more, and the app uses only these. */
const SUPPORTED_OPERATIONS: Record<string, SpaceAccess[]> = {
  read: ['view', 'edit'],
  update: ['edit'],
};

/** The identity the app's own calls run as (asApp). It can see everything, like an installed app. */
const APP_ACCOUNT_ID = 'app-inforandeoversikt';

export function createConfluenceStub(options: ConfluenceStubOptions = {}): ConfluenceHandler {
  const base = options.baseUrl ?? 'http://localhost:4700';

  return async (req) => {
    const baseUrl = (typeof base === 'function' ? base() : base).replace(/\/$/, '');
    const [path, rawQuery] = req.path.split('?', 2);
    const method = req.method.toUpperCase();

    if (req.as === 'user' && isAnonymous(req.accountId)) {
      // Forge has no user token for an anonymous visitor; a product call asUser is refused.
      return v1Error(401, 'Unauthorized', 'asUser() is not available for anonymous users (no user context)');
    }
    const caller: Caller = req.as === 'app' ? { kind: 'app' } : resolveUser(req.accountId);
    if (caller.kind === 'unknown') {
      return v1Error(401, 'Unauthorized', `Unknown account ${req.accountId}`);
    }

    const route = matchRoute(path ?? '');
    if (!route) return v1Error(404, 'Not Found', `null for uri: ${baseUrl}${req.path}`);
    if (route.method !== method) return v1Error(405, 'Method Not Allowed', `${method} is not allowed on ${path}`);
    if (!ROUTE_SCOPES[route.name].some((scope) => req.scopes?.includes(scope))) {
      // What Atlassian's gateway answers when the app's token lacks the route's scope.
      return { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } };
    }

    switch (route.name) {
      case 'permission-check':
        return permissionCheck(route.param, req, caller);
      case 'current-user':
        return currentUser(caller, baseUrl);
      case 'page-v2':
        return pageV2(route.param, caller, baseUrl, new URLSearchParams(req.query ?? rawQuery ?? ''));
      case 'space-v2':
        return spaceV2(route.param, caller);
      case 'space-v1':
        return spaceV1(route.param, caller, baseUrl);
      case 'space-operations':
        return spaceOperations(route.param, caller, baseUrl);
    }
  };
}

type Caller = { kind: 'app' } | { kind: 'user'; user: DemoUser } | { kind: 'unknown' };

function isAnonymous(accountId: string | undefined): boolean {
  return !accountId || accountId === ANONYMOUS_ACCOUNT_ID;
}

function resolveUser(accountId: string | undefined): Caller {
  const user = userByAccountId(accountId);
  return user ? { kind: 'user', user } : { kind: 'unknown' };
}

type RouteName = 'permission-check' | 'current-user' | 'page-v2' | 'space-v2' | 'space-v1' | 'space-operations';

/**
 * The scopes that open each route (any one of them: a classic or a granular scope), as Confluence's REST
 * reference lists them. A call without one is refused, as on a site, whatever the user may do.
 */
const ROUTE_SCOPES: Record<RouteName, readonly string[]> = {
  'permission-check': ['read:content.permission:confluence'],
  'current-user': ['read:confluence-user'],
  'page-v2': ['read:page:confluence'],
  'space-v2': ['read:space:confluence'],
  'space-v1': ['read:confluence-space.summary', 'read:space:confluence'],
  'space-operations': ['read:space:confluence'],
};
const ROUTES: Array<{ name: RouteName; method: string; pattern: RegExp }> = [
  { name: 'permission-check', method: 'POST', pattern: /^\/wiki\/rest\/api\/content\/([^/]+)\/permission\/check$/ },
  { name: 'current-user', method: 'GET', pattern: /^\/wiki\/rest\/api\/user\/current$/ },
  { name: 'page-v2', method: 'GET', pattern: /^\/wiki\/api\/v2\/pages\/([^/]+)$/ },
  { name: 'space-v2', method: 'GET', pattern: /^\/wiki\/api\/v2\/spaces\/([^/]+)$/ },
  { name: 'space-v1', method: 'GET', pattern: /^\/wiki\/rest\/api\/space\/([^/]+)$/ },
  { name: 'space-operations', method: 'GET', pattern: /^\/wiki\/api\/v2\/spaces\/([^/]+)\/operations$/ },
];

function matchRoute(path: string): { name: RouteName; method: string; param: string } | undefined {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { name: r.name, method: r.method, param: decodeURIComponent(m[1] ?? '') };
  }
  return undefined;
}

function accessOf(caller: Caller, space: DemoSpace): SpaceAccess {
  if (caller.kind === 'app') return 'edit';
  if (caller.kind === 'user') return spaceAccess(space.key, caller.user.id);
  return 'none';
}

function permissionCheck(contentId: string, req: ConfluenceRequest, caller: Caller): ConfluenceResponse {
  const contentType = headerValue(req.headers, 'content-type');
  if (!contentType || !/application\/json/i.test(contentType)) {
    return v1Error(415, 'Unsupported Media Type', 'Content-Type must be application/json');
  }
  const body = parseBody(req.body);
  if (!body.ok) return v1Error(400, 'Bad Request', body.message);
  const { subject, operation } = (body.value ?? {}) as { subject?: { type?: unknown; identifier?: unknown }; operation?: unknown };
  if (!subject || subject.type !== 'user' || typeof subject.identifier !== 'string' || !subject.identifier) {
    return v1Error(400, 'Bad Request', 'subject must be { type: "user", identifier: <accountId> } (groups are not in the demo data)');
  }
  if (typeof operation !== 'string' || !Object.prototype.hasOwnProperty.call(SUPPORTED_OPERATIONS, operation)) {
    return v1Error(400, 'Bad Request', `Unsupported operation ${JSON.stringify(operation)}; the local Confluence answers "read" and "update"`);
  }
  if (caller.kind === 'user' && caller.user.accountId !== subject.identifier) {
    return v1Error(403, 'Forbidden', 'Checking the permissions of another user requires the Confluence Administrator permission');
  }
  const subjectUser = userByAccountId(subject.identifier);
  if (!subjectUser) return v1Error(400, 'Bad Request', `No user with accountId ${subject.identifier}`);

  const page = pageById(contentId);
  if (!page) return v1Error(404, 'Not Found', `No content found with id: ContentId{id=${contentId}}`);

  const access = spaceAccess(page.spaceKey, subjectUser.id);
  const hasPermission = SUPPORTED_OPERATIONS[operation]!.includes(access);
  return {
    status: 200,
    body: {
      hasPermission,
      errors: hasPermission
        ? []
        : [{ translation: { key: 'permission.denied', args: [] }, message: `${subjectUser.displayName} may not ${operation} content ${contentId}` }],
    },
  };
}

function currentUser(caller: Caller, baseUrl: string): ConfluenceResponse {
  const links = { self: `${baseUrl}/wiki/rest/api/user/current`, base: `${baseUrl}/wiki`, context: '/wiki' };
  if (caller.kind === 'app') {
    return {
      status: 200,
      body: {
        type: 'known',
        accountId: APP_ACCOUNT_ID,
        accountType: 'app',
        email: '',
        publicName: 'Införandeöversikt',
        displayName: 'Införandeöversikt',
        isExternalCollaborator: false,
        profilePicture: defaultPicture(),
        _links: links,
      },
    };
  }
  if (caller.kind !== 'user') return v1Error(401, 'Unauthorized', 'No user');
  const u = caller.user;
  return {
    status: 200,
    body: {
      type: 'known',
      accountId: u.accountId,
      accountType: 'atlassian',
      email: '',
      publicName: u.publicName,
      displayName: u.displayName,
      timeZone: 'Europe/Stockholm',
      isExternalCollaborator: false,
      profilePicture: defaultPicture(),
      _expandable: { operations: '', personalSpace: '' },
      _links: links,
    },
  };
}

function pageV2(id: string, caller: Caller, baseUrl: string, query: URLSearchParams): ConfluenceResponse {
  if (!/^\d+$/.test(id)) return v2Error(400, 'INVALID_REQUEST_PARAMETER', `Invalid page id: ${id}`);
  const page = pageById(id);
  if (!page || accessOf(caller, DEMO_SPACES[page.spaceKey]) === 'none') {
    return v2Error(404, 'NOT_FOUND', 'Not Found');
  }
  const bodyFormat = query.get('body-format');
  return { status: 200, body: pageShape(page, baseUrl, bodyFormat) };
}

function pageShape(page: DemoPage, baseUrl: string, bodyFormat: string | null): Record<string, unknown> {
  const space = DEMO_SPACES[page.spaceKey];
  const createdAt = '2026-01-12T08:30:00.000Z';
  return {
    id: page.id,
    status: 'current',
    title: page.title,
    spaceId: space.id,
    parentId: page.id === space.homepageId ? null : space.homepageId,
    parentType: page.id === space.homepageId ? null : 'page',
    position: 0,
    authorId: 'demo-editor',
    ownerId: 'demo-editor',
    lastOwnerId: null,
    createdAt,
    version: { createdAt, message: '', number: 1, minorEdit: false, authorId: 'demo-editor' },
    body: bodyFormat ? { [bodyFormat]: { representation: bodyFormat, value: '' } } : {},
    _links: {
      base: `${baseUrl}/wiki`,
      webui: `/spaces/${space.key}/pages/${page.id}`,
      editui: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: `/x/${page.id}`,
    },
  };
}

function spaceV2(id: string, caller: Caller): ConfluenceResponse {
  if (!/^\d+$/.test(id)) return v2Error(400, 'INVALID_REQUEST_PARAMETER', `Invalid space id: ${id}`);
  const space = spaceById(id);
  if (!space || accessOf(caller, space) === 'none') return v2Error(404, 'NOT_FOUND', 'Not Found');
  return {
    status: 200,
    body: {
      id: space.id,
      key: space.key,
      name: space.name,
      type: 'global',
      status: 'current',
      authorId: 'demo-editor',
      createdAt: '2025-09-01T07:00:00.000Z',
      homepageId: space.homepageId,
      spaceOwnerId: 'demo-editor',
      currentActiveAlias: space.key,
      description: null,
      icon: null,
      _links: { webui: `/spaces/${space.key}` },
    },
  };
}

function spaceV1(key: string, caller: Caller, baseUrl: string): ConfluenceResponse {
  const space = spaceByKey(key);
  if (!space || accessOf(caller, space) === 'none') {
    return v1Error(404, 'Not Found', `No space with key : ${key}`);
  }
  return {
    status: 200,
    body: {
      id: Number(space.id),
      key: space.key,
      alias: space.key,
      name: space.name,
      type: 'global',
      status: 'current',
      _expandable: { settings: '', metadata: '', operations: '', lookAndFeel: '', identifiers: '', permissions: '', roles: '', icon: '', description: '', theme: '', history: '', homepage: `/rest/api/content/${space.homepageId}` },
      _links: { webui: `/spaces/${space.key}`, context: '/wiki', self: `${baseUrl}/wiki/rest/api/space/${space.key}`, collection: '/rest/api/space', base: `${baseUrl}/wiki` },
    },
  };
}

/**
 * What the caller may do in the space, as Confluence lists it: reading for those who see the space, creating
 * content for those who may edit, and 'administer' for the space's administrators (the Admin permission).
 * The app asks only about its own caller; an app account administers nothing here.
 */
function spaceOperations(id: string, caller: Caller, baseUrl: string): ConfluenceResponse {
  if (!/^\d+$/.test(id)) return v2Error(400, 'INVALID_REQUEST_PARAMETER', `Invalid space id: ${id}`);
  const space = spaceById(id);
  const access = space ? accessOf(caller, space) : 'none';
  if (!space || access === 'none') return v2Error(404, 'NOT_FOUND', 'Not Found');
  const operations: Array<{ operation: string; targetType: string }> = [{ operation: 'read', targetType: 'space' }];
  if (access === 'edit') {
    for (const targetType of ['page', 'blogpost', 'comment', 'attachment']) operations.push({ operation: 'create', targetType });
  }
  if (caller.kind === 'user' && isSpaceAdministrator(space.key, caller.user.id)) {
    operations.push({ operation: 'administer', targetType: 'space' }, { operation: 'export', targetType: 'space' });
  }
  return { status: 200, body: { operations, _links: { base: `${baseUrl}/wiki` } } };
}

// ------------------------------------------------------------------ helpers

/** Confluence REST v1's error envelope. */
function v1Error(status: number, reason: string, message: string): ConfluenceResponse {
  return {
    status,
    body: {
      statusCode: status,
      data: { authorized: status !== 401 && status !== 403, valid: status !== 400, allowedInReadOnlyMode: true, errors: [], successful: false },
      message,
      reason,
    },
  };
}

/** Confluence REST v2's error envelope. */
function v2Error(status: number, code: string, title: string): ConfluenceResponse {
  return { status, body: { errors: [{ status, code, title, detail: null }] } };
}

function defaultPicture() {
  return { path: '/wiki/aa-avatar/default.png', width: 48, height: 48, isDefault: true };
}

function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (body === undefined || body === null || body === '') return { ok: false, message: 'A JSON body is required' };
  if (typeof body === 'string') {
    try {
      return { ok: true, value: JSON.parse(body) };
    } catch {
      return { ok: false, message: 'The body is not valid JSON' };
    }
  }
  if (body instanceof Uint8Array) return parseBody(Buffer.from(body).toString('utf8'));
  return { ok: true, value: body };
}

function headerValue(headers: HeadersLike | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [k, v] of entries) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v.join(', ') : (v ?? undefined);
  }
  return undefined;
}
