/**
 * manifest.yml is checked offline, because there is no Atlassian site to deploy to here:
 *  - with @forge/manifest's full validator (the one `forge lint` and `forge deploy` run), which must
 *    report no errors, and which must report errors for deliberately broken copies (so a green run
 *    means something);
 *  - against the rules the architecture sets and the validator does not know (public access, no
 *    egress, strict CSP, the runtime, complete translations).
 *
 * The validator needs the project's files (handler sources, resource directories, locale files), so
 * each run gets a temporary copy of the layout. `static/app/build` is copied when it has been built
 * and otherwise stood in for by the app's index.html, so `npm test` does not depend on a prior build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { validate } from '@forge/manifest';
import manifestSchema from '@forge/manifest/schema.json';
import { MACRO_KEYS } from '../src/shared/vocabulary';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_TEXT = fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8');

interface Issue {
  level: string;
  message: string;
}

/** A parsed manifest is untyped YAML. */
type Manifest = any;
const parseManifest = (): Manifest => YAML.parse(MANIFEST_TEXT);

async function validateLayout(manifest: Manifest | string): Promise<{ success: boolean; errors: Issue[]; warnings: Issue[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-check-'));
  try {
    fs.writeFileSync(path.join(dir, 'manifest.yml'), typeof manifest === 'string' ? manifest : YAML.stringify(manifest));
    fs.cpSync(path.join(ROOT, 'locales'), path.join(dir, 'locales'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'static/icons'), path.join(dir, 'static/icons'), { recursive: true });
    // Linked, not copied: the validator checks that each handler's file exists in the real src/.
    fs.symlinkSync(path.join(ROOT, 'src'), path.join(dir, 'src'), 'dir');
    const build = path.join(ROOT, 'static/app/build');
    const target = path.join(dir, 'static/app/build');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(path.join(build, 'index.html'))) {
      // Copied, not linked: the validator insists the resource path is a real directory.
      fs.cpSync(build, target, { recursive: true });
    } else {
      fs.mkdirSync(target);
      fs.copyFileSync(path.join(ROOT, 'static/app/index.html'), path.join(target, 'index.html'));
    }
    // The translations validator resolves locale paths against the working directory.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await validate(false, path.join(dir, 'manifest.yml'));
      const issues = (result.errors ?? []) as Issue[];
      return {
        success: result.success,
        errors: issues.filter((i) => i.level === 'error'),
        warnings: issues.filter((i) => i.level !== 'error'),
      };
    } finally {
      process.chdir(cwd);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const messages = (issues: Issue[]) => issues.map((i) => i.message).join('\n');

describe('manifest.yml passes the Forge validator', () => {
  it('reports no errors for the manifest as committed', async () => {
    const result = await validateLayout(MANIFEST_TEXT);
    expect(messages(result.errors)).toBe('');
    expect(result.success).toBe(true);
  });
});

describe('the validator catches a broken manifest (so the check above can fail)', () => {
  const cases: Array<[string, (m: Manifest) => void, RegExp]> = [
    ['a runtime Forge does not offer', (m) => (m.app.runtime.name = 'nodejs18.x'), /nodejs18\.x/],
    [
      'a macro pointing at a function that is not declared',
      (m) => (m.modules.function = m.modules.function.filter((f: { key: string }) => f.key !== 'export-roadmap')),
      /export-roadmap/,
    ],
    ['an unknown field on a function', (m) => (m.modules.function[0].handlr = 'index.handler'), /handlr/],
    ['an unknown field in a macro adfExport', (m) => (m.modules.macro[0].adfExport.fn = 'x'), /fn/],
    ['a title whose i18n key is missing from the default locale', (m) => (m.modules.macro[0].title = { i18n: 'macro.missing.title' }), /macro\.missing\.title/],
    ['an index over an undeclared attribute', (m) => (m.app.storage.entities[0].indexes[0].range = ['updatedAt']), /updatedAt/],
    ['a macro using an undeclared resource', (m) => (m.modules.macro[0].resource = 'nope'), /nope/],
    ['a module key with a space', (m) => (m.modules.macro[0].key = 'rollout status'), /rollout status/],
  ];

  it.each(cases)('%s', async (_name, breakIt, mentioned) => {
    const manifest = parseManifest();
    breakIt(manifest);
    const result = await validateLayout(manifest);
    expect(result.success).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(messages(result.errors)).toMatch(mentioned);
  });
});

/**
 * @forge/manifest's schema has no `additionalProperties: false` on macro modules, so a misspelt macro
 * property (emitReadyEvent, unlicencedAccess …) would pass it and silently do nothing. The allowed set
 * is the schema's own macro properties plus the two documented ones it does not list.
 */
const DOCUMENTED_MACRO_PROPERTIES_MISSING_FROM_SCHEMA = ['unlicensedAccess', 'icon'];
function allowedMacroProperties(): Set<string> {
  const branches = (manifestSchema as any).definitions.ModuleSchema.properties.macro.items.oneOf as Array<{ properties: object }>;
  return new Set([...branches.flatMap((b) => Object.keys(b.properties)), ...DOCUMENTED_MACRO_PROPERTIES_MISSING_FROM_SCHEMA]);
}
function unknownMacroProperties(manifest: Manifest): string[] {
  const allowed = allowedMacroProperties();
  return manifest.modules.macro.flatMap((m: Record<string, unknown>) =>
    Object.keys(m)
      .filter((k) => !allowed.has(k))
      .map((k) => `${m.key}.${k}`),
  );
}

describe('macro modules use only known properties', () => {
  it('has no property outside the documented set', () => {
    expect(unknownMacroProperties(parseManifest())).toEqual([]);
  });

  it('flags a misspelt property', () => {
    const manifest = parseManifest();
    manifest.modules.macro[1].emitReadyEvent = true;
    expect(unknownMacroProperties(manifest)).toEqual(['technical-needs.emitReadyEvent']);
  });
});

describe('manifest.yml follows the architecture', () => {
  const manifest = parseManifest();
  const macros: Array<Record<string, any>> = manifest.modules.macro;

  it('runs on nodejs22.x', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('keeps the placeholder app id that forge register replaces', () => {
    expect(manifest.app.id).toMatch(/^ari:cloud:ecosystem::app\/[0-9a-f-]{36}$/);
  });

  it('declares exactly the four macros', () => {
    expect(macros.map((m) => m.key).sort()).toEqual([...MACRO_KEYS].sort());
  });

  it.each([...MACRO_KEYS])('%s is public, served by the one resource, exportable and signals ready', (key) => {
    const macro = macros.find((m) => m.key === key)!;
    expect(macro.resource).toBe('main');
    expect(macro.resolver).toEqual({ function: 'resolver' });
    expect(macro.config).toMatchObject({ resource: 'main' });
    expect(macro.adfExport).toEqual({ function: `export-${key}` });
    expect([...macro.unlicensedAccess].sort()).toEqual(['anonymous', 'unlicensed']);
    expect(macro.emitsReadyEvent).toBe(true);
    expect(macro.title).toEqual({ i18n: `macro.${key}.title` });
    expect(macro.description).toEqual({ i18n: `macro.${key}.description` });
    expect(macro.icon).toMatch(/^resource:icons;[a-z-]+\.svg$/);
    const iconFile = path.join(ROOT, 'static/icons', macro.icon.split(';')[1]);
    expect(fs.existsSync(iconFile)).toBe(true);
  });

  it('maps every function to the agreed handler in src/index.ts', () => {
    const handlers = Object.fromEntries(manifest.modules.function.map((f: { key: string; handler: string }) => [f.key, f.handler]));
    expect(handlers).toEqual({
      resolver: 'index.handler',
      'export-rollout-status': 'index.exportRolloutStatus',
      'export-technical-needs': 'index.exportTechnicalNeeds',
      'export-support-plan': 'index.exportSupportPlan',
      'export-roadmap': 'index.exportRoadmap',
    });
  });

  it('asks only for the scopes it uses, and no egress', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual(
      // read:space:confluence: who administers the space (decision 0022).
      ['read:confluence-user', 'read:content.permission:confluence', 'read:space:confluence', 'storage:app'].sort(),
    );
    expect(manifest.permissions.external).toBeUndefined();
    expect(manifest.remotes).toBeUndefined();
  });

  it('declares the space page on the same resource and resolver as the macros (decision 0022)', () => {
    expect(manifest.modules['confluence:spacePage']).toEqual([
      expect.objectContaining({ key: 'programme-admin', resource: 'main', resolver: { function: 'resolver' }, title: 'Införandeöversikt' }),
    ]);
  });

  it('keeps the default Custom UI content security policy (no unsafe-inline, no unsafe-eval)', () => {
    expect(manifest.permissions.content).toBeUndefined();
  });

  it('serves the Custom UI build as resource main', () => {
    expect(manifest.resources).toContainEqual({ key: 'main', path: 'static/app/build' });
  });

  it('declares the entities and indexes agreed for the storage layer', () => {
    const indexes = manifest.app.storage.entities.flatMap((e: { name: string; indexes: Array<{ name: string; partition: string[]; range: string[] }> }) =>
      e.indexes.map((i) => `${e.name}.${i.name}: [${i.partition.join(',')}] / ${i.range.join(',')}`),
    );
    expect(indexes).toEqual(
      expect.arrayContaining([
        'programme.by-space: [spaceKey] / createdAt',
        'initiative.by-programme: [programmeId] / order',
        'history.by-programme: [programmeId] / at',
        'history.by-initiative: [initiativeId] / at',
      ]),
    );
  });

  it('stores epoch-millisecond range keys as float: Forge integers are 32-bit', () => {
    const attr = (entity: string, name: string) =>
      manifest.app.storage.entities.find((e: { name: string }) => e.name === entity).attributes[name].type;
    expect(Date.now()).toBeGreaterThan(2 ** 31 - 1);
    expect(attr('programme', 'createdAt')).toBe('float');
    expect(attr('history', 'at')).toBe('float');
    expect(attr('initiative', 'order')).toBe('integer');
  });
});

describe('manifest translations', () => {
  const manifest = parseManifest();
  const load = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const leaves = (obj: object, prefix = ''): Record<string, unknown> =>
    Object.entries(obj).reduce<Record<string, unknown>>((acc, [k, v]) => {
      const key = prefix ? `${prefix}.${k}` : k;
      return v && typeof v === 'object' ? { ...acc, ...leaves(v, key) } : { ...acc, [key]: v };
    }, {});

  it('falls back to Swedish and offers English', () => {
    expect(manifest.translations.fallback.default).toBe('sv-SE');
    expect(manifest.translations.resources.map((r: { key: string }) => r.key).sort()).toEqual(['en-US', 'sv-SE']);
  });

  it('has every string in both languages, none empty', () => {
    const [sv, en] = ['sv-SE', 'en-US'].map((key) =>
      leaves(load(manifest.translations.resources.find((r: { key: string }) => r.key === key).path)),
    );
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const value of [...Object.values(sv), ...Object.values(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
    }
  });
});
