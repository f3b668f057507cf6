/**
 * Runs the app's real Forge functions the way the platform does. Which handler serves a macro's
 * resolver or PDF export is read from manifest.yml (macro → function key → `file.export` under src/),
 * never hard-coded, so a manifest mistake shows up here as it would after `forge deploy`.
 *
 * The Forge context is built on the server from the macro instance (page → space, localId, module key,
 * saved config) and the signed-in demo user. A browser only ever names an instance and a resolver; what
 * it puts in the payload reaches the resolver as payload, exactly as in Forge, and decides nothing.
 *
 * Forge's invocation limits hold here (invoke-limits.ts): a payload over 500 KB is refused before the
 * function is called, an answer over 5 MB after it ran, and a function still running after 25 s is
 * stopped. Every call gets an `installContext`, the runner's own (two runners, two installations), and
 * with `freshProcess` every call starts in a cold process: the app's modules are loaded anew, so no
 * module-level state (a read cache) survives from the previous call.
 *
 * The Forge runtime (dev/forge-runtime.ts) must be installed before anything here runs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { DEMO_SPACES, pageById, spaceByKey, type DemoUser } from './demo-users';
import { InvocationTimeoutError, patchForgeApiFetch, runInInvocation } from './forge-runtime';
import { FORGE_INVOKE_LIMITS, invokeLimitMessages, jsonUtf8Bytes, type InvokeLimitCode, type InvokeLimits } from './invoke-limits';

export const LOCAL_CLOUD_ID = '0f1c2e3d-4b5a-4697-8877-6655f0e1d2c3';
/** The installContext Forge passes for this host's one site: its ARI. */
export const LOCAL_INSTALL_CONTEXT = `ari:cloud:confluence::site/${LOCAL_CLOUD_ID}`;
export const DEFAULT_SITE_URL = 'http://localhost:4700';
export const TIME_ZONE = 'Europe/Stockholm';

/** The host page's languages, and the Forge locale codes Confluence reports for them. */
export type HostLocale = 'sv' | 'en';
export const FORGE_LOCALE: Record<HostLocale, string> = { sv: 'sv-SE', en: 'en-US' };
export type ColorMode = 'light' | 'dark';

/** One macro on one page, as Confluence knows it. */
export interface MacroInstance {
  pageId: string;
  localId: string;
  moduleKey: string;
  /** The config saved with the macro; undefined until the config dialog has been submitted. */
  config?: Record<string, unknown>;
  isConfiguring?: boolean;
  isInserting?: boolean;
  /** True inside the editor, which here means the config dialog. */
  isEditing?: boolean;
}

/**
 * A space page (confluence:spacePage) of one space, as Confluence renders it: a module in a space, with no
 * content (page) and no config (decision 0022).
 */
export interface SpacePageInstance {
  spaceKey: string;
  moduleKey: string;
}

/** How the viewer sees the page: language, colour mode, and the site's URL. */
export interface ViewerSettings {
  locale?: HostLocale;
  colorMode?: ColorMode;
  siteUrl?: string;
}

// ------------------------------------------------------------------ the manifest

export interface MacroModule {
  key: string;
  resource: string;
  resolverFunction?: string;
  adfExportFunction?: string;
  configResource?: string;
  unlicensedAccess: string[];
}

/** A confluence:spacePage module: its resource, resolver, route and title, and who may open it. */
export interface SpacePageModule {
  key: string;
  resource: string;
  resolverFunction?: string;
  title: string;
  route: string;
  unlicensedAccess: string[];
}

export interface ForgeManifest {
  macros: Map<string, MacroModule>;
  spacePages: Map<string, SpacePageModule>;
  /** function key → handler reference, e.g. 'resolver' → 'index.handler'. */
  functions: Map<string, string>;
  /** resource key → path relative to the app root. */
  resources: Map<string, string>;
  /** permissions.content and permissions.external, for the Custom UI CSP. */
  content: { scripts: string[]; styles: string[] };
  external: Record<string, string[]>;
}

