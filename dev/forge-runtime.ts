/**
 * The Forge platform globals, locally. In production the Forge runtime
 * defines `global.__forge_fetch__` (every product, storage and egress call
 * of `@forge/api` / `@forge/kvs` goes through it) and
 * `global.__forge_runtime__` (tokens, tracing, app context). Installing them
 * here lets the real SDKs and the unchanged app code run in a plain Node
 * process:
 *
 * - `@forge/kvs` requests go to a `LocalKvs`;
 * - `asUser()/asApp().requestConfluence(...)` go to a `ConfluenceHandler`,
 *   with the identity of the current invocation (AsyncLocalStorage);
 * - everything else is refused, because the app declares no egress and
 *   no other products: `@forge/api`'s `fetch`, and the global `fetch` while
 *   app code is running, fail with Forge's egress error.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ExternalEndpointNotAllowedError, NotAllowedError, RequestProductNotAllowedError } from '@forge/api';
import type { LocalKvs } from './kvs';

export interface ConfluenceRequest {
  method: string;
  /** Path without query string, e.g. '/wiki/api/v2/pages/123'. */
  path: string;
  query: URLSearchParams;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty. */
  body: unknown;
  as: 'user' | 'app';
  /** The user the call is made for (asUser), or the invoking user (asApp). */
  accountId: string | undefined;
  /** The scopes the app was granted (its manifest's), which the product checks per route. */
  scopes: readonly string[];
}

export type ConfluenceHandler = (
  req: ConfluenceRequest,
) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;

/** Who an invocation runs for; undefined or 'unidentified' means anonymous. */
export interface InvocationPrincipal {
  accountId: string | undefined;
}

/** How one invocation runs: for which installation, and for how long at most. */
export interface InvocationOptions {
  /** Forge's `installContext` (the site's ARI); selects that installation's KVS when several are installed. */
  installContext?: string;
  /** Stop the invocation after this long, as Forge stops a function at its runtime limit. */
  timeoutMs?: number;
}

interface InvocationState {
  accountId: string | undefined;
  invocationId: string;
  installContext: string | undefined;
  /** Epoch ms when the invocation is stopped, if it has a time limit. */
  deadline: number | undefined;
  /** Set when the time limit passed: the platform has stopped the function. */
  stopped: boolean;
}

