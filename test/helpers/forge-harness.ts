/**
 * Integration tests run the production handler exactly as Forge invokes it, against the real @forge/kvs and
 * @forge/api packages: the local KVS (a fresh in-memory instance with the entities from manifest.yml) and the
 * local Confluence stub (demo users, spaces and pages) answer their requests.
 */
import { APP_SCOPES } from '../../dev/app-manifest';
import path from 'node:path';
import { createConfluenceStub } from '../../dev/confluence-stub';
import { DEMO_USERS, type DemoUserId } from '../../dev/demo-users';
import { installForgeRuntime, runInInvocation } from '../../dev/forge-runtime';
import { buildResolverContext, buildSpacePageContext } from '../../dev/invoke-runner';
import { LocalKvs, loadEntityDefinitions } from '../../dev/kvs';
import { handler } from '../../src/index';
import type { ResolverName, ResolverResponse, ResolverWireResponse } from '../../src/shared/contract';
import { unpackResponse } from '../../src/shared/view-wire';
import { resetReadCache } from '../../src/storage';

const MANIFEST_PATH = path.join(__dirname, '../../manifest.yml');

export interface InvokeOptions {
  /** The page the macro sits on: '1001' (INF), '2001' (OTHER) or '3001' (EMPTY). Default '1001'. */
  pageId?: string;
  /** The macro config as Confluence stores it. */
  config?: Record<string, unknown>;
  moduleKey?: string;
  /** Call as Forge does for a visitor without any principal (instead of accountId 'unidentified'). */
  noPrincipal?: boolean;
  /** Call from somewhere that is not a macro on a page (no `extension` in the context). */
  outsideMacro?: boolean;
  /** The account type Confluence reports, e.g. 'unlicensed' for a guest (default: the demo user's). */
  accountType?: 'licensed' | 'unlicensed' | 'customer' | 'anonymous';
}

export interface Harness {
  kvs: LocalKvs;
  invoke<N extends ResolverName>(user: DemoUserId, name: N, payload: unknown, options?: InvokeOptions): Promise<ResolverResponse<N>>;
  /** Write units spent so far: unchanged means nothing was written. */
  writeUnits(): number;
  /** Everything stored, as text: equal before and after a call means the call wrote nothing at all. */
  storeText(): string;
}

const INSTALL_CONTEXT = 'ari:cloud:confluence::site/local-cloud';

/** The request context Forge builds for a macro's resolver call, as the local host builds it. */
export function macroContext(user: DemoUserId, options: InvokeOptions = {}): Record<string, unknown> {
  const pageId = options.pageId ?? '1001';
  const moduleKey = options.moduleKey ?? 'rollout-status';
  const context = buildResolverContext({ pageId, localId: `${pageId}-${moduleKey}`, moduleKey, config: options.config }, DEMO_USERS[user]);
  if (options.outsideMacro) delete context.extension;
  if (options.accountType) context.accountType = options.accountType;
  return context;
}

/** A fresh, empty installation. Call in beforeEach: tests never share data. */
export function createHarness(): Harness {
  const kvs = new LocalKvs({ entities: loadEntityDefinitions(MANIFEST_PATH) });
  installForgeRuntime({ kvs, confluence: createConfluenceStub(), scopes: APP_SCOPES });
  resetReadCache();

  return {
    kvs,
    async invoke(user, name, payload, options = {}) {
      const accountId = DEMO_USERS[user].accountId ?? 'unidentified';
      const context = macroContext(user, options);
      const principal = options.noPrincipal ? undefined : { accountId };
      const result = await runInInvocation({ accountId }, () =>
        handler({ call: { functionKey: name, payload: payload as Record<string, unknown> }, context }, { principal, installContext: INSTALL_CONTEXT }),
      );
      // As the UI's invoke does: callers see the contract's view models, not the wire form.
      const wire = result as ResolverWireResponse<typeof name>;
      return (wire.ok ? { ok: true, data: unpackResponse(name, wire.data) } : wire) as ResolverResponse<typeof name>;
    },
    writeUnits: () => kvs.units().writeUnits,
    storeText: () => JSON.stringify(kvs.snapshot()),
  };
}

/**
 * A call from the space page of `spaceKey` (the programme-admin module), as Forge makes it: the space in the
 * context and no content. Anonymous visitors come without a principal, as on a real site.
 */
export async function invokeFromSpacePage<N extends ResolverName>(user: DemoUserId, spaceKey: string, name: N, payload: unknown): Promise<ResolverResponse<N>> {
  const accountId = DEMO_USERS[user].accountId ?? 'unidentified';
  const context = buildSpacePageContext({ spaceKey, moduleKey: 'programme-admin' }, DEMO_USERS[user]);
  const principal = DEMO_USERS[user].accountId ? { accountId } : undefined;
  const result = await runInInvocation({ accountId }, () =>
    handler({ call: { functionKey: name, payload: payload as Record<string, unknown> }, context }, { principal, installContext: INSTALL_CONTEXT }),
  );
  const wire = result as ResolverWireResponse<N>;
  return (wire.ok ? { ok: true, data: unpackResponse(name, wire.data) } : wire) as ResolverResponse<N>;
}

/** The data of a successful response, or a failure that shows the error. */
export function dataOf<T>(response: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!response.ok) throw new Error(`Expected success, got ${JSON.stringify(response.error)}`);
  return response.data;
}