interface RawManifest {
  modules?: {
    macro?: Array<Record<string, unknown>>;
    'confluence:spacePage'?: Array<Record<string, unknown>>;
    function?: Array<{ key?: unknown; handler?: unknown }>;
  };
  resources?: Array<{ key?: unknown; path?: unknown }>;
  permissions?: { content?: { scripts?: unknown; styles?: unknown }; external?: Record<string, unknown> };
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'address' in v ? String((v as { address: unknown }).address) : '')).filter(Boolean);
}

export function loadForgeManifest(manifestPath: string): ForgeManifest {
  const raw = parse(readFileSync(manifestPath, 'utf8')) as RawManifest;
  const macros = new Map<string, MacroModule>();
  for (const m of raw.modules?.macro ?? []) {
    const key = String(m.key);
    const resolverSpec = m.resolver as { function?: unknown } | undefined;
    const exportSpec = m.adfExport as { function?: unknown } | undefined;
    const config = m.config as { resource?: unknown } | boolean | undefined;
    macros.set(key, {
      key,
      resource: String(m.resource),
      resolverFunction: typeof resolverSpec?.function === 'string' ? resolverSpec.function : undefined,
      adfExportFunction: typeof exportSpec?.function === 'string' ? exportSpec.function : undefined,
      configResource: config && typeof config === 'object' && typeof config.resource === 'string' ? config.resource : undefined,
      unlicensedAccess: strings(m.unlicensedAccess),
    });
  }
  const spacePages = new Map<string, SpacePageModule>();
  for (const m of raw.modules?.['confluence:spacePage'] ?? []) {
    const key = String(m.key);
    const resolverSpec = m.resolver as { function?: unknown } | undefined;
    spacePages.set(key, {
      key,
      resource: String(m.resource),
      resolverFunction: typeof resolverSpec?.function === 'string' ? resolverSpec.function : undefined,
      title: typeof m.title === 'string' ? m.title : String((m.title as { i18n?: unknown } | undefined)?.i18n ?? key),
      route: String(m.route),
      unlicensedAccess: strings(m.unlicensedAccess),
    });
  }
  const functions = new Map<string, string>();
  for (const f of raw.modules?.function ?? []) functions.set(String(f.key), String(f.handler));
  const resources = new Map<string, string>();
  for (const r of raw.resources ?? []) resources.set(String(r.key), String(r.path));
  const external: Record<string, string[]> = {};
  for (const [kind, list] of Object.entries(raw.permissions?.external ?? {})) {
    // external.fetch is split into { client, backend }; only `client` applies to the iframe.
    external[kind] = kind === 'fetch' && list && typeof list === 'object' && !Array.isArray(list) ? strings((list as { client?: unknown }).client) : strings(list);
  }
  return {
    macros,
    spacePages,
    functions,
    resources,
    content: { scripts: strings(raw.permissions?.content?.scripts), styles: strings(raw.permissions?.content?.styles) },
    external,
  };
}

// ------------------------------------------------------------------ the runner

export interface InvokeRunnerOptions {
  /** The app root: manifest.yml and src/ live here. Defaults to the repository root. */
  appRoot?: string;
  /** Forge's invocation limits (FORGE_INVOKE_LIMITS); tests lower the timeout rather than wait 25 s. */
  limits?: Partial<InvokeLimits>;
  /**
   * Every invocation in a cold process: the app's modules under src/ are loaded anew for each call, so
   * module-level state (caches) starts empty, as on a freshly started Forge function. Off by default:
   * one warm process, which Forge may also give (and shares across installations).
   */
  freshProcess?: boolean;
  /**
   * The installContext every invocation of this runner gets (default LOCAL_INSTALL_CONTEXT). A second
   * runner with another one is a second installation in the same warm process; give it its own KVS
   * with installForgeRuntime({ installations }).
   */
  installContext?: string;
}

type ForgeFunction = (event: unknown, context: unknown) => unknown;