/** An invocation ran past its time limit. */
export class InvocationTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The Forge invocation ran for more than ${timeoutMs} ms and was stopped`);
    this.name = 'InvocationTimeoutError';
  }
}

/** What `__forge_fetch__` receives as its first argument (see @forge/api fetch.js, endpoint.js and @forge/kvs index.js). */
interface ForgeFetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
  service?: string;
}

type ForgeFetch = (descriptor: ForgeFetchDescriptor, path: string, init?: RequestInit) => Promise<Response>;

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: unknown;
  fetch: typeof fetch;
  [key: symbol]: unknown;
}

const g = globalThis as unknown as ForgeGlobals;

/** Where the process's own fetch is kept, so re-installs never wrap twice. */
const ORIGINAL_FETCH = Symbol.for('inforandeoversikt.dev.originalGlobalFetch');

const invocations = new AsyncLocalStorage<InvocationState>();

let installed:
  | { kvs: LocalKvs; installations: ReadonlyMap<string, LocalKvs>; confluence: ConfluenceHandler; scopes: readonly string[] }
  | undefined;

/** The scope Forge requires for any storage call (the KVS refuses an app without it). */
export const STORAGE_SCOPE = 'storage:app';

const LOCAL_APP_ID = '00000000-0000-4000-8000-00000000f0a1';

function normaliseAccountId(accountId: string | undefined): string | undefined {
  return accountId === undefined || accountId === '' || accountId === 'unidentified' ? undefined : accountId;
}

/**
 * Runs `fn` as one Forge invocation on behalf of `principal`. With `timeoutMs`, the returned promise
 * rejects with InvocationTimeoutError when the time is up, and from then on every platform call the
 * invocation still makes (storage, Confluence) is refused: on Forge the function would have been stopped.
 * (A local process cannot kill a running function; refusing its I/O is the closest to it.)
 */
export function runInInvocation<T>(principal: InvocationPrincipal, fn: () => Promise<T>, options: InvocationOptions = {}): Promise<T> {
  const { timeoutMs, installContext } = options;
  const state: InvocationState = {
    accountId: normaliseAccountId(principal.accountId),
    invocationId: randomUUID(),
    installContext,
    deadline: timeoutMs === undefined ? undefined : Date.now() + timeoutMs,
    stopped: false,
  };
  const run = invocations.run(state, fn);
  if (timeoutMs === undefined) return run;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      state.stopped = true;
      reject(new InvocationTimeoutError(timeoutMs));
    }, timeoutMs);
    run.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The principal of the invocation the caller runs in, if any. */
export function currentInvocationPrincipal(): InvocationPrincipal | undefined {
  const state = invocations.getStore();
  return state ? { accountId: state.accountId } : undefined;
}

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.toString();
  if (input && typeof input === 'object') {
    if ('url' in input && typeof (input as { url: unknown }).url === 'string') return (input as { url: string }).url;
    if ('value' in input) return String((input as { value: unknown }).value); // a @forge/api Route
  }
  return String(input);
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const noBody = body === undefined || status === 204 || status === 304;
  return new Response(noBody ? null : JSON.stringify(body), {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'x-trace-id': randomUUID(), ...(noBody ? {} : { 'content-type': 'application/json' }), ...headers },
  });
}

async function kvsFetch(path: string, init: RequestInit | undefined): Promise<Response> {
  if (!installed!.scopes.includes(STORAGE_SCOPE)) {
    return jsonResponse(403, { code: 'FORBIDDEN', message: `The app does not have the ${STORAGE_SCOPE} scope required to use storage` });
  }
  let body: unknown;
  try {
    body = typeof init?.body === 'string' && init.body.length > 0 ? JSON.parse(init.body) : undefined;
  } catch {
    return jsonResponse(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid: not JSON' });
  }
  // Each installation has its own storage on Forge; the invocation's installContext picks it.
  const installContext = invocations.getStore()?.installContext;
  const kvs = (installContext !== undefined ? installed!.installations.get(installContext) : undefined) ?? installed!.kvs;
  const result = await kvs.handle(path, body);
  return jsonResponse(result.status, result.body);
}

async function confluenceFetch(descriptor: ForgeFetchDescriptor, path: string, init: RequestInit | undefined): Promise<Response> {
  const as = descriptor.provider === 'user' ? 'user' : 'app';
  const accountId = normaliseAccountId(descriptor.accountId) ?? invocations.getStore()?.accountId;
  if (as === 'user' && accountId === undefined) {
    // There is no user to act for (anonymous viewer, or no invocation).
    // The platform's proxy answers such a call with NEEDS_AUTHENTICATION_ERR,
    // which @forge/api turns into a thrown NeedsAuthenticationError; the
    // product is never reached.
    return jsonResponse(401, { message: 'Authentication required' }, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' });
  }

  // Let the platform's Request parse method, headers and every body type
  // @forge/api accepts (string, ArrayBuffer, URLSearchParams, ...).
  const request = new Request(new URL(path, 'https://confluence.local'), init);
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = await request.text();
  let body: unknown = text.length > 0 ? text : undefined;
  if (body !== undefined && (headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // Leave malformed JSON as text; the handler decides what Confluence would say.
    }
  }

  const handler = installed!.confluence;
  // The stub runs as "Confluence", outside the app's invocation, so it is
  // not subject to the app's egress restrictions.
  const reply = await invocations.exit(() =>
    handler({ method: request.method, path: url.pathname, query: url.searchParams, headers, body, as, accountId, scopes: installed!.scopes }),
  );

  const replyHeaders: Record<string, string> = { 'x-trace-id': randomUUID(), ...(reply.headers ?? {}) };
  const hasContentType = Object.keys(replyHeaders).some((h) => h.toLowerCase() === 'content-type');
  const noBody = reply.body === undefined || reply.body === null || reply.status === 204 || reply.status === 304;
  let payload: string | Uint8Array | null = null;
  if (!noBody) {
    if (typeof reply.body === 'string') {
      payload = reply.body;
      if (!hasContentType) replyHeaders['content-type'] = 'text/plain;charset=UTF-8';
    } else if (reply.body instanceof Uint8Array) {
      payload = reply.body;
    } else {
      payload = JSON.stringify(reply.body);
      if (!hasContentType) replyHeaders['content-type'] = 'application/json';
    }
  }
  return new Response(payload as ConstructorParameters<typeof Response>[0], { status: reply.status, statusText: STATUS_CODES[reply.status] ?? '', headers: replyHeaders });
}

/** The local `__forge_fetch__`: routes by the descriptor @forge/* passes. */
const forgeFetch: ForgeFetch = async (descriptor, path, init) => {
  if (!installed) throw new Error('Forge runtime not installed: call installForgeRuntime() first');
  if (invocations.getStore()?.stopped) {
    throw new Error(`This Forge invocation was stopped at its time limit; its request to ${path} was not made`);
  }
  if (descriptor.type === 'kvs') return kvsFetch(path, init);
  if (descriptor.type === 'fpp') {
    if (descriptor.remote === 'confluence') return confluenceFetch(descriptor, path, init);
    if (descriptor.remote === 'jira' || descriptor.remote === 'bitbucket') {
      throw new RequestProductNotAllowedError(descriptor.remote, 'confluence');
    }
    throw new NotAllowedError(`Atlassian platform API "${descriptor.remote}" (${path}) is not available to this app locally`);
  }
  // tpp (external auth), frc (Forge remotes), fcc (containers), sql, os...
  throw new NotAllowedError(`Forge capability "${descriptor.type}" is not declared by this app (request to ${path})`);
};

/** `@forge/api`'s `fetch` in this app: no egress is declared, so none is allowed. */
async function refusedEgress(input: unknown): Promise<never> {
  throw new ExternalEndpointNotAllowedError(urlOf(input));
}

/**
 * Replaces `@forge/api`'s exported `fetch`. It captured the process's
 * global fetch when first loaded, possibly before this install, so
 * swapping the global alone would not be enough. Compiled `import`s read
 * the export on every call, so patching the exports object reaches them.
 * Exported for the invoke runner's fresh-process mode, which must patch
 * a freshly loaded `@forge/api` too.
 */
export function patchForgeApiFetch(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('@forge/api') as { fetch?: unknown; default?: { fetch?: unknown } };
  api.fetch = refusedEgress;
  if (api.default) api.default.fetch = refusedEgress;
}

/**
 * Guards the global fetch: inside an invocation (app code) it refuses, as
 * Forge's egress proxy does for undeclared hosts; outside one (the dev
 * server, test harness) it is the process's normal fetch.
 */
function guardGlobalFetch(): void {
  if (!g[ORIGINAL_FETCH]) g[ORIGINAL_FETCH] = g.fetch;
  const original = g[ORIGINAL_FETCH] as typeof fetch;
  const guarded = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    if (invocations.getStore()) return refusedEgress(input);
    return original(input, init);
  };
  g.fetch = guarded as typeof fetch;
}

function noopMetrics() {
  const timer = { stop: () => undefined };
  const counter = { incr: () => undefined, incrBy: () => undefined, decr: () => undefined, decrBy: () => undefined };
  return {
    timing: () => ({ measure: () => timer }),
    counter: () => counter,
    gauge: () => ({ set: () => undefined }),
  };
}

/** The `__forge_runtime__` object: the fields @forge/api and @forge/kvs read. */
function buildRuntime(scopes: readonly string[]): Record<string, unknown> {
  return {
    proxy: { token: 'local-forge-proxy-token', url: 'http://localhost/forge-proxy' },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
    appContext: {
      appId: LOCAL_APP_ID,
      appVersion: '0.0.0-local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      get invocationId() {
        return invocations.getStore()?.invocationId ?? 'no-invocation';
      },
      installationId: 'local-installation',
      moduleKey: undefined,
      license: undefined,
      installation: undefined,
      permissions: { scopes: [...scopes], external: {} },
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => {
        const deadline = invocations.getStore()?.deadline;
        return deadline === undefined ? 25_000 : Math.max(0, deadline - Date.now());
      },
    },
    metrics: noopMetrics(),
    externalAuth: [],
  };
}

/**
 * Installs the globals. Idempotent: installing again replaces the KVS and
 * Confluence handler (and the runtime object) without wrapping anything
 * twice.
 */
export function installForgeRuntime(options: {
  /** The store of every invocation whose installContext is not in `installations`. */
  kvs: LocalKvs;
  /** Other installations' stores, by installContext: Forge keeps each installation's data apart. */
  installations?: Record<string, LocalKvs>;
  confluence: ConfluenceHandler;
  /** The granted scopes: the manifest's (loadScopes). Nothing is granted that the manifest does not ask for. */
  scopes: readonly string[];
}): void {
  installed = {
    kvs: options.kvs,
    installations: new Map(Object.entries(options.installations ?? {})),
    confluence: options.confluence,
    scopes: [...options.scopes],
  };
  g.__forge_runtime__ = buildRuntime(options.scopes);
  g.__forge_fetch__ = forgeFetch;
  patchForgeApiFetch();
  guardGlobalFetch();
}
