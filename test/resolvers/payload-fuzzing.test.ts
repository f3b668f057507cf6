/**
 * Property-based fuzzing of every resolver's payload (issue 12): whatever JSON arrives, the answer is a
 * success or a typed error other than INTERNAL, never an unhandled exception, and a call that answers with
 * an error left the store byte-for-byte as it was.
 *
 * Payloads are either any JSON at all, or a valid payload with one value somewhere in it (top level or
 * nested) replaced by arbitrary JSON, awkward text (lone surrogates, control and direction characters,
 * oversized strings) or an extra field: the near misses that get furthest into the code.
 */
import fc from 'fast-check';
import type { DemoUserId } from '../../dev/demo-users';
import type { ResolverName } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import { createHarness, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, validPayloads, WIRED_RESOLVERS, type InfProgramme } from './resolver-fixtures';

const RUNS = 60;

/** Every path to a value in a JSON tree (objects and arrays), the root excluded. */
function pathsIn(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...at, k], ...pathsIn(v, [...at, k])]);
}

function replaceAt(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

const awkwardText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202Eevil', 'a\u0000b', '\uD800', 'javascript:alert(1)', '=HYPERLINK("x")', '2026-02-30', '2026-13', ' ', 'x'.repeat(5000), '../meta:revision'),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), awkwardText, fc.constantFrom(null, -1, 1e308, 0.5, true, [], {}));

/** A value of the same kind as `v`: these get past the type checks into the rules (lengths, characters, dates). */
function sameKind(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return fc.oneof(awkwardText, fc.string({ maxLength: 80 }), fc.constantFrom('01', '99', 'pilot', 'live', '2026-03', 'https://example.se'));
  if (typeof v === 'boolean') return fc.boolean();
  if (typeof v === 'number') return fc.oneof(fc.integer(), fc.double());
  return anyValue;
}

const valueAt = (tree: unknown, path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], tree);

function payloads(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsIn(valid);
  const nearMisses = [
    fc.constant(valid),
    fc.tuple(fc.string({ maxLength: 12 }), anyValue).map(([key, v]) => ({ ...valid, [key]: v })),
    ...(paths.length > 0
      ? [
          fc.tuple(fc.constantFrom(...paths), anyValue).map(([path, v]) => replaceAt(valid, path, v)),
          fc.constantFrom(...paths).chain((path) => sameKind(valueAt(valid, path)).map((v) => replaceAt(valid, path, v))),
        ]
      : []),
  ];
  // JSON on the wire: what the bridge can deliver (no undefined, no functions, no prototypes).
  return fc.oneof(fc.jsonValue({ maxDepth: 4 }), ...nearMisses).map((p) => JSON.parse(JSON.stringify(p ?? null)) as unknown);
}

let h: Harness;
let inf: InfProgramme;

/**
 * Who sends the fuzzed payloads: someone allowed to call the resolver, so the payload gets past the
 * authorisation into the validation. The INF editor, except where a stricter right is needed.
 */
const FUZZ_CALLER: Partial<Record<ResolverName, DemoUserId>> = {
  updateProgrammeSettings: 'demo-admin',
  updateParticipant: 'demo-admin',
  setMilestoneTemplate: 'demo-admin',
  previewImport: 'demo-admin',
  applyImport: 'demo-admin',
  undoImport: 'demo-admin',
  listImports: 'demo-admin',
  getBackupPart: 'demo-admin',
  restoreBackup: 'demo-admin',
};

it('fuzzes every resolver the handler answers', () => {
  expect(WIRED_RESOLVERS.filter((name) => !(name in validPayloads({ programmeId: 'p', initiativeIds: ['a', 'b'] })))).toEqual([]);
});

describe.each(WIRED_RESOLVERS)('%s with fuzzed payloads', (name) => {
  beforeAll(async () => {
    h = createHarness();
    inf = await createInfProgramme(h, { needs: true });
  });

  it('answers a success or a typed error (never INTERNAL), and an error writes nothing', async () => {
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await fc.assert(
        fc.asyncProperty(payloads(validPayloads(inf)[name] ?? {}), async (payload) => {
          const before = h.storeText();
          const response = await h.invoke(FUZZ_CALLER[name] ?? 'demo-editor', name, payload);
          if (response.ok) return;
          expect(ERROR_CODES).toContain(response.error.code);
          expect(response.error.code).not.toBe('INTERNAL');
          expect(h.storeText()).toBe(before);
        }),
        { numRuns: RUNS },
      );
    } finally {
      silenced.mockRestore();
    }
  });
});