export class InvokeError extends Error {
  constructor(
    message: string,
    /** The HTTP status the local host answers with. */
    readonly status: number,
    /** Set when the call broke one of Forge's invocation limits. */
    readonly code?: InvokeLimitCode,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}

export class InvokeRunner {
  readonly appRoot: string;
  readonly limits: Readonly<InvokeLimits>;
  readonly freshProcess: boolean;
  readonly installContext: string;
  private manifestCache?: ForgeManifest;

  constructor(options: InvokeRunnerOptions = {}) {
    this.appRoot = resolve(options.appRoot ?? join(__dirname, '..'));
    this.limits = Object.freeze({ ...FORGE_INVOKE_LIMITS, ...options.limits });
    this.freshProcess = options.freshProcess ?? false;
    this.installContext = options.installContext ?? LOCAL_INSTALL_CONTEXT;
  }

  manifest(): ForgeManifest {
    return (this.manifestCache ??= loadForgeManifest(join(this.appRoot, 'manifest.yml')));
  }

  macro(moduleKey: string): MacroModule {
    const macro = this.manifest().macros.get(moduleKey);
    if (!macro) throw new InvokeError(`No macro module "${moduleKey}" in manifest.yml`, 404);
    return macro;
  }

  /**
   * Calls a resolver of the macro, as `invoke(functionKey, payload)` from its iframe does: the manifest's
   * resolver function gets `{ call: { functionKey, payload }, context }` and the runtime payload.
   */
  async invokeFunction(request: {
    functionKey: string;
    payload?: unknown;
    macroInstance: MacroInstance;
    user: DemoUser;
    settings?: ViewerSettings;
  }): Promise<unknown> {
    const { macroInstance, user } = request;
    return this.callResolver(request.functionKey, request.payload, user, () => this.macro(macroInstance.moduleKey), 'Macro', () =>
      buildResolverContext(macroInstance, user, request.settings, cloudIdOf(this.installContext)),
    );
  }

  /**
   * One resolver call of a module, under Forge's invocation limits: the payload is checked before the module
   * is even looked up, the module's unlicensedAccess before its function runs, the answer's size after.
   */
  private async callResolver(
    functionKey: string,
    rawPayload: unknown,
    user: DemoUser,
    moduleOf: () => Pick<MacroModule, 'key' | 'resolverFunction' | 'unlicensedAccess'>,
    kind: string,
    contextOf: () => Record<string, unknown>,
  ): Promise<unknown> {
    if (typeof functionKey !== 'string' || functionKey.length === 0) throw new InvokeError('functionKey must be a string', 400);
    const payload = rawPayload ?? {};
    const payloadBytes = jsonUtf8Bytes(payload);
    if (payloadBytes > this.limits.payloadBytes) {
      throw new InvokeError(invokeLimitMessages.payload(payloadBytes, this.limits.payloadBytes), 413, 'INVOKE_PAYLOAD_TOO_LARGE');
    }
    const module = moduleOf();
    this.assertAccess(module, user);
    if (!module.resolverFunction) throw new InvokeError(`${kind} "${module.key}" declares no resolver`, 400);
    const handler = this.loadFunction(module.resolverFunction);
    const event = { call: { functionKey, payload }, context: contextOf() };
    const result = await this.run(user, () => handler(event, runtimePayload(user, this.installContext)));
    const responseBytes = jsonUtf8Bytes(result);
    if (responseBytes > this.limits.responseBytes) {
      throw new InvokeError(invokeLimitMessages.response(responseBytes, this.limits.responseBytes), 502, 'INVOKE_RESPONSE_TOO_LARGE');
    }
    return result;
  }

  spacePage(moduleKey: string): SpacePageModule {
    const module = this.manifest().spacePages.get(moduleKey);
    if (!module) throw new InvokeError(`No confluence:spacePage module "${moduleKey}" in manifest.yml`, 404);
    return module;
  }

