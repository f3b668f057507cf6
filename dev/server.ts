/**
 * The local Forge host: `npm start` serves a Confluence-like page with the app's four macros, running
 * the production code unchanged — the built Custom UI in sandboxed iframes, the real handlers from src/,
 * the real @forge/* packages against the strict local KVS and the Confluence stub.
 *
 * Two origins, as in Forge: the host page on the address you open (e.g. http://localhost:4700) and the
 * app's iframes on the other loopback name (http://127.0.0.1:4700), so the app cannot reach into the
 * page, just as a Forge app cannot reach into Confluence. The iframes get Forge's sandbox flags and a
 * strict CSP, and talk to the page only by postMessage.
 *
 * Usage: `tsx dev/server.ts [--memory]`; PORT (default 4700), KVS_FILE (default .data/kvs.json),
 * KVS_MEMORY=1, FRESH_PROCESS=1 (every invoke in a cold process). In-process:
 * `startServer({ port: 0, memory: true })`.
 *
 * Forge's limits hold here as on a site: invocation limits in the invoke runner (dev/invoke-limits.ts),
 * KVS rate limits in the local KVS (dev/kvs/rate-limiter.ts). See docs/local-host.md, "Limits".
 */
import { APP_SCOPES } from './app-manifest';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { getProgramme, listProgrammesInSpace, seedProgramme } from '../src/storage';
import { THEME_ATTRIBUTE, tokensCss } from './bridge/theme-tokens';
import { createConfluenceStub } from './confluence-stub';
import { buildDemoProgramme, DEMO_PROGRAMME_ID, DEMO_SPACE_KEY } from './demo-data';
import { DEMO_PAGES, DEMO_USERS, isDemoUserId, pageById, spaceAccess, spaceByKey, type DemoUserId, type SpaceKey } from './demo-users';
import { installForgeRuntime } from './forge-runtime';
import { adfErrors } from './host-page/adf-validator';
import { appFrameCsp, injectBridge } from './host-page/app-frame';
import { MacroConfigStore, MAX_CONFIG_BYTES } from './host-page/macro-configs';
import { MacroInstanceRegistry, type IssuedInstance } from './host-page/macro-instances';
import { renderHostPage, type RenderedMacro } from './host-page/render-host-page';
import { FORGE_INVOKE_LIMITS, invokeLimitMessages, type InvokeLimits } from './invoke-limits';
import { buildSpacePageViewContext, buildViewContext, InvokeError, InvokeRunner, type ColorMode, type HostLocale, type MacroInstance } from './invoke-runner';
import { LocalKvs, loadEntityDefinitions, type LocalKvsOptions } from './kvs';

export interface StartServerOptions {
  /** Default 4700; 0 picks a free port. */
  port?: number;
  /** Where the KVS data lives. Default: <app>/.data/kvs.json. Ignored with `memory`. */
  kvsFile?: string;
  /** Keep all data in memory (tests, benchmarks). */
  memory?: boolean;
  /** The app root (manifest.yml, src/, static/). Default: this repository. */
  appRoot?: string;
  /** The clock the demo data is generated against. */
  now?: () => Date;
  /** Every invoke in a cold process (InvokeRunnerOptions.freshProcess). Default off, or FRESH_PROCESS=1. */
  freshProcess?: boolean;
  /** Lower invocation limits, for tests (default Forge's: FORGE_INVOKE_LIMITS). */
  invokeLimits?: Partial<InvokeLimits>;
  /** The KVS's rate limits (default Forge's; `false` switches them off, which a test rarely wants). */
  kvsRateLimits?: LocalKvsOptions['rateLimits'];
  /**
   * Serve another directory as a resource (key in manifest.yml → directory), read on every request. The
   * bench uses it to load a framework-free page through the same bridge, to measure what any Custom UI costs.
   */
  resourceOverrides?: Map<string, string>;
  /** Seed the demo programme into an empty store (default true); false starts an empty site, e.g. to restore a backup into. */
  seedDemo?: boolean;
}

export interface RunningServer {
  /** The host page, e.g. http://localhost:4700/ */
  url: string;
  port: number;
  kvs: LocalKvs;
  runner: InvokeRunner;
  /** The macro configs "in the pages": browser tests set a perspective here as an editor would in the dialog. */
  macroConfigs: MacroConfigStore;
  close(): Promise<void>;
}

