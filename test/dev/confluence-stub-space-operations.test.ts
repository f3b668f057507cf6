/**
 * The local Confluence's "Get permitted operations for space" (GET /wiki/api/v2/spaces/{id}/operations,
 * decision 0022): `administer` on `space` for the space's administrators only, 404 for a space the caller
 * cannot see or that does not exist, refused without the scope and for anonymous callers.
 */
import { createConfluenceStub, type ConfluenceRequest } from '../../dev/confluence-stub';
import { DEMO_SPACES, DEMO_USERS, type DemoUserId, type SpaceKey } from '../../dev/demo-users';

const confluence = createConfluenceStub({ baseUrl: 'http://localhost:4700' });

function operations(user: DemoUserId, spaceId: string, scopes: string[] = ['read:space:confluence']) {
  return confluence({ method: 'GET', path: `/wiki/api/v2/spaces/${spaceId}/operations`, as: 'user', accountId: DEMO_USERS[user].accountId, scopes } as ConfluenceRequest);
}

const administers = async (user: DemoUserId, space: SpaceKey) => {
  const res = await operations(user, DEMO_SPACES[space].id);
  expect(res.status).toBe(200);
  const ops = (res.body as { operations: Array<{ operation: string; targetType: string }> }).operations;
  return ops.some((o) => o.operation === 'administer' && o.targetType === 'space');
};

it.each<[DemoUserId, SpaceKey, boolean]>([
  ['demo-admin', 'INF', true],
  ['demo-admin', 'EMPTY', true],
  ['demo-admin', 'OTHER', false],
  ['demo-editor', 'INF', false],
  ['demo-editor-other', 'OTHER', false],
  ['demo-viewer', 'INF', false],
])('%s administers %s: %s', async (user, space, expected) => {
  expect(await administers(user, space)).toBe(expected);
});

it('lists creating content only for those who may edit the space, and reading for all who see it', async () => {
  const viewer = (await operations('demo-viewer', DEMO_SPACES.INF.id)).body as { operations: Array<{ operation: string }> };
  expect(viewer.operations.map((o) => o.operation)).toEqual(['read']);
  const editor = (await operations('demo-editor', DEMO_SPACES.INF.id)).body as { operations: Array<{ operation: string }> };
  expect(editor.operations.map((o) => o.operation)).toContain('create');
});

it('answers 404 for an unknown space, 400 for a malformed id, 401 for anonymous callers and without the scope', async () => {
  expect((await operations('demo-admin', '424242')).status).toBe(404);
  expect((await operations('demo-admin', 'INF')).status).toBe(400);
  expect((await operations('anonymous', DEMO_SPACES.INF.id)).status).toBe(401);
  expect((await operations('demo-admin', DEMO_SPACES.INF.id, ['read:content.permission:confluence'])).status).toBe(401);
});
