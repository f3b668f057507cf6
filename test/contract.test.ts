/**
 * The contracts between manifest.yml, the backend and the frontend, which no single compiler sees:
 *  - every resolver in RESOLVER_NAMES is defined by the real handler, as Forge calls it;
 *  - every `invoke('…')` in the Custom UI names one of them;
 *  - every manifest function handler `index.X` is exported by src/index.ts;
 *  - the manifest's macro keys are MACRO_KEYS;
 *  - the entities and indexes the storage code uses are the ones manifest.yml declares, and the real
 *    storage code works against a strict local KVS built from manifest.yml alone;
 *  - the resource `main` is what the Vite build produces, and loads nothing inline (Forge's CSP).
 */
import { APP_SCOPES } from '../dev/app-manifest';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { LocalKvs, loadEntityDefinitions } from '../dev/kvs';
import { installForgeRuntime, runInInvocation } from '../dev/forge-runtime';
import { createConfluenceStub } from '../dev/confluence-stub';
import { buildDemoProgramme } from '../dev/demo-data';
import { RESOLVER_NAMES, MUTATING_RESOLVERS } from '../src/shared/contract';
import { MACRO_KEYS } from '../src/shared/vocabulary';
import { ENTITY, ENTITY_DECLARATIONS, INDEX, seedProgramme } from '../src/storage';
import * as backend from '../src/index';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.yml');
const manifest = YAML.parse(fs.readFileSync(MANIFEST_PATH, 'utf8'));
const read = (file: string) => fs.readFileSync(file, 'utf8');

function filesUnder(dir: string, extensions: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extensions);
    return extensions.test(entry.name) ? [full] : [];
  });
}

// ------------------------------------------------------------------ resolvers, as Forge calls them

type ForgeHandler = (event: unknown, runtime: unknown) => Promise<unknown>;
const handler = (backend as unknown as { handler: ForgeHandler }).handler;

/** The context Forge builds for a macro on page 1001 in space INF (see the fixed integration facts). */
function macroContext(accountType: 'anonymous' | 'licensed', moduleKey = 'rollout-status') {
  return {
    accountId: accountType === 'anonymous' ? 'unidentified' : 'demo-viewer',
    accountType,
    cloudId: 'local-cloud',
    localId: `a1001-${moduleKey}`,
    moduleKey,
    siteUrl: 'https://inforande.example.net',
    locale: 'sv-SE',
    timezone: 'Europe/Stockholm',
    extension: {
      type: 'macro',
      content: { id: '1001', type: 'page' },
      space: { id: '98001', key: 'INF' },
      isEditing: false,
      config: undefined,
      macro: { isConfiguring: false, isInserting: false },
    },
  };
}

function callAnonymously(functionKey: string, payload: unknown = {}) {
  return runInInvocation({ accountId: undefined }, () =>
    handler({ call: { functionKey, payload }, context: macroContext('anonymous') }, { principal: undefined }),
  );
}

function isResult(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const r = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error?.message === 'string';
}

describe('resolvers: every name in the shared contract is defined by the real handler', () => {
  const demo = buildDemoProgramme(new Date('2026-06-01T09:00:00Z'));
  beforeAll(async () => {
    // A KVS built from manifest.yml alone: if storage used an entity or index the manifest does not
    // declare, these calls would fail here as they would on Forge.
    const kvs = new LocalKvs({ entities: loadEntityDefinitions(MANIFEST_PATH) });
    installForgeRuntime({ kvs, confluence: createConfluenceStub() as never, scopes: APP_SCOPES });
    await runInInvocation({ accountId: 'demo-editor' }, () => seedProgramme(demo.programme, demo.initiatives, demo.history));
  });

  it('rejects a name it does not define, so the checks below can fail', async () => {
    await expect(callAnonymously('noSuchResolver')).rejects.toThrow(/noSuchResolver/);
  });

  it.each([...RESOLVER_NAMES])('%s is defined and answers with a Result', async (name) => {
    const result = await callAnonymously(name);
    expect(isResult(result)).toBe(true);
  });

  it.each([...MUTATING_RESOLVERS])('%s does not succeed for an anonymous caller', async (name) => {
    const result = (await callAnonymously(name)) as { ok: boolean; error?: { code: string } };
    expect(result.ok).toBe(false);
    expect(['PERMISSION', 'VALIDATION']).toContain(result.error?.code);
  });

  it.each([...MACRO_KEYS])('getView serves the %s macro from storage declared in manifest.yml', async (moduleKey) => {
    const result = (await runInInvocation({ accountId: undefined }, () =>
      handler({ call: { functionKey: 'getView', payload: {} }, context: macroContext('anonymous', moduleKey) }, { principal: undefined }),
    )) as { ok: boolean; data?: { state: string; macro: string }; error?: unknown };
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ state: 'ready', macro: moduleKey });
    // The view travels in its compact wire form (src/shared/view-wire.ts), which the UI's invoke unpacks.
    expect(result.data).toMatchObject({ view: { macro: moduleKey, regionCodes: expect.any(Array) } });
  });

  it('getHistory pages through the history indexes declared in manifest.yml', async () => {
    const result = (await runInInvocation({ accountId: 'demo-viewer' }, () =>
      handler(
        { call: { functionKey: 'getHistory', payload: {} }, context: macroContext('licensed') },
        { principal: { accountId: 'demo-viewer' } },
      ),
    )) as { ok: boolean; data?: { entries: unknown[] }; error?: unknown };
    expect(result.error).toBeUndefined();
    expect(Array.isArray(result.data?.entries)).toBe(true);
  });

  it('getDetails reads the detail records and indexes declared in manifest.yml, in every scope', async () => {
    const initiativeId = demo.initiatives[0]!.id;
    const regionCode = Object.keys(demo.initiatives[0]!.cells)[0]!;
    for (const payload of [{}, { initiativeId }, { regionCode }, { initiativeId, regionCode }]) {
      const result = (await runInInvocation({ accountId: 'demo-viewer' }, () =>
        handler({ call: { functionKey: 'getDetails', payload }, context: macroContext('licensed') }, { principal: { accountId: 'demo-viewer' } }),
      )) as { ok: boolean; data?: { entries: unknown[]; lastChange?: unknown }; error?: unknown };
      expect(result.error).toBeUndefined();
      expect(result.data?.entries.length).toBeGreaterThan(0);
      // One cell: who changed it last comes from the history's by-cell index.
      if ('initiativeId' in payload && 'regionCode' in payload) expect(result.data?.lastChange).toEqual({ at: expect.any(String), byName: expect.any(String) });
    }
  });
});