const DEFAULT_PORT = 4700;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const SESSION_COOKIE = 'forge-local-host';
const PUBLIC_DIR = join(__dirname, 'host-page', 'public');
const BRIDGE_FILE = join(__dirname, 'bridge', 'bridge.js');

interface HostSession {
  pageId: string;
  userId: DemoUserId;
  locale: HostLocale;
  colorMode: ColorMode;
}

const DEFAULT_SESSION: HostSession = { pageId: '1001', userId: 'demo-editor', locale: 'sv', colorMode: 'light' };

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const appRoot = resolve(options.appRoot ?? join(__dirname, '..'));
  const manifestPath = join(appRoot, 'manifest.yml');
  const kvsFile = options.memory ? undefined : resolve(options.kvsFile ?? join(appRoot, '.data', 'kvs.json'));

  // Take the port first: a busy port must fail before this process's Forge runtime is touched.
  let host: HostHandlers | undefined;
  const server = createServer((req, res) => {
    if (!host) return send(res, 503, 'text/plain; charset=utf-8', 'The local Forge host is starting');
    host.handle(req, res).catch((e: unknown) => {
      console.error('Local Forge host: unhandled error', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { message: 'Internal error in the local Forge host' } });
      else res.end();
    });
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT);
  const siteUrl = `http://localhost:${port}`;
  const close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });

  try {
    const kvs = new LocalKvs({ entities: loadEntityDefinitions(manifestPath), persistPath: kvsFile, rateLimits: options.kvsRateLimits });
    installForgeRuntime({ kvs, confluence: createConfluenceStub({ baseUrl: siteUrl }), scopes: APP_SCOPES });
    const runner = new InvokeRunner({ appRoot, freshProcess: options.freshProcess, limits: options.invokeLimits });
    for (const problem of runner.preload()) console.warn(`Local Forge host: ${problem}`);
    const configs = new MacroConfigStore(kvsFile ? join(dirname(kvsFile), 'macro-configs.json') : undefined);
    // Bulk seeding, as an admin import would be spread over minutes: outside Forge's per-minute KVS limits.
    if (options.seedDemo !== false) await kvs.withoutRateLimits(() => seedDemoProgramme(kvs, options.now ?? (() => new Date()), kvsFile));
    host = new HostHandlers(appRoot, runner, configs, new MacroInstanceRegistry(), port, options.resourceOverrides ?? new Map());
    return { url: `${siteUrl}/`, port, kvs, runner, macroConfigs: configs, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function listen(server: Server, wanted: number): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`Port ${wanted} is already in use. Stop the other server or choose another port: PORT=4701 npm start`)
          : e,
      );
    });
    server.listen(wanted, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : wanted);
    });
  });
}

/**
 * Seeds the demo programme, only ever into an empty store: seeding writes records under fixed ids, so into
 * a store that holds anything (say, edited initiatives whose programme record was deleted by hand) it could
 * overwrite someone's work and leave the history disagreeing with the records. Then it says why it did not.
 */
async function seedDemoProgramme(kvs: LocalKvs, now: () => Date, dataFile: string | undefined): Promise<void> {
  if (kvs.isEmpty()) return seedInto(now);
  if ((await getProgramme(DEMO_PROGRAMME_ID)) || (await listProgrammesInSpace(DEMO_SPACE_KEY)).length > 0) return;
  console.warn(
    `Local Forge host: the data ${dataFile ? `in ${dataFile} ` : ''}has no programme in space ${DEMO_SPACE_KEY}, but it is not empty, ` +
      'so the demo programme was not loaded (loading it could overwrite what is there). ' +
      `To start again from the demo data, stop the server and delete ${dataFile ? dirname(dataFile) : 'the data'}.`,
  );
}

async function seedInto(now: () => Date): Promise<void> {
  const demo = buildDemoProgramme(now());
  await seedProgramme(demo.programme, demo.initiatives, demo.history);
}

// ------------------------------------------------------------------ request handling

