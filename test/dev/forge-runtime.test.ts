/**
 * The local Forge runtime: the real `@forge/api` reaches the Confluence
 * handler with the right identity, anonymous `asUser()` fails the way the
 * platform makes it fail, `@forge/kvs` reaches the LocalKvs, and any other
 * egress is refused.
 */
import { APP_SCOPES } from '../../dev/app-manifest';
import api, { asApp, asUser, fetch as forgeFetch, getAppContext, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import {
  currentInvocationPrincipal,
  installForgeRuntime,
  runInInvocation,
  type ConfluenceHandler,
  type ConfluenceRequest,
} from '../../dev/forge-runtime';
import { LocalKvs } from '../../dev/kvs';

// The process's own fetch, replaced by a stub before the first install so
// the test can see what passes through the guard without network access.
const processFetch = jest.fn(async () => new Response('from the network', { status: 200 }));
globalThis.fetch = processFetch as unknown as typeof fetch;

let calls: ConfluenceRequest[];
let reply: Awaited<ReturnType<ConfluenceHandler>>;
const confluence: ConfluenceHandler = async (req) => {
  calls.push(req);
  return reply;
};

beforeEach(() => {
  calls = [];
  reply = { status: 200, body: { id: '123', title: 'Införande' } };
  processFetch.mockClear();
  installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence, scopes: APP_SCOPES });
});