  /** Calls a resolver of a space page module, as `invoke` from its iframe does (the same limits as a macro's). */
  async invokeSpacePageFunction(request: {
    functionKey: string;
    payload?: unknown;
    instance: SpacePageInstance;
    user: DemoUser;
    settings?: ViewerSettings;
  }): Promise<unknown> {
    const { instance, user } = request;
    return this.callResolver(request.functionKey, request.payload, user, () => this.spacePage(instance.moduleKey), 'Space page', () =>
      buildSpacePageContext(instance, user, request.settings, cloudIdOf(this.installContext)),
    );
  }

  /**
   * Runs the macro's adfExport function as Confluence does when a page is exported to PDF or Word. The
   * event is built in one layout at a time (`shape`, default EXPORT_EVENT_SHAPES' 'documented'), so a test
   * shows which place the app reads the config and the space from, instead of passing while the app reads
   * any of several (issue 12, finding 7c). The other shapes are the layouts samples have reported.
   */
  async exportMacro(request: {
    macroInstance: MacroInstance;
    user: DemoUser;
    exportType?: 'pdf' | 'word' | 'other';
    settings?: ViewerSettings;
    shape?: ExportEventShape;
  }): Promise<unknown> {
    const { macroInstance, user } = request;
    const macro = this.macro(macroInstance.moduleKey);
    this.assertAccess(macro, user);
    if (!macro.adfExportFunction) throw new InvokeError(`Macro "${macro.key}" declares no adfExport function`, 400);
    const fn = this.loadFunction(macro.adfExportFunction);
    const context = buildResolverContext({ ...macroInstance, isEditing: false, isConfiguring: false }, user, request.settings, cloudIdOf(this.installContext));
    const event = buildExportEvent(request.shape ?? 'documented', request.exportType ?? 'pdf', context, macroInstance);
    return this.run(user, () => fn(event, runtimePayload(user, this.installContext)));
  }

  /** One invocation for `user` in this runner's installation, stopped at the time limit. */
  private async run(user: DemoUser, call: () => unknown): Promise<unknown> {
    try {
      return await runInInvocation({ accountId: user.accountId }, async () => call(), {
        installContext: this.installContext,
        timeoutMs: this.limits.timeoutMs,
      });
    } catch (e) {
      if (e instanceof InvocationTimeoutError) throw new InvokeError(invokeLimitMessages.timeout(this.limits.timeoutMs), 504, 'INVOCATION_TIMEOUT');
      throw e;
    }
  }