class HostHandlers {
  constructor(
    private readonly appRoot: string,
    private readonly runner: InvokeRunner,
    private readonly configs: MacroConfigStore,
    private readonly instances: MacroInstanceRegistry,
    private readonly port: number,
    private readonly resourceOverrides: ReadonlyMap<string, string>,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The host's two origins are localhost and 127.0.0.1 on its own port, and its origin checks build on
    // the Host header: any other name (a DNS-rebinding site that resolves to 127.0.0.1) is refused, so no
    // web page can drive the host as a demo user.
    if (!isOwnHost(req.headers.host, this.port)) {
      return send(res, 421, 'text/plain; charset=utf-8', 'This local Forge host answers only to localhost and 127.0.0.1 on its own port.');
    }
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'POST' && path === '/api/invoke') return this.invoke(req, res);
    if (method === 'POST' && path === '/api/submit') return this.submit(req, res);
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { message: `${method} is not allowed here` } });

    if (path === '/') return this.hostPage(req, res, url);
    // A space page (confluence:spacePage), at Confluence's /spaces/:spaceKey/apps/... shape (decision 0022).
    const spacePage = /^\/spaces\/([A-Z]+)\/apps\/([A-Za-z0-9_-]+)$/.exec(path);
    if (spacePage && spaceByKey(spacePage[1]!)) return this.spacePageHost(req, res, url, spacePage[1]! as SpaceKey, spacePage[2]!);
    if (path === '/host/host.js' || path === '/host/host.css') return sendFile(res, join(PUBLIC_DIR, path.slice('/host/'.length)), 'no-cache');
    if (path === '/__forge/bridge.js') return sendFile(res, BRIDGE_FILE, 'no-cache');
    if (path === '/__forge/tokens.css') return send(res, 200, 'text/css; charset=utf-8', tokensCss(), { 'cache-control': 'max-age=3600' });
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');

    const resource = /^\/forge\/resource\/([A-Za-z0-9_-]+)\/(.*)$/.exec(path);
    if (resource) return this.resourceFile(req, res, resource[1]!, resource[2]!, url);

    const exportMatch = /^\/export\/(\d+)\.adf\.json$/.exec(path);
    if (exportMatch) return this.exportPage(req, res, exportMatch[1]!, url);

    // Links the app builds from context.siteUrl (Confluence page URLs) lead to the host page.
    const wikiPage = /^\/wiki\/spaces\/[^/]+\/pages\/(\d+)/.exec(path);
    if (wikiPage && pageById(wikiPage[1]!)) return redirect(res, `/?page=${wikiPage[1]}`);

    return send(res, 404, 'text/plain; charset=utf-8', `Not found: ${path}`);
  }

  // -------------------------------------------------------------- the host page

  private hostPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const session = readSession(req, url);
    const { hostOrigin, appOrigin } = originsOf(req);
    const page = pageById(session.pageId)!;
    const user = DEMO_USERS[session.userId];
    const canEditPage = spaceAccess(page.spaceKey, user.id) === 'edit';
    const manifest = this.runner.manifest();
    let buildMissing = false;

    const macros: RenderedMacro[] = page.macros.map((m) => {
      const module = manifest.macros.get(m.moduleKey);
      if (!module) return { localId: m.localId, moduleKey: m.moduleKey, frameUrl: '', unavailable: `manifest.yml has no macro "${m.moduleKey}"` };
      if ((user.accountType === 'anonymous' || user.accountType === 'unlicensed') && !module.unlicensedAccess.includes(user.accountType)) {
        return { localId: m.localId, moduleKey: m.moduleKey, frameUrl: '', unavailable: `Not available to ${user.accountType} users (unlicensedAccess)` };
      }
      if (!existsSync(join(this.resourceDir(module.resource), 'index.html'))) buildMissing = true;
      const issue = (isConfiguring: boolean) =>
        this.instances.issue({
          pageId: page.id,
          localId: m.localId,
          moduleKey: m.moduleKey,
          userId: user.id,
          locale: session.locale,
          colorMode: session.colorMode,
          isConfiguring,
          hostOrigin,
          siteUrl: hostOrigin,
        });
      const frameUrl = `${appOrigin}/forge/resource/${module.resource}/index.html?instance=${issue(false).token}`;
      const configUrl =
        canEditPage && module.configResource
          ? `${appOrigin}/forge/resource/${module.configResource}/index.html?instance=${issue(true).token}`
          : undefined;
      return { localId: m.localId, moduleKey: m.moduleKey, frameUrl, configUrl };
    });

    const html = renderHostPage({
      page,
      user,
      locale: session.locale,
      colorMode: session.colorMode,
      appOrigin,
      macros,
      buildMissing,
      spacePageLink: this.spacePageLink(page.spaceKey),
    });
    sendHostHtml(res, html, session, appOrigin);
  }

  /** The space's app page in the breadcrumbs, as Confluence lists a space page in the space's navigation. */
  private spacePageLink(spaceKey: string): { title: string; href: string } | undefined {
    const module = [...this.runner.manifest().spacePages.values()][0];
    return module ? { title: module.title, href: `/spaces/${spaceKey}/apps/${module.route}` } : undefined;
  }

  /**
   * A space page: the module in one sandboxed iframe of the app's origin, like a macro, with the space in its
   * context and no page. The same user, language and theme switches as the page view (they submit to '/').
   */
  private spacePageHost(req: IncomingMessage, res: ServerResponse, url: URL, spaceKey: SpaceKey, route: string): void {
    const module = [...this.runner.manifest().spacePages.values()].find((m) => m.route === route);
    if (!module) return send(res, 404, 'text/plain; charset=utf-8', `No space page with route ${route} in manifest.yml`);
    const session = readSession(req, url);
    const { hostOrigin, appOrigin } = originsOf(req);
    const user = DEMO_USERS[session.userId];
    const space = spaceByKey(spaceKey)!;
    let unavailable: string | undefined;
    if ((user.accountType === 'anonymous' || user.accountType === 'unlicensed') && !module.unlicensedAccess.includes(user.accountType)) {
      unavailable = `Not available to ${user.accountType} users (unlicensedAccess)`;
    } else if (spaceAccess(spaceKey, user.id) === 'none') {
      unavailable = 'You cannot see this space';
    }
    const instance = this.instances.issue({
      pageId: '',
      localId: '',
      moduleKey: module.key,
      userId: user.id,
      locale: session.locale,
      colorMode: session.colorMode,
      isConfiguring: false,
      hostOrigin,
      siteUrl: hostOrigin,
      spaceKey,
    });
    const frame: RenderedMacro = {
      localId: `space-${spaceKey}`,
      moduleKey: module.key,
      title: module.title,
      frameUrl: `${appOrigin}/forge/resource/${module.resource}/index.html?instance=${instance.token}`,
      unavailable,
    };
    const page = { id: space.homepageId, title: module.title, spaceKey, macros: [] };
    const html = renderHostPage({
      page,
      user,
      locale: session.locale,
      colorMode: session.colorMode,
      appOrigin,
      macros: [frame],
      buildMissing: !existsSync(join(this.resourceDir(module.resource), 'index.html')),
      spacePage: true,
      spacePageLink: this.spacePageLink(spaceKey),
    });
    sendHostHtml(res, html, session, appOrigin);
  }

  // -------------------------------------------------------------- the app's files

  private resourceDir(key: string): string {
    const rel = this.runner.manifest().resources.get(key);
    if (!rel) throw new InvokeError(`No resource "${key}" in manifest.yml`, 404);
    return resolve(this.resourceOverrides.get(key) ?? resolve(this.appRoot, rel));
  }

  private resourceFile(req: IncomingMessage, res: ServerResponse, key: string, rel: string, url: URL): void {
    let dir: string;
    try {
      dir = this.resourceDir(key);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', `No resource "${key}"`);
    }
    if (rel === '' || rel === 'index.html') return this.appFrame(req, res, key, dir, url);
    const file = resolve(dir, decodeURIComponent(rel));
    if (!file.startsWith(dir + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    // Vite names every asset by its content hash, so assets can be cached for good.
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return sendFile(res, file, cache);
  }

  private appFrame(req: IncomingMessage, res: ServerResponse, key: string, dir: string, url: URL): void {
    const instance = this.instances.get(url.searchParams.get('instance'));
    if (!instance) return send(res, 404, 'text/plain; charset=utf-8', 'Unknown macro instance. Reload the host page.');
    if (instance.spaceKey !== undefined) return this.spacePageFrame(res, key, dir, instance);
    const module = this.runner.macro(instance.moduleKey);
    const expected = instance.isConfiguring ? module.configResource : module.resource;
    if (expected !== key) return send(res, 404, 'text/plain; charset=utf-8', 'This instance belongs to another resource');

    const indexFile = join(dir, 'index.html');
    if (!existsSync(indexFile)) return sendNotBuilt(res);
    const user = DEMO_USERS[instance.userId];
    const context = buildViewContext(this.macroInstance(instance), user, {
      locale: instance.locale,
      colorMode: instance.colorMode,
      siteUrl: instance.siteUrl,
    });
    const html = injectBridge(readFileSync(indexFile, 'utf8'), {
      instance: instance.token,
      hostOrigin: instance.hostOrigin,
      themeAttribute: THEME_ATTRIBUTE,
      context,
    });
    this.sendFrameHtml(res, html, instance);
  }

  /** A space page's iframe: the same build, with the space page's context (a space and no page). */
  private spacePageFrame(res: ServerResponse, key: string, dir: string, instance: IssuedInstance): void {
    const module = this.runner.spacePage(instance.moduleKey);
    if (module.resource !== key) return send(res, 404, 'text/plain; charset=utf-8', 'This instance belongs to another resource');
    const indexFile = join(dir, 'index.html');
    if (!existsSync(indexFile)) return sendNotBuilt(res);
    const context = buildSpacePageViewContext({ spaceKey: instance.spaceKey!, moduleKey: instance.moduleKey }, DEMO_USERS[instance.userId], {
      locale: instance.locale,
      colorMode: instance.colorMode,
      siteUrl: instance.siteUrl,
    });
    const html = injectBridge(readFileSync(indexFile, 'utf8'), { instance: instance.token, hostOrigin: instance.hostOrigin, themeAttribute: THEME_ATTRIBUTE, context });
    this.sendFrameHtml(res, html, instance);
  }

  /** An app iframe's document: under the CSP Forge would apply from the manifest, framed only by its host page. */
  private sendFrameHtml(res: ServerResponse, html: string, instance: IssuedInstance): void {
    send(res, 200, 'text/html; charset=utf-8', html, {
      'cache-control': 'no-store',
      'content-security-policy': appFrameCsp(this.runner.manifest(), instance.hostOrigin),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
  }

  private macroInstance(instance: IssuedInstance): MacroInstance {
    return {
      pageId: instance.pageId,
      localId: instance.localId,
      moduleKey: instance.moduleKey,
      config: this.configs.get(instance.pageId, instance.localId),
      isConfiguring: instance.isConfiguring,
      isEditing: instance.isConfiguring,
      isInserting: false,
    };
  }

  // -------------------------------------------------------------- bridge calls from the iframes

  /** The instance a bridge call names; the caller must be the host page the instance was issued to. */
  private async bridgeCall(req: IncomingMessage, res: ServerResponse): Promise<{ instance: IssuedInstance; body: Record<string, unknown> } | undefined> {
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch (e) {
      // The rest of an oversized body is never read: close the connection rather than leave it to the next request.
      if (e instanceof BodyTooLargeError) res.setHeader('connection', 'close');
      if (e instanceof BodyTooLargeError && req.url?.startsWith('/api/invoke')) {
        const limit = FORGE_INVOKE_LIMITS.payloadBytes;
        sendJson(res, 413, { ok: false, error: { message: invokeLimitMessages.payload(e.bytes, limit, true), code: 'INVOKE_PAYLOAD_TOO_LARGE' } });
      } else {
        sendJson(res, e instanceof BodyTooLargeError ? 413 : 400, { ok: false, error: { message: (e as Error).message } });
      }
      return undefined;
    }
    const instance = this.instances.get(body.instance);
    if (!instance) {
      sendJson(res, 401, { ok: false, error: { message: 'Unknown macro instance; reload the page' } });
      return undefined;
    }
    // Only the host page calls the backend (for its iframes, through the bridge): as on Forge, where the
    // app's own origin is a CDN without one. A request from the app origin, another site, or a tool that
    // sends no Origin at all is refused.
    if (req.headers.origin !== instance.hostOrigin) {
      sendJson(res, 403, { ok: false, error: { message: `Bridge calls are made by the host page (${instance.hostOrigin}), not by the app or another origin` } });
      return undefined;
    }
    return { instance, body };
  }

  private async invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call = await this.bridgeCall(req, res);
    if (!call) return;
    const { instance, body } = call;
    if (typeof body.functionKey !== 'string') return sendJson(res, 400, { ok: false, error: { message: 'functionKey must be a string!' } });
    try {
      const settings = { locale: instance.locale, colorMode: instance.colorMode, siteUrl: instance.siteUrl };
      const user = DEMO_USERS[instance.userId];
      const result =
        instance.spaceKey !== undefined
          ? await this.runner.invokeSpacePageFunction({ functionKey: body.functionKey, payload: body.payload, instance: { spaceKey: instance.spaceKey, moduleKey: instance.moduleKey }, user, settings })
          : await this.runner.invokeFunction({ functionKey: body.functionKey, payload: body.payload, macroInstance: this.macroInstance(instance), user, settings });
      sendJson(res, 200, { ok: true, body: result });
    } catch (e) {
      if (e instanceof InvokeError) return sendJson(res, e.status, { ok: false, error: { message: e.message, ...(e.code ? { code: e.code } : {}) } });
      console.error(`Resolver "${body.functionKey}" failed:`, e);
      // What Forge's bridge reports when the function throws.
      sendJson(res, 500, { ok: false, error: { message: `There was an error invoking the function - ${(e as Error)?.message ?? String(e)}` } });
    }
  }

  private async submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call = await this.bridgeCall(req, res);
    if (!call) return;
    const { instance, body } = call;
    if (!instance.isConfiguring) return sendJson(res, 400, { ok: false, error: { message: "this resource's view is not submittable." } });
    const page = pageById(instance.pageId)!;
    if (spaceAccess(page.spaceKey, instance.userId) !== 'edit') {
      return sendJson(res, 403, { ok: false, error: { message: 'Only users who can edit the page can change a macro' } });
    }
    const payload = body.payload as Record<string, unknown> | undefined;
    const unknownKeys = payload && typeof payload === 'object' ? Object.keys(payload).filter((k) => k !== 'config' && k !== 'keepEditing') : [];
    if (!payload || typeof payload !== 'object' || !isPlainObject(payload.config) || unknownKeys.length > 0) {
      return sendJson(res, 400, {
        ok: false,
        error: { message: `view.submit() for a macro config takes { config: {...}, keepEditing?: boolean }${unknownKeys.length ? `; unknown: ${unknownKeys.join(', ')}` : ''}` },
      });
    }
    if (Buffer.byteLength(JSON.stringify(payload.config)) > MAX_CONFIG_BYTES) {
      return sendJson(res, 413, { ok: false, error: { message: `The macro config is larger than ${MAX_CONFIG_BYTES} bytes` } });
    }
    this.configs.set(instance.pageId, instance.localId, payload.config as Record<string, unknown>);
    sendJson(res, 200, { ok: true, keepEditing: payload.keepEditing === true });
  }

  // -------------------------------------------------------------- PDF/Word export

  private async exportPage(req: IncomingMessage, res: ServerResponse, pageId: string, url: URL): Promise<void> {
    const page = pageById(pageId);
    if (!page) return sendJson(res, 404, { error: `No page ${pageId}` });
    const session = readSession(req, url);
    const user = DEMO_USERS[session.userId];
    const exportType = (['pdf', 'word', 'other'] as const).find((t) => t === url.searchParams.get('type')) ?? 'pdf';
    const { hostOrigin } = originsOf(req);
    const content: unknown[] = [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: page.title }] }];
    for (const m of page.macros) {
      try {
        const result = (await this.runner.exportMacro({
          macroInstance: { pageId, localId: m.localId, moduleKey: m.moduleKey, config: this.configs.get(pageId, m.localId) },
          user,
          exportType,
          settings: { locale: session.locale, colorMode: session.colorMode, siteUrl: hostOrigin },
        })) as { type?: unknown; content?: unknown[] } | undefined;
        // A function may return a whole document or a single node; a document's content is spliced in.
        if (result && result.type === 'doc' && Array.isArray(result.content)) content.push(...result.content);
        else if (result) content.push(result);
      } catch (e) {
        console.error(`adfExport of ${m.moduleKey} failed:`, e);
        return sendJson(res, e instanceof InvokeError ? e.status : 500, { error: `adfExport of macro ${m.localId} (${m.moduleKey}) failed: ${(e as Error).message}` });
      }
    }
    const document = { version: 1, type: 'doc', content };
    const errors = adfErrors(document);
    if (errors.length > 0) return sendJson(res, 422, { error: 'The exported page is not valid ADF', errors, document }, 2);
    sendJson(res, 200, document, 2);
  }
}