describe('requestConfluence', () => {
  it('asUser() reaches the handler with the invocation user, path, query and method', async () => {
    const res = await runInInvocation({ accountId: 'user-anna' }, () =>
      asUser().requestConfluence(route`/wiki/api/v2/pages/${'123'}?body-format=${'storage'}`, { headers: { Accept: 'application/json' } }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '123', title: 'Införande' });
    expect(calls).toHaveLength(1);
    const [req] = calls;
    expect(req).toMatchObject({ method: 'GET', path: '/wiki/api/v2/pages/123', as: 'user', accountId: 'user-anna', body: undefined });
    expect(req!.query.get('body-format')).toBe('storage');
    expect(req!.headers.accept).toBe('application/json');
  });

  it('keeps concurrent invocations apart', async () => {
    await Promise.all(
      ['u1', 'u2', 'u3'].map((accountId) =>
        runInInvocation({ accountId }, async () => {
          await new Promise((r) => setTimeout(r, 5));
          return asUser().requestConfluence(route`/wiki/rest/api/user/current?who=${accountId}`);
        }),
      ),
    );
    expect(calls.map((c) => [c.query.get('who'), c.accountId]).sort()).toEqual([
      ['u1', 'u1'],
      ['u2', 'u2'],
      ['u3', 'u3'],
    ]);
  });

  it('asApp() arrives with as="app"', async () => {
    await runInInvocation({ accountId: 'user-bo' }, () => asApp().requestConfluence(route`/wiki/api/v2/spaces`));
    expect(calls[0]).toMatchObject({ as: 'app', path: '/wiki/api/v2/spaces', accountId: 'user-bo' });
  });

  it('passes a JSON body and the method through, and the reply status and headers back', async () => {
    reply = { status: 201, body: 'created', headers: { 'x-custom': 'yes' } };
    const res = await runInInvocation({ accountId: 'user-anna' }, () =>
      asUser().requestConfluence(route`/wiki/api/v2/pages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'T', spaceId: '1' }),
      }),
    );
    expect(calls[0]).toMatchObject({ method: 'POST', body: { title: 'T', spaceId: '1' }, as: 'user' });
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(await res.text()).toBe('created');
  });

  it('returns error statuses as responses, like the platform does', async () => {
    reply = { status: 404, body: { message: 'Not found' } };
    const res = await runInInvocation({ accountId: 'u' }, () => asUser().requestConfluence(route`/wiki/api/v2/pages/999`));
    expect(res.status).toBe(404);
    expect(res.ok).toBe(false);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });

  it.each([undefined, 'unidentified'])('asUser() for an anonymous principal (%s) fails with NEEDS_AUTHENTICATION_ERR before reaching Confluence', async (accountId) => {
    const attempt = runInInvocation({ accountId }, () => asUser().requestConfluence(route`/wiki/api/v2/pages/1`));
    await expect(attempt).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    expect(calls).toHaveLength(0);
  });

  it('asUser() outside any invocation has no user either', async () => {
    await expect(asUser().requestConfluence(route`/wiki/api/v2/pages/1`)).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
    expect(calls).toHaveLength(0);
  });

  it('asApp() works for anonymous viewers', async () => {
    await runInInvocation({ accountId: undefined }, () => asApp().requestConfluence(route`/wiki/api/v2/pages/1`));
    expect(calls[0]).toMatchObject({ as: 'app', accountId: undefined });
  });

  it('refuses other products', async () => {
    await expect(runInInvocation({ accountId: 'u' }, () => asApp().requestJira(route`/rest/api/3/myself`))).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
    });
  });
});

describe('egress', () => {
  it('refuses @forge/api fetch to an external URL', async () => {
    await expect(runInInvocation({ accountId: 'u' }, () => forgeFetch('https://example.com/data.json'))).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
      message: expect.stringContaining('https://example.com/data.json'),
    });
    await expect(api.fetch('https://example.com/')).rejects.toMatchObject({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR' });
    expect(processFetch).not.toHaveBeenCalled();
  });

  it('refuses the global fetch inside an invocation but leaves it alone outside', async () => {
    await expect(runInInvocation({ accountId: 'u' }, () => fetch('https://example.com/'))).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
    });
    expect(processFetch).not.toHaveBeenCalled();
    const res = await fetch('http://localhost:1/health');
    expect(await res.text()).toBe('from the network');
    expect(processFetch).toHaveBeenCalledTimes(1);
  });

  it('lets the Confluence handler itself use the network (it is not app code)', async () => {
    const proxying: ConfluenceHandler = async () => {
      const upstream = await fetch('http://localhost:1/confluence');
      return { status: 200, body: await upstream.text() };
    };
    installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence: proxying, scopes: APP_SCOPES });
    const res = await runInInvocation({ accountId: 'u' }, () => asUser().requestConfluence(route`/wiki/x`));
    expect(await res.text()).toBe('from the network');
  });
});

describe('KVS wiring and re-installation', () => {
  it('sends @forge/kvs calls to the installed LocalKvs', async () => {
    const local = new LocalKvs({ entities: [] });
    installForgeRuntime({ kvs: local, confluence, scopes: APP_SCOPES });
    await runInInvocation({ accountId: 'u' }, () => kvs.set('from-app', 1));
    expect((await local.handle('/api/v1/get', { key: 'from-app' })).body).toEqual({ key: 'from-app', value: 1 });
  });

  it('re-installing replaces the store and does not wrap fetch twice', async () => {
    const a = new LocalKvs({ entities: [] });
    installForgeRuntime({ kvs: a, confluence, scopes: APP_SCOPES });
    await kvs.set('k', 'in a');
    const b = new LocalKvs({ entities: [] });
    installForgeRuntime({ kvs: b, confluence, scopes: APP_SCOPES });
    installForgeRuntime({ kvs: b, confluence, scopes: APP_SCOPES });
    expect(await kvs.get('k')).toBeUndefined();
    await fetch('http://localhost:1/');
    expect(processFetch).toHaveBeenCalledTimes(1);
  });

  it('exposes the current principal and an app context', async () => {
    expect(currentInvocationPrincipal()).toBeUndefined();
    const seen = await runInInvocation({ accountId: 'user-c' }, async () => currentInvocationPrincipal());
    expect(seen).toEqual({ accountId: 'user-c' });
    const ctx = await runInInvocation({ accountId: 'user-c' }, async () => getAppContext());
    expect(ctx.environmentType).toBe('DEVELOPMENT');
    expect(ctx.appAri.toString()).toMatch(/^ari:cloud:ecosystem::app\//);
  });
});

describe('scopes', () => {
  it('refuses storage to an app without storage:app, and grants the manifest’s scopes to the runtime', async () => {
    installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence: async () => ({ status: 404, body: null }), scopes: [] });
    await expect(kvs.set('k', 'v')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    await kvs.set('k', 'v');
    expect(await kvs.get('k')).toBe('v');
    const runtime = (globalThis as unknown as { __forge_runtime__: { appContext: { permissions: { scopes: string[] } } } }).__forge_runtime__;
    expect(runtime.appContext.permissions.scopes).toEqual([...APP_SCOPES]);
    expect(APP_SCOPES).toContain('storage:app');
  });
});
