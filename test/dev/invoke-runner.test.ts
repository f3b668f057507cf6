import { APP_SCOPES } from '../../dev/app-manifest';
import path from 'node:path';
import { createConfluenceStub } from '../../dev/confluence-stub';
import { buildDemoProgramme } from '../../dev/demo-data';
import { DEMO_USERS } from '../../dev/demo-users';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { buildViewContext, InvokeRunner, LOCAL_CLOUD_ID, type MacroInstance } from '../../dev/invoke-runner';
import { LocalKvs, loadEntityDefinitions } from '../../dev/kvs';
import { resetReadCache, seedProgramme } from '../../src/storage';

const ECHO_APP = path.join(__dirname, 'fixtures', 'echo-app');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const echo = require(path.join(ECHO_APP, 'src', 'handlers', 'echo.js')) as { lastRaw(): { event: any; runtime: any } };

const onPage = (pageId: string, moduleKey = 'open-macro', config?: Record<string, unknown>): MacroInstance => ({
  pageId,
  localId: `local-${pageId}`,
  moduleKey,
  config,
});

describe('InvokeRunner with a fixture app (what a resolver receives)', () => {
  const runner = new InvokeRunner({ appRoot: ECHO_APP });

  it('finds the handler through manifest.yml and calls it exactly as Forge does', async () => {
    await runner.invokeFunction({ functionKey: 'whoami', payload: { a: 1 }, macroInstance: onPage('1001'), user: DEMO_USERS['demo-editor'] });
    const { event, runtime } = echo.lastRaw();
    expect(event.call).toEqual({ functionKey: 'whoami', payload: { a: 1 } });
    expect(runtime).toEqual({ principal: { accountId: 'demo-editor' }, installContext: `ari:cloud:confluence::site/${LOCAL_CLOUD_ID}` });
    expect(event.context).toMatchObject({
      accountType: 'licensed',
      localId: 'local-1001',
      moduleKey: 'open-macro',
      locale: 'sv-SE',
      timezone: 'Europe/Stockholm',
      extension: {
        type: 'macro',
        content: { id: '1001', type: 'page' },
        space: { id: '98001', key: 'INF' },
        isEditing: false,
        macro: { isConfiguring: false, isInserting: false },
      },
    });
  });

  it('builds the context from the macro instance and the signed-in user, never from the payload', async () => {
    const forged = { accountId: 'demo-editor', accountType: 'licensed', space: { key: 'INF' }, content: { id: '1001' } };
    const result = (await runner.invokeFunction({
      functionKey: 'whoami',
      payload: forged,
      macroInstance: onPage('2001', 'open-macro', { programmeId: 'p1' }),
      user: DEMO_USERS.anonymous,
    })) as { context: any; payload: any };
    // The payload arrives as payload, and only as payload.
    expect(result.payload).toEqual(forged);
    expect(result.context.accountId).toBeUndefined();
    expect(result.context.accountType).toBe('anonymous');
    expect(result.context.extension.space).toEqual({ id: '98002', key: 'OTHER' });
    expect(result.context.extension.content).toEqual({ id: '2001', type: 'page' });
    expect(result.context.extension.config).toEqual({ programmeId: 'p1' });
    expect(echo.lastRaw().runtime.principal).toBeUndefined();
  });

  it('gives the viewer locale as a Forge locale code', async () => {
    const result = (await runner.invokeFunction({
      functionKey: 'whoami',
      macroInstance: onPage('1001'),
      user: DEMO_USERS['demo-viewer'],
      settings: { locale: 'en' },
    })) as { context: any };
    expect(result.context.locale).toBe('en-US');
  });

  it('refuses anonymous callers where the manifest does not grant unlicensedAccess', async () => {
    await expect(
      runner.invokeFunction({ functionKey: 'whoami', macroInstance: onPage('1001', 'licensed-only'), user: DEMO_USERS.anonymous }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      runner.invokeFunction({ functionKey: 'whoami', macroInstance: onPage('1001', 'licensed-only'), user: DEMO_USERS['demo-viewer'] }),
    ).resolves.toBeDefined();
  });

  it('fails clearly for an unknown macro or page, and passes a resolver error through', async () => {
    await expect(runner.invokeFunction({ functionKey: 'whoami', macroInstance: onPage('1001', 'nope'), user: DEMO_USERS['demo-editor'] })).rejects.toMatchObject({ status: 404 });
    await expect(runner.invokeFunction({ functionKey: 'whoami', macroInstance: onPage('7777'), user: DEMO_USERS['demo-editor'] })).rejects.toMatchObject({ status: 404 });
    await expect(runner.invokeFunction({ functionKey: 'fail', macroInstance: onPage('1001'), user: DEMO_USERS['demo-editor'] })).rejects.toThrow('resolver exploded');
  });

  it('runs the adfExport function with Forge\'s documented event: config in extensionPayload, page and space in context.extension', async () => {
    const { event, runtime } = (await runner.exportMacro({
      macroInstance: onPage('1001', 'open-macro', { perspective: 'region' }),
      user: DEMO_USERS['demo-viewer'],
      exportType: 'word',
    })) as { event: any; runtime: any };
    expect(event.exportType).toBe('word');
    expect(event.extensionPayload).toEqual({ localId: 'local-1001', moduleKey: 'open-macro', config: { perspective: 'region' } });
    expect(event.context.extension).toMatchObject({ type: 'macro', content: { id: '1001', type: 'page' }, space: { key: 'INF' } });
    expect(runtime.principal).toEqual({ accountId: 'demo-viewer' });
  });

  /** Every path at which `value` occurs in `tree`, dotted. */
  function pathsOf(tree: unknown, value: unknown, at = ''): string[] {
    if (JSON.stringify(tree) === JSON.stringify(value)) return [at];
    if (tree === null || typeof tree !== 'object') return [];
    return Object.entries(tree).flatMap(([k, v]) => pathsOf(v, value, at ? `${at}.${k}` : k));
  }

  it.each([
    ['documented', 'extensionPayload.config', 'context.extension.space'],
    ['context-config', 'context.config', 'context.extension.space'],
    ['extension-config', 'context.extension.config', 'context.extension.space'],
    ['top-level-config', 'config', 'context.extension.space'],
    ['payload-space', 'extensionPayload.config', 'extensionPayload.space'],
  ] as const)('the %s shape carries the config only at %s and the space only at %s', async (shape, configAt, spaceAt) => {
    const config = { perspective: 'region', regionCode: '01' };
    const { event } = (await runner.exportMacro({ macroInstance: onPage('1001', 'open-macro', config), user: DEMO_USERS['demo-viewer'], shape })) as { event: unknown };
    expect(pathsOf(event, config)).toEqual([configAt]);
    expect(pathsOf(event, { id: '98001', key: 'INF' })).toEqual([spaceAt]);
  });

  it('gives the iframe the same facts plus theme, via getContext', () => {
    const context = buildViewContext(onPage('3001'), DEMO_USERS.anonymous, { colorMode: 'dark', locale: 'en' });
    expect(context).toMatchObject({
      accountId: 'unidentified',
      accountType: 'anonymous',
      locale: 'en-US',
      theme: { colorMode: 'dark' },
      extension: { space: { key: 'EMPTY' }, content: { id: '3001' } },
    });
  });
});

describe('InvokeRunner with the real app handler', () => {
  const runner = new InvokeRunner();
  const demo = buildDemoProgramme(new Date());

  beforeAll(async () => {
    const kvs = new LocalKvs({ entities: loadEntityDefinitions(path.join(__dirname, '../../manifest.yml')) });
    installForgeRuntime({ kvs, confluence: createConfluenceStub(), scopes: APP_SCOPES });
    resetReadCache();
    await kvs.withoutRateLimits(() => seedProgramme(demo.programme, demo.initiatives, demo.history));
  });

  const capabilities = async (user: keyof typeof DEMO_USERS, pageId: string, config?: Record<string, unknown>) =>
    (await runner.invokeFunction({
      functionKey: 'getCapabilities',
      payload: {},
      macroInstance: { pageId, localId: `m-${pageId}`, moduleKey: 'rollout-status', config },
      user: DEMO_USERS[user],
    })) as { ok: boolean; data: { canEdit: boolean; reason: string | null } };

  it('lets the INF editor edit from the INF page', async () => {
    expect(await capabilities('demo-editor', '1001')).toMatchObject({ ok: true, data: { canEdit: true } });
  });

  it('decides from the page the macro is on: the same editor cannot edit through the OTHER page', async () => {
    const res = await capabilities('demo-editor', '2001', { programmeId: 'fldv-exempel' });
    expect(res).toMatchObject({ ok: true, data: { canEdit: false } });
  });

  it('never lets an anonymous visitor edit', async () => {
    expect(await capabilities('anonymous', '1001')).toMatchObject({ ok: true, data: { canEdit: false, reason: 'anonymous' } });
  });

  it('serves the demo programme to getView on the INF page', async () => {
    const res = (await runner.invokeFunction({
      functionKey: 'getView',
      payload: {},
      macroInstance: { pageId: '1001', localId: 'm', moduleKey: 'roadmap' },
      user: DEMO_USERS.anonymous,
    })) as { ok: boolean; data: { state: string; macro: string; programme: { isExample: boolean } } };
    expect(res).toMatchObject({ ok: true, data: { state: 'ready', macro: 'roadmap', programme: { isExample: true } } });
  });

  it('serves the seeded demo notes through getDetails, not through getView', async () => {
    const [initiativeId, cell] = demo.initiatives.flatMap((i) => Object.entries(i.cells).map(([code, c]) => [i.id, { code, note: c.note }] as const)).find(([, c]) => c.note !== '')!;
    const call = (functionKey: string, payload: unknown) =>
      runner.invokeFunction({ functionKey, payload, macroInstance: { pageId: '1001', localId: 'm', moduleKey: 'rollout-status' }, user: DEMO_USERS.anonymous });
    const details = (await call('getDetails', { initiativeId, regionCode: cell.code })) as { ok: boolean; data: { entries: Array<{ cell: { note: string } }> } };
    expect(details).toMatchObject({ ok: true, data: { entries: [{ cell: { note: cell.note } }] } });
    expect(JSON.stringify(await call('getView', {}))).not.toContain(cell.note);
  });
});