// ------------------------------------------------------------------ the frontend's invoke calls

describe('frontend: every invoke names a resolver in the contract', () => {
  const sources = filesUnder(path.join(ROOT, 'static/app/src'), /\.(ts|tsx)$/);
  const INVOKE = /\binvoke\s*(?:<[^>()]*>)?\s*\(\s*(['"`])([^'"`]+)\1/g;
  const calls = sources.flatMap((file) =>
    [...read(file).matchAll(INVOKE)].map((m) => ({ file: path.relative(ROOT, file), name: m[2] })),
  );

  it('finds the UI calling the backend at all (the scan works)', () => {
    expect(calls.map((c) => c.name)).toContain('getView');
  });

  it('names only resolvers in RESOLVER_NAMES', () => {
    const known = new Set<string>(RESOLVER_NAMES);
    expect(calls.filter((c) => !known.has(c.name))).toEqual([]);
  });

  it('reaches the raw @forge/bridge invoke only through the typed wrapper in api.ts', () => {
    // Any import or re-export of `invoke` from @forge/bridge (whole package or a file in it), or from
    // the app's own bridge adapter, bypasses the contract's types unless it is the wrapper itself.
    const RAW_INVOKE = /(?:import|export)\s*\{([^}]*)\}\s*from\s*['"](@forge\/bridge[^'"]*|(?:\.{1,2}\/)+bridge)['"]/g;
    const touching = sources
      .filter((file) => [...read(file).matchAll(RAW_INVOKE)].some((m) => /\binvoke\b/.test(m[1])))
      .map((f) => path.relative(ROOT, f));
    expect(touching).toContain('static/app/src/api.ts');
    expect(touching.filter((f) => !['static/app/src/api.ts', 'static/app/src/bridge.ts'].includes(f))).toEqual([]);
  });
});

// ------------------------------------------------------------------ manifest ↔ backend

describe('manifest functions and macros match the code', () => {
  const functions: Array<[string, string]> = manifest.modules.function.map((f: { key: string; handler: string }) => [f.key, f.handler]);
  it.each(functions)('function %s: handler %s is exported by src/index.ts', (_key, handlerPath) => {
    const [file, exportName] = handlerPath.split('.');
    expect(file).toBe('index');
    expect(typeof (backend as Record<string, unknown>)[exportName]).toBe('function');
  });

  it('declares a macro for every MACRO_KEYS entry and nothing else', () => {
    const keys = manifest.modules.macro.map((m: { key: string }) => m.key);
    expect([...keys].sort()).toEqual([...MACRO_KEYS].sort());
  });
});

// ------------------------------------------------------------------ manifest ↔ storage

describe('storage: entities and indexes in use are declared in manifest.yml', () => {
  const normalise = (entities: Array<{ name: string; attributes: object; indexes: Array<{ name: string; partition?: string[]; range: string[] | string }> }>) =>
    Object.fromEntries(
      entities.map((e) => [
        e.name,
        {
          attributes: e.attributes,
          indexes: Object.fromEntries(e.indexes.map((i) => [i.name, { partition: i.partition ?? [], range: [i.range].flat() }])),
        },
      ]),
    );
  const declared = normalise(manifest.app.storage.entities);

  it('manifest.yml declares exactly the storage schema (src/storage/schema.ts)', () => {
    expect(declared).toEqual(normalise(ENTITY_DECLARATIONS));
  });

  const storageSources = filesUnder(path.join(ROOT, 'src/storage'), /\.ts$/).map((f) => ({ file: path.relative(ROOT, f), text: read(f) }));
  const constants: Record<string, Record<string, string>> = { ENTITY, INDEX };
  /** A string literal, or ENTITY.x / INDEX.x, to its value. */
  const resolve = (expr: string): string | undefined => {
    const literal = expr.match(/^\s*['"]([^'"]+)['"]\s*$/);
    if (literal) return literal[1];
    const ref = expr.match(/^\s*(ENTITY|INDEX)\.(\w+)\s*$/);
    return ref ? constants[ref[1]][ref[2]] : undefined;
  };

  // `.entity(E)…index(I` in one chain, directly or through a helper `const xs = () => kvs.entity(E)`.
  const pairs = storageSources.flatMap(({ file, text }) => {
    const helpers = new Map(
      [...text.matchAll(/const\s+(\w+)\s*=\s*\(\)\s*=>\s*kvs\.entity(?:<[^>]*>)?\(([^)]+)\)/g)].map((m) => [m[1], m[2]]),
    );
    const chains = [
      ...[...text.matchAll(/kvs\.entity(?:<[^>]*>)?\(([^)]+)\)[^;]*?\.index\(\s*([^,)]+)/g)].map((m) => [m[1], m[2]]),
      ...[...text.matchAll(/\b(\w+)\(\)\.query\(\)[^;]*?\.index\(\s*([^,)]+)/g)]
        .filter((m) => helpers.has(m[1]))
        .map((m) => [helpers.get(m[1])!, m[2]]),
    ];
    return chains.map(([entityExpr, indexExpr]) => ({ file, entity: resolve(entityExpr), index: resolve(indexExpr), expr: `${entityExpr} / ${indexExpr}` }));
  });

  it('finds the storage queries (the scan works)', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(pairs.filter((p) => p.entity === undefined || p.index === undefined)).toEqual([]);
  });

  it('queries only indexes that manifest.yml declares on that entity', () => {
    const undeclared = pairs.filter((p) => !(p.entity! in declared) || !(p.index! in declared[p.entity!].indexes));
    expect(undeclared).toEqual([]);
  });

  it('names only declared entities anywhere in src/storage', () => {
    const used = storageSources.flatMap(({ file, text }) =>
      [
        ...[...text.matchAll(/\.entity(?:<[^>]*>)?\(([^)]+)\)/g)].map((m) => m[1]),
        ...[...text.matchAll(/entityName\s*:\s*([^,}\s]+)/g)].map((m) => m[1]),
      ]
        .map(resolve)
        .filter((name): name is string => name !== undefined)
        .map((name) => ({ file, name })),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !(u.name in declared))).toEqual([]);
  });
});

