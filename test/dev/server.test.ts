import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { startServer, type RunningServer } from '../../dev/server';

const BUILD_INDEX = path.join(__dirname, '../../static/app/build/index.html');
const FORGE_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, memory: true });
}, 30_000);

afterAll(async () => {
  await server?.close();
});

interface Frame {
  localId: string;
  moduleKey: string;
  src: string;
  sandbox: string;
}

async function hostPage(query: string): Promise<{ html: string; frames: Frame[]; configUrls: string[] }> {
  const res = await fetch(`${server.url}?${query}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const frames = [...html.matchAll(/<iframe class="macro-frame" src="([^"]+)" sandbox="([^"]+)"[^>]*data-local-id="([^"]+)" data-module-key="([^"]+)"/g)].map(
    (m) => ({ src: m[1]!.replace(/&amp;/g, '&'), sandbox: m[2]!, localId: m[3]!, moduleKey: m[4]! }),
  );
  const configUrls = [...html.matchAll(/data-config-src="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return { html, frames, configUrls };
}

const tokenOf = (src: string) => new URL(src).searchParams.get('instance')!;

/** The host page's origin: the only one the backend takes bridge calls from (the bridge asks the host page). */
const hostOrigin = () => new URL(server.url).origin;

async function invoke(src: string, functionKey: string, payload: unknown = {}, headers: Record<string, string> = {}) {
  const res = await fetch(new URL('/api/invoke', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hostOrigin(), ...headers },
    body: JSON.stringify({ instance: tokenOf(src), functionKey, payload }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('the host page', () => {
  it('shows page 1001 with its four macros in Forge-sandboxed iframes on the app origin', async () => {
    const { html, frames } = await hostPage('user=anonymous&page=1001');
    expect(html).toContain('Införandeöversikt – Första linjens digitala vård');
    expect(frames.map((f) => f.moduleKey)).toEqual(['rollout-status', 'technical-needs', 'support-plan', 'roadmap']);
    for (const f of frames) {
      expect(f.sandbox).toBe(FORGE_SANDBOX);
      // The host is on localhost; the app must be another origin, as a Forge app is to Confluence.
      expect(new URL(f.src).origin).toBe(`http://127.0.0.1:${server.port}`);
    }
  });

  it('offers "edit macro" only to users who can edit the page', async () => {
    expect((await hostPage('user=anonymous&page=1001')).configUrls).toEqual([]);
    expect((await hostPage('user=demo-viewer&page=1001')).configUrls).toEqual([]);
    expect((await hostPage('user=demo-editor-other&page=1001')).configUrls).toEqual([]);
    expect((await hostPage('user=demo-editor&page=1001')).configUrls).toHaveLength(4);
    expect((await hostPage('user=demo-editor-other&page=2001')).configUrls).toHaveLength(1);
  });

  it('sends a strict CSP with the page', async () => {
    const res = await fetch(`${server.url}?user=anonymous`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-src http://127.0.0.1:${server.port}`);
  });
});

