import { APP_SCOPES } from '../../dev/app-manifest';
import api, { route } from '@forge/api';
import { createConfluenceStub, type ConfluenceRequest } from '../../dev/confluence-stub';
import { DEMO_USERS, type DemoUserId } from '../../dev/demo-users';
import { installForgeRuntime, runInInvocation } from '../../dev/forge-runtime';
import { LocalKvs } from '../../dev/kvs';

const confluence = createConfluenceStub({ baseUrl: 'http://localhost:4700' });
// The app's own scopes, plus the read scopes of the page and space routes the stub also answers.
const GRANTED = [...APP_SCOPES, 'read:page:confluence', 'read:space:confluence'];
const stub = (req: ConfluenceRequest) => confluence({ scopes: GRANTED, ...req });
const JSON_HEADERS = { 'content-type': 'application/json' };

function check(asUser: DemoUserId, pageId: string, operation: string, subject = DEMO_USERS[asUser].accountId) {
  return stub({
    method: 'POST',
    path: `/wiki/rest/api/content/${pageId}/permission/check`,
    query: new URLSearchParams(),
    headers: JSON_HEADERS,
    body: { subject: { type: 'user', identifier: subject }, operation },
    as: 'user',
    accountId: DEMO_USERS[asUser].accountId,
  });
}

function get(path: string, as: 'user' | 'app', accountId?: string) {
  return stub({ method: 'GET', path, query: new URLSearchParams(), headers: {}, body: undefined, as, accountId } as ConfluenceRequest);
}

describe('Confluence stub: content permission check', () => {
  // The fixed facts: the INF editor edits INF (and the EMPTY space, to try creating a programme); the
  // other-space editor edits OTHER only; everybody can read every demo page.
  const matrix: Array<[DemoUserId, string, boolean, boolean]> = [
    ['demo-viewer', '1001', true, false],
    ['demo-viewer', '2001', true, false],
    ['demo-viewer', '3001', true, false],
    ['demo-editor', '1001', true, true],
    ['demo-editor', '2001', true, false],
    ['demo-editor', '3001', true, true],
    ['demo-editor-other', '1001', true, false],
    ['demo-editor-other', '2001', true, true],
    ['demo-editor-other', '3001', true, false],
  ];

  it.each(matrix)('%s on page %s: read=%s update=%s', async (user, pageId, canRead, canUpdate) => {
    const read = await check(user, pageId, 'read');
    const update = await check(user, pageId, 'update');
    expect(read).toMatchObject({ status: 200, body: { hasPermission: canRead } });
    expect(update).toMatchObject({ status: 200, body: { hasPermission: canUpdate } });
  });

  it('answers 404 for content that does not exist', async () => {
    const res = await check('demo-editor', '9999', 'update');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('9999') });
  });

  it('refuses, as Confluence does, a user checking somebody else (that needs site admin)', async () => {
    const res = await check('demo-viewer', '1001', 'update', 'demo-editor');
    expect(res.status).toBe(403);
  });

  it('lets the app check any user', async () => {
    const res = await stub({
      method: 'POST',
      path: '/wiki/rest/api/content/1001/permission/check',
      query: new URLSearchParams(),
      headers: JSON_HEADERS,
      body: JSON.stringify({ subject: { type: 'user', identifier: 'demo-editor-other' }, operation: 'update' }),
      as: 'app',
      accountId: undefined,
    });
    expect(res).toMatchObject({ status: 200, body: { hasPermission: false } });
  });

  it('is strict about the request: operation, subject and JSON content type', async () => {
    expect((await check('demo-editor', '1001', 'administer')).status).toBe(400);
    expect((await check('demo-editor', '1001', 'update', 'nobody-known')).status).toBe(403);
    const noType = await stub({
      method: 'POST',
      path: '/wiki/rest/api/content/1001/permission/check',
      query: new URLSearchParams(),
      headers: {},
      body: { subject: { type: 'user', identifier: 'demo-editor' }, operation: 'update' },
      as: 'user',
      accountId: 'demo-editor',
    });
    expect(noType.status).toBe(415);
  });

  it('refuses asUser for an anonymous visitor', async () => {
    const res = await stub({
      method: 'GET',
      path: '/wiki/rest/api/user/current',
      query: new URLSearchParams(),
      headers: {},
      body: undefined,
      as: 'user',
      accountId: 'unidentified',
    });
    expect(res.status).toBe(401);
  });
});

describe('Confluence stub: users, pages and spaces', () => {
  it('names the current user', async () => {
    const res = await get('/wiki/rest/api/user/current', 'user', 'demo-editor');
    expect(res).toMatchObject({ status: 200, body: { accountId: 'demo-editor', displayName: 'Eva Redaktör', accountType: 'atlassian' } });
  });

  it('returns a page with its space id (v2), and the space by id and by key', async () => {
    const page = await get('/wiki/api/v2/pages/2001', 'user', 'demo-viewer');
    expect(page).toMatchObject({ status: 200, body: { id: '2001', spaceId: '98002', status: 'current' } });
    const space = await get('/wiki/api/v2/spaces/98002', 'app');
    expect(space).toMatchObject({ status: 200, body: { id: '98002', key: 'OTHER' } });
    const v1 = await get('/wiki/rest/api/space/INF', 'app');
    expect(v1).toMatchObject({ status: 200, body: { key: 'INF', id: 98001 } });
  });

  it('answers 404 for unknown pages, spaces and endpoints, and 405 for a wrong method', async () => {
    expect((await get('/wiki/api/v2/pages/4242', 'app')).status).toBe(404);
    expect((await get('/wiki/rest/api/space/NOPE', 'app')).status).toBe(404);
    expect((await get('/wiki/rest/api/content/1001', 'app')).status).toBe(404);
    expect((await get('/wiki/rest/api/content/1001/permission/check', 'app')).status).toBe(405);
  });
});

describe('Confluence stub behind the real @forge/api', () => {
  beforeAll(() => {
    installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence: stub, scopes: APP_SCOPES });
  });

  const permissionCheck = (accountId: string) =>
    api.asUser().requestConfluence(route`/wiki/rest/api/content/${'1001'}/permission/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'update' }),
    });

  it('answers asUser() for the invoking user', async () => {
    const res = await runInInvocation({ accountId: 'demo-editor' }, () => permissionCheck('demo-editor'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ hasPermission: true });
  });

  it('never reaches Confluence asUser() for an anonymous visitor', async () => {
    await expect(runInInvocation({ accountId: undefined }, () => permissionCheck('unidentified'))).rejects.toThrow();
  });
});

describe('Confluence stub: scopes', () => {
  it('refuses a route whose scope the app was not granted, as the gateway does, whoever the user is', async () => {
    const res = await confluence({
      method: 'GET',
      path: '/wiki/rest/api/user/current',
      as: 'user',
      accountId: DEMO_USERS['demo-editor'].accountId,
      scopes: APP_SCOPES.filter((s) => s !== 'read:confluence-user'),
    });
    expect(res).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
  });

  it('opens nothing when no scopes are given', async () => {
    const res = await confluence({ method: 'GET', path: '/wiki/rest/api/user/current', as: 'user', accountId: DEMO_USERS['demo-editor'].accountId });
    expect(res.status).toBe(401);
  });

  it('the app cannot read pages or spaces through @forge/api: its manifest asks for no such scope', async () => {
    installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence, scopes: APP_SCOPES });
    const res = await runInInvocation({ accountId: DEMO_USERS['demo-editor'].accountId }, () => api.asUser().requestConfluence(route`/wiki/api/v2/pages/1001`));
    expect(res.status).toBe(401);
  });
});