// ------------------------------------------------------------------ the resource `main`

describe('resource main is the Custom UI build, and loads nothing inline', () => {
  const mainResource = manifest.resources.find((r: { key: string }) => r.key === 'main');
  const appDir = path.join(ROOT, 'static/app');
  const buildIndex = path.join(ROOT, mainResource.path, 'index.html');
  const built = fs.existsSync(buildIndex);

  it('vite writes its build to the resource path (static/app/vite.config.ts: root static/app, outDir)', () => {
    const config = read(path.join(appDir, 'vite.config.ts'));
    const outDir = config.match(/outDir\s*:\s*['"]([^'"]+)['"]/)?.[1];
    expect(outDir).toBeDefined();
    expect(path.relative(ROOT, path.resolve(appDir, outDir!))).toBe(mainResource.path);
    // Forge serves a resource under its own path: asset URLs must be relative.
    expect(config).toMatch(/base\s*:\s*['"]\.\/['"]/);
  });

  it(`${built ? 'the built' : 'the source'} index.html exists and has no inline script, style element or style attribute`, () => {
    const html = read(built ? buildIndex : path.join(appDir, 'index.html'));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it(`every file ${built ? 'the built' : 'the source'} index.html references exists`, () => {
    // Before a build this checks the source entry Vite builds from; CI builds first, so there it
    // checks the build that forge deploy uploads.
    const base = built ? path.dirname(buildIndex) : appDir;
    const html = read(path.join(base, 'index.html'));
    const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]).filter((ref) => !/^[a-z]+:/i.test(ref));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^\//); // an absolute path breaks under Forge's resource path
      expect(fs.existsSync(path.join(base, ref))).toBe(true);
    }
  });
});