  /**
   * Loads every function the manifest names, so the first page view does not pay for compiling the
   * backend (Forge keeps warm functions loaded the same way). A module that fails to load is reported
   * here and again, as an error, when it is called.
   */
  preload(): string[] {
    const problems: string[] = [];
    for (const key of this.manifest().functions.keys()) {
      try {
        this.loadFunction(key);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return problems;
  }

  private assertAccess(macro: Pick<MacroModule, 'key' | 'unlicensedAccess'>, user: DemoUser): void {
    // Forge does not render a module for anonymous or unlicensed users unless the manifest allows it.
    if ((user.accountType === 'anonymous' || user.accountType === 'unlicensed') && !macro.unlicensedAccess.includes(user.accountType)) {
      throw new InvokeError(`Macro "${macro.key}" does not allow ${user.accountType} access (unlicensedAccess in manifest.yml)`, 403);
    }
  }

  private loadFunction(functionKey: string): ForgeFunction {
    const handlerRef = this.manifest().functions.get(functionKey);
    if (!handlerRef) throw new InvokeError(`No function "${functionKey}" in manifest.yml`, 500);
    const dot = handlerRef.lastIndexOf('.');
    if (dot <= 0) throw new InvokeError(`Function "${functionKey}" has a malformed handler "${handlerRef}"`, 500);
    const file = join(this.appRoot, 'src', handlerRef.slice(0, dot));
    const exportName = handlerRef.slice(dot + 1);
    let mod: Record<string, unknown>;
    try {
      mod = this.freshProcess ? this.requireFresh(file) : requireApp(file);
    } catch (e) {
      throw new InvokeError(`Cannot load src/${handlerRef.slice(0, dot)} for function "${functionKey}": ${(e as Error).message}`, 500);
    }
    const fn = mod[exportName];
    if (typeof fn !== 'function') throw new InvokeError(`src/${handlerRef.slice(0, dot)} has no exported function "${exportName}" (function "${functionKey}")`, 500);
    return fn as ForgeFunction;
  }

  /**
   * Loads `file` as a cold process would: every module of the app (under src/) anew, so none of their
   * module-level state survives. The Forge runtime stays as installed: it lives in globals and in dev/,
   * which is never reloaded.
   *
   * - Under Jest, whose require.cache cannot be edited, the app is loaded in `jest.isolateModules`: a
   *   fresh registry for that load, packages included (as in a real cold start). The fresh @forge/api
   *   gets the runtime's egress patch again.
   * - Under Node and tsx (the host, the benchmarks), the app's entries are removed from require.cache
   *   and the file is required again; packages in node_modules stay loaded and patched.
   */
  private requireFresh(file: string): Record<string, unknown> {
    if (typeof jest !== 'undefined' && typeof jest.isolateModules === 'function') {
      let mod: Record<string, unknown> | undefined;
      jest.isolateModules(() => {
        mod = requireApp(file);
        patchForgeApiFetch();
      });
      return mod!;
    }
    const srcDir = join(this.appRoot, 'src') + sep;
    for (const key of Object.keys(require.cache)) {
      if (key.startsWith(srcDir)) delete require.cache[key];
    }
    return requireApp(file);
  }
}

function requireApp(file: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Record<string, unknown>;
}

/** The site id in a Confluence installContext (ari:cloud:confluence::site/<cloudId>). */
function cloudIdOf(installContext: string): string {
  return /^ari:cloud:confluence::site\/([^/]+)$/.exec(installContext)?.[1] ?? LOCAL_CLOUD_ID;
}

/** The second argument Forge passes every function: who is calling, and which installation. */
function runtimePayload(user: DemoUser, installContext: string): { principal: { accountId: string } | undefined; installContext: string } {
  return {
    principal: user.anonymous || !user.accountId ? undefined : { accountId: user.accountId },
    installContext,
  };
}

/** The page a macro sits on, and its space; an unknown page is a host bug, not a user error. */
function placeOf(instance: MacroInstance): { content: { id: string; type: 'page' }; space: { id: string; key: string } } {
  const page = pageById(instance.pageId);
  if (!page) throw new InvokeError(`Unknown page ${instance.pageId}`, 404);
  const space = DEMO_SPACES[page.spaceKey];
  return { content: { id: page.id, type: 'page' }, space: { id: space.id, key: space.key } };
}

/** `req.context` as Forge builds it for a Confluence macro's resolver (before @forge/resolver adds accountId). */
export function buildResolverContext(
  instance: MacroInstance,
  user: DemoUser,
  settings: ViewerSettings = {},
  cloudId: string = LOCAL_CLOUD_ID,
): Record<string, unknown> {
  const { content, space } = placeOf(instance);
  return {
    accountId: user.accountId,
    accountType: user.accountType,
    cloudId,
    localId: instance.localId,
    moduleKey: instance.moduleKey,
    siteUrl: settings.siteUrl ?? DEFAULT_SITE_URL,
    locale: FORGE_LOCALE[settings.locale ?? 'sv'],
    timezone: TIME_ZONE,
    extension: {
      type: 'macro',
      content,
      space,
      isEditing: instance.isEditing ?? false,
      config: instance.config,
      macro: { isConfiguring: instance.isConfiguring ?? false, isInserting: instance.isInserting ?? false },
    },
  };
}

/**
 * `req.context` as Forge builds it for a space page's resolver: the space (id and key) in the extension, and
 * no content, localId or macro config, since a space page is not on a page.
 */
export function buildSpacePageContext(
  instance: SpacePageInstance,
  user: DemoUser,
  settings: ViewerSettings = {},
  cloudId: string = LOCAL_CLOUD_ID,
): Record<string, unknown> {
  const space = spaceByKey(instance.spaceKey);
  if (!space) throw new InvokeError(`Unknown space ${instance.spaceKey}`, 404);
  return {
    accountId: user.accountId,
    accountType: user.accountType,
    cloudId,
    moduleKey: instance.moduleKey,
    siteUrl: settings.siteUrl ?? DEFAULT_SITE_URL,
    locale: FORGE_LOCALE[settings.locale ?? 'sv'],
    timezone: TIME_ZONE,
    extension: { type: 'confluence:spacePage', space: { id: space.id, key: space.key } },
  };
}

/** What `view.getContext()` returns in a space page's iframe. */
export function buildSpacePageViewContext(instance: SpacePageInstance, user: DemoUser, settings: ViewerSettings = {}): Record<string, unknown> {
  return { ...buildSpacePageContext(instance, user, settings), ...viewExtras(user, settings) };
}

/**
 * Where an adfExport event carries the macro's config and the page's space. Exactly one place each per
 * shape:
 * - 'documented': the export function's event as Forge describes it, `{ exportType, context,
 *   extensionPayload }`, with the macro config in `extensionPayload.config` and the page and space in
 *   `context.extension` (the context a resolver gets, less the config). The documentation consulted does
 *   not show the whole event (decision 0013), so this is the layout the app reads first, and each other
 *   reported layout is tested on its own.
 * - 'context-config': the config in `context.config` (reported for the Word export).
 * - 'extension-config': the config in `context.extension.config`, as in a resolver's context.
 * - 'top-level-config': the config in the event itself, `config`.
 * - 'payload-space': no `context.extension`; page, space and config in `extensionPayload`.
 */
export const EXPORT_EVENT_SHAPES = ['documented', 'context-config', 'extension-config', 'top-level-config', 'payload-space'] as const;
export type ExportEventShape = (typeof EXPORT_EVENT_SHAPES)[number];

export function buildExportEvent(
  shape: ExportEventShape,
  exportType: 'pdf' | 'word' | 'other',
  resolverContext: Record<string, unknown>,
  instance: MacroInstance,
): Record<string, unknown> {
  const { extension: rawExtension, ...base } = resolverContext;
  const { config: _config, ...extension } = rawExtension as Record<string, unknown>;
  const config = instance.config;
  const place = { localId: instance.localId, moduleKey: instance.moduleKey };
  switch (shape) {
    case 'documented':
      return { exportType, context: { ...base, extension }, extensionPayload: { ...place, config } };
    case 'context-config':
      return { exportType, context: { ...base, extension, config }, extensionPayload: place };
    case 'extension-config':
      return { exportType, context: { ...base, extension: { ...extension, config } }, extensionPayload: place };
    case 'top-level-config':
      return { exportType, config, context: { ...base, extension }, extensionPayload: place };
    case 'payload-space':
      return { exportType, context: base, extensionPayload: { ...place, config, content: extension.content, space: extension.space } };
  }
}

/** What `view.getContext()` returns in the macro's iframe: the same facts, plus theme and environment. */
export function buildViewContext(instance: MacroInstance, user: DemoUser, settings: ViewerSettings = {}): Record<string, unknown> {
  return { ...buildResolverContext(instance, user, settings), ...viewExtras(user, settings) };
}

/** What a Custom UI's context adds to a resolver's: the account as the iframe sees it, environment and theme. */
function viewExtras(user: DemoUser, settings: ViewerSettings): Record<string, unknown> {
  return {
    accountId: user.accountId ?? 'unidentified',
    environmentId: 'local',
    environmentType: 'DEVELOPMENT',
    theme: {
      colorMode: settings.colorMode ?? 'light',
      light: 'light',
      dark: 'dark',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    },
    surfaceColor: null,
  };
}

let defaultRunner: InvokeRunner | undefined;

/** `InvokeRunner#invokeFunction` on a runner for this repository. */
export function invokeFunction(request: Parameters<InvokeRunner['invokeFunction']>[0]): Promise<unknown> {
  return (defaultRunner ??= new InvokeRunner()).invokeFunction(request);
}