describe('getView through the HTTP invoke endpoint', () => {
  it.each(['anonymous', 'demo-editor'])('answers every macro on page 1001 for %s with the demo programme', async (user) => {
    const { frames } = await hostPage(`user=${user}&page=1001`);
    expect(frames).toHaveLength(4);
    for (const frame of frames) {
      const { status, json } = await invoke(frame.src, 'getView', {});
      expect(status).toBe(200);
      expect(json.ok).toBe(true);
      expect(json.body).toMatchObject({ ok: true, data: { state: 'ready', macro: frame.moduleKey, programme: { isExample: true, spaceKey: 'INF' } } });
    }
  });

  it('shows the INF programme on the OTHER page (published, chosen in the macro config)', async () => {
    const { frames } = await hostPage('user=demo-viewer&page=2001');
    const { json } = await invoke(frames[0]!.src, 'getView');
    expect(json.body).toMatchObject({ ok: true, data: { state: 'ready', programme: { spaceKey: 'INF' } } });
  });

  it('has no programme to show on the EMPTY page', async () => {
    const { frames } = await hostPage('user=demo-editor&page=3001');
    const { json } = await invoke(frames[0]!.src, 'getView');
    expect(json.body).toMatchObject({ ok: true, data: { state: 'no-programme' } });
  });

  it('takes the user from the host session, not from anything in the request', async () => {
    const { frames } = await hostPage('user=anonymous&page=1001');
    const { json } = await invoke(frames[0]!.src, 'getCapabilities', { accountId: 'demo-editor', accountType: 'licensed' });
    expect(json.ok).toBe(true);
    // Either the resolver rejects the unexpected payload or it ignores it: an anonymous caller never may edit.
    expect(json.body.ok === true ? json.body.data.canEdit : false).toBe(false);
    const editor = await invoke((await hostPage('user=demo-editor&page=1001')).frames[0]!.src, 'getCapabilities', {});
    expect(editor.json.body).toMatchObject({ ok: true, data: { canEdit: true } });
  });

  it('refuses an unknown instance token, and a call that does not come from the host page', async () => {
    const { frames } = await hostPage('user=demo-editor&page=1001');
    const forged = frames[0]!.src.replace(/instance=[^&]+/, 'instance=not-a-token');
    expect((await invoke(forged, 'getView')).status).toBe(401);
    expect((await invoke(frames[0]!.src, 'getView', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // The app's own origin has no backend, as Forge's CDN has none: app code must go through the bridge.
    expect((await invoke(frames[0]!.src, 'getView', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(403);
    const noOrigin = await fetch(new URL('/api/invoke', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instance: tokenOf(frames[0]!.src), functionKey: 'getView', payload: {} }),
    });
    expect(noOrigin.status).toBe(403);
    expect((await invoke(frames[0]!.src, 'getView')).status).toBe(200);
  });
});

describe('the macro iframe', () => {
  it('serves the production build with the bridge first, under the Forge-like CSP', async () => {
    const { frames } = await hostPage('user=anonymous&page=1001');
    const res = await fetch(frames[0]!.src);
    const html = await res.text();
    if (!existsSync(BUILD_INDEX)) {
      expect(res.status).toBe(503);
      expect(html).toContain('npm run build');
      return;
    }
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain(`frame-ancestors http://localhost:${server.port}`);
    expect(csp).not.toContain('unsafe-inline');
    const bridgeAt = html.indexOf('<script src="/__forge/bridge.js">');
    const firstAppScript = html.search(/<script (type="module" )?(crossorigin )?src="\.\//);
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(firstAppScript).toBeGreaterThan(bridgeAt);
    const data = JSON.parse(/<script type="application\/json" id="__forge_host_context">(.*?)<\/script>/.exec(html)![1]!);
    expect(data.context).toMatchObject({ moduleKey: 'rollout-status', accountType: 'anonymous', extension: { space: { key: 'INF' } } });
    // The build on disk is left as it is.
    expect(readFileSync(BUILD_INDEX, 'utf8')).not.toContain('__forge/bridge.js');
  });

  it('serves the bridge script and the design token CSS', async () => {
    const bridge = await fetch(`http://127.0.0.1:${server.port}/__forge/bridge.js`);
    expect(await bridge.text()).toContain('callBridge');
    const tokens = await fetch(`http://127.0.0.1:${server.port}/__forge/tokens.css`);
    const css = await tokens.text();
    expect(css).toContain('--ds-surface');
    expect(css).toContain('[data-color-mode="dark"]');
  });
});

describe('the config dialog', () => {
  it("saves the editor's config with the page, and the macro then runs with it", async () => {
    const { configUrls, frames } = await hostPage('user=demo-editor&page=1001');
    const roadmapConfig = configUrls[3]!;
    const submit = await fetch(new URL('/api/submit', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hostOrigin() },
      body: JSON.stringify({ instance: tokenOf(roadmapConfig), payload: { config: { perspective: 'region', regionCode: '01' } } }),
    });
    expect(submit.status).toBe(200);

    // Confluence re-renders the macro with its new config: a fresh page load sees it.
    const reloaded = await hostPage('user=anonymous&page=1001');
    const { json } = await invoke(reloaded.frames[3]!.src, 'getView');
    expect(json.body.data.config).toMatchObject({ perspective: 'region', regionCode: '01' });

    // A macro iframe (not the config dialog) cannot submit.
    const notConfig = await fetch(new URL('/api/submit', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hostOrigin() },
      body: JSON.stringify({ instance: tokenOf(frames[0]!.src), payload: { config: {} } }),
    });
    expect(notConfig.status).toBe(400);
  });

  it('rejects a submit that is not { config }', async () => {
    const { configUrls } = await hostPage('user=demo-editor&page=1001');
    const res = await fetch(new URL('/api/submit', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hostOrigin() },
      body: JSON.stringify({ instance: tokenOf(configUrls[0]!), payload: { perspective: 'region' } }),
    });
    expect(res.status).toBe(400);
  });
});

describe('PDF export', () => {
  it("combines the page's macro exports into one valid ADF document", async () => {
    const res = await fetch(`${server.url}export/1001.adf.json?user=anonymous`);
    const body = (await res.json()) as any;
    expect({ status: res.status, error: body.error, errors: body.errors }).toEqual({ status: 200, error: undefined, errors: undefined });
    expect(body).toMatchObject({ type: 'doc', version: 1 });
    expect(body.content.length).toBeGreaterThan(4);
  });
});

describe('starting', () => {
  it('answers only to its own names: a DNS-rebinding Host is refused before anything else', async () => {
    const status = (host: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status(`rebind.example:${server.port}`, '/')).toBe(421);
    expect(await status(`rebind.example:${server.port}`, '/host/host.js')).toBe(421);
    expect(await status(`localhost:${server.port + 1}`, '/')).toBe(421);
    expect(await status(`localhost:${server.port}`, '/')).toBe(200);
    expect(await status(`127.0.0.1:${server.port}`, '/host/host.js')).toBe(200);
  });

  it('fails with a clear message when the port is taken', async () => {
    await expect(startServer({ port: server.port, memory: true })).rejects.toThrow(/already in use/);
    // The failed start left the running host and its data alone.
    const { frames } = await hostPage('user=anonymous&page=1001');
    expect((await invoke(frames[0]!.src, 'getView')).json.body).toMatchObject({ ok: true, data: { state: 'ready' } });
  });
});