// ------------------------------------------------------------------ origins and the host session

/** localhost and 127.0.0.1 are different origins: the host page uses one, the app's iframes the other. */
function appOriginFor(hostOrigin: string): string {
  const u = new URL(hostOrigin);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname === '127.0.0.1' ? 'localhost' : u.hostname;
  return u.origin;
}

function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `localhost:${port}` || hostHeader === `127.0.0.1:${port}`;
}

function originsOf(req: IncomingMessage): { hostOrigin: string; appOrigin: string } {
  const hostHeader = req.headers.host ?? 'localhost';
  const hostOrigin = new URL(`http://${hostHeader}`).origin;
  return { hostOrigin, appOrigin: appOriginFor(hostOrigin) };
}

function readSession(req: IncomingMessage, url: URL): HostSession {
  const cookie = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  const saved = cookie ? new URLSearchParams(cookie) : new URLSearchParams();
  const pick = (name: string) => url.searchParams.get(name) ?? saved.get(name);
  const pageId = pick('page');
  const userId = pick('user');
  const locale = pick('locale');
  const theme = pick('theme');
  return {
    pageId: pageId && Object.prototype.hasOwnProperty.call(DEMO_PAGES, pageId) ? pageId : DEFAULT_SESSION.pageId,
    userId: isDemoUserId(userId) ? userId : DEFAULT_SESSION.userId,
    locale: locale === 'en' || locale === 'sv' ? locale : DEFAULT_SESSION.locale,
    colorMode: theme === 'dark' || theme === 'light' ? theme : DEFAULT_SESSION.colorMode,
  };
}

