/**
 * The invoke runner's process model. Warm (default): one process, shared by every invocation and every
 * installation, as Forge may do. Fresh (`freshProcess: true`): every invocation starts cold, with the
 * app's module-level state empty. And every invocation gets its runner's installContext, so a test can
 * run two installations, each with its own KVS.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { APP_SCOPES } from '../../dev/app-manifest';
import { createConfluenceStub } from '../../dev/confluence-stub';
import { buildDemoProgramme } from '../../dev/demo-data';
import { DEMO_USERS } from '../../dev/demo-users';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { InvokeRunner, LOCAL_CLOUD_ID, LOCAL_INSTALL_CONTEXT, type MacroInstance } from '../../dev/invoke-runner';
import { LocalKvs, loadEntityDefinitions } from '../../dev/kvs';
import { resetReadCache, seedProgramme } from '../../src/storage';

const ROOT = path.join(__dirname, '../..');
const LIMITS_APP = path.join(__dirname, 'fixtures', 'limits-app');
const macro: MacroInstance = { pageId: '1001', localId: 'limits-1', moduleKey: 'limits-macro' };
const OTHER_CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const OTHER_SITE = `ari:cloud:confluence::site/${OTHER_CLOUD_ID}`;

interface Count {
  invocations: number;
  loadedAt: string;
  installContext: string;
  cloudId: string;
}

const call = (runner: InvokeRunner, functionKey: string, payload: unknown = {}) =>
  runner.invokeFunction({ functionKey, payload, macroInstance: macro, user: DEMO_USERS['demo-editor'] });

describe('warm and fresh processes, with a fixture app', () => {
  let home: LocalKvs;
  let other: LocalKvs;
  beforeEach(() => {
    home = new LocalKvs({ entities: [] });
    other = new LocalKvs({ entities: [] });
    installForgeRuntime({ kvs: home, installations: { [OTHER_SITE]: other }, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
  });

  it('keeps module state between invocations of a warm runner', async () => {
    const warm = new InvokeRunner({ appRoot: LIMITS_APP });
    const first = (await call(warm, 'count')) as Count;
    const second = (await call(warm, 'count')) as Count;
    expect(second.invocations).toBe(first.invocations + 1);
    expect(second.loadedAt).toBe(first.loadedAt);
  });

  it('starts every invocation of a fresh runner cold: every app module loaded anew', async () => {
    const fresh = new InvokeRunner({ appRoot: LIMITS_APP, freshProcess: true });
    const first = (await call(fresh, 'count')) as Count;
    const second = (await call(fresh, 'count')) as Count;
    expect([first.invocations, second.invocations]).toEqual([1, 1]);
    expect(second.loadedAt).not.toBe(first.loadedAt);
  });

  it('keeps the installed Forge runtime in a fresh process: storage works and egress stays refused', async () => {
    const fresh = new InvokeRunner({ appRoot: LIMITS_APP, freshProcess: true });
    await call(fresh, 'setKey', { key: 'k', value: 42 });
    expect(await call(fresh, 'getKey', { key: 'k' })).toEqual({ value: 42 });
    expect(home.units().writeUnits).toBe(1);
    // A cold start loads @forge/api anew; the runtime's egress guard must be its fetch again.
    expect(await call(fresh, 'apiFetch')).toEqual({ name: 'refusedEgress' });
  });

  it("gives every invocation its runner's installContext, and the matching cloudId", async () => {
    const home = (await call(new InvokeRunner({ appRoot: LIMITS_APP }), 'count')) as Count;
    expect(home).toMatchObject({ installContext: LOCAL_INSTALL_CONTEXT, cloudId: LOCAL_CLOUD_ID });
    const away = (await call(new InvokeRunner({ appRoot: LIMITS_APP, installContext: OTHER_SITE }), 'count')) as Count;
    expect(away).toMatchObject({ installContext: OTHER_SITE, cloudId: OTHER_CLOUD_ID });
  });

  it("keeps two installations' data apart, while a warm process serves both", async () => {
    const a = new InvokeRunner({ appRoot: LIMITS_APP });
    const b = new InvokeRunner({ appRoot: LIMITS_APP, installContext: OTHER_SITE });
    await call(a, 'setKey', { key: 'k', value: 'A' });
    expect(await call(b, 'getKey', { key: 'k' })).toEqual({ value: null });
    await call(b, 'setKey', { key: 'k', value: 'B' });
    expect(await call(a, 'getKey', { key: 'k' })).toEqual({ value: 'A' });
    expect([home.units().writeUnits, other.units().writeUnits]).toEqual([1, 1]);
    // The same module state answered both installations: an in-memory cache must be keyed by installation.
    const fromA = (await call(a, 'count')) as Count;
    const fromB = (await call(b, 'count')) as Count;
    expect(fromB.invocations).toBe(fromA.invocations + 1);
  });
});

describe('fresh processes outside Jest (tsx, as npm start and npm run bench run)', () => {
  it('reloads the app from require.cache and keeps the runtime', () => {
    const script = path.join(__dirname, 'support', 'fresh-process-under-tsx.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { warm: Count[]; fresh: Count[]; storedInFresh: unknown; apiFetch: unknown };
    expect(result.warm.map((c) => c.invocations)).toEqual([1, 2]);
    expect(result.fresh.map((c) => c.invocations)).toEqual([1, 1]);
    expect(result.fresh[1]!.loadedAt).not.toBe(result.fresh[0]!.loadedAt);
    expect(result.storedInFresh).toEqual({ value: 7 });
    expect(result.apiFetch).toEqual({ name: 'refusedEgress' });
  }, 60_000);
});

describe('the real app: a cold process reads everything again', () => {
  let kvs: LocalKvs;
  beforeAll(async () => {
    kvs = new LocalKvs({ entities: loadEntityDefinitions(path.join(ROOT, 'manifest.yml')) });
    installForgeRuntime({ kvs, confluence: createConfluenceStub(), scopes: APP_SCOPES });
    const demo = buildDemoProgramme(new Date());
    await kvs.withoutRateLimits(() => seedProgramme(demo.programme, demo.initiatives, demo.history));
  });

  /** Read units of two getView calls in a row. */
  async function twoViews(runner: InvokeRunner): Promise<[number, number]> {
    const units: number[] = [];
    for (let i = 0; i < 2; i++) {
      kvs.resetUnits();
      const res = (await runner.invokeFunction({
        functionKey: 'getView',
        payload: {},
        macroInstance: { pageId: '1001', localId: 'm', moduleKey: 'rollout-status' },
        user: DEMO_USERS.anonymous,
      })) as { ok: boolean };
      expect(res).toMatchObject({ ok: true });
      units.push(kvs.units().readUnits);
    }
    return units as [number, number];
  }

  it('a warm process serves the second view from its read cache', async () => {
    resetReadCache();
    const [cold, warm] = await twoViews(new InvokeRunner());
    expect(warm).toBeLessThan(cold);
  });

  it('a fresh process pays the full read on every view', async () => {
    const [first, second] = await twoViews(new InvokeRunner({ freshProcess: true }));
    expect(first).toBeGreaterThan(1);
    expect(second).toBe(first);
  });
});