function writeSession(s: HostSession): string {
  return new URLSearchParams({ page: s.pageId, user: s.userId, locale: s.locale, theme: s.colorMode }).toString();
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

// ------------------------------------------------------------------ HTTP helpers

/** The host page (a Confluence page or a space page): the session cookie, and a CSP that frames only the app's origin. */
function sendHostHtml(res: ServerResponse, html: string, session: HostSession, appOrigin: string): void {
  res.setHeader('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(writeSession(session))}; Path=/; HttpOnly; SameSite=Lax`);
  send(res, 200, 'text/html; charset=utf-8', html, {
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src ${appOrigin}; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
  });
}

function sendNotBuilt(res: ServerResponse): void {
  send(res, 503, 'text/html; charset=utf-8', '<!doctype html><title>Not built</title><p>The app is not built. Run <code>npm run build</code> and reload the page.</p>');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, indent?: number): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body, null, indent) ?? 'null', { 'cache-control': 'no-store' });
}

function sendFile(res: ServerResponse, file: string, cacheControl: string): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  });
  if (res.req?.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

class BodyTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`The request is larger than ${MAX_BODY_BYTES} bytes`);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/application\/json/i.test(type)) throw new Error('Content-Type must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(size);
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('The body is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw new Error('The body must be a JSON object');
  return parsed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ------------------------------------------------------------------ CLI

async function main(): Promise<void> {
  const memory = process.argv.includes('--memory') || process.env.KVS_MEMORY === '1';
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const server = await startServer({ port, memory, kvsFile: process.env.KVS_FILE, freshProcess: process.env.FRESH_PROCESS === '1' });
  console.log(`Införandeöversikt local Forge host: ${server.url}`);
  console.log(memory ? 'Data: in memory (lost on exit)' : `Data: ${resolve(process.env.KVS_FILE ?? join(__dirname, '..', '.data', 'kvs.json'))}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Could not start the local Forge host: ${(e as Error).message}`);
    process.exit(1);
  });
}
