/**
 * Shared setup for the local KVS conformance tests: test entity
 * declarations, a fresh in-memory LocalKvs wired into the real SDK through
 * installForgeRuntime, and a helper to assert Forge-style API errors.
 */
import { APP_SCOPES } from '../../../dev/app-manifest';
import { ForgeKvsAPIError } from '@forge/kvs';
import { installForgeRuntime } from '../../../dev/forge-runtime';
import { LocalKvs, type EntityDefinition } from '../../../dev/kvs';

export const testEntities: EntityDefinition[] = [
  {
    name: 'rollout',
    attributes: {
      region: { type: 'string' },
      service: { type: 'string' },
      phase: { type: 'integer' },
      progress: { type: 'float' },
      live: { type: 'boolean' },
      notes: { type: 'any' },
    },
    indexes: [
      { name: 'by-region-phase', partition: ['region'], range: 'phase' },
      { name: 'service', partition: [], range: 'service' },
    ],
  },
  {
    name: 'counter',
    attributes: { count: { type: 'integer' }, owner: { type: 'string' } },
    indexes: [{ name: 'owner', partition: [], range: 'owner' }],
  },
];

export interface Fixture {
  local: LocalKvs;
  clock: { now: number };
}

/** A fresh in-memory store with a controllable clock, installed as the runtime. */
export function freshKvs(options: { persistPath?: string } = {}): Fixture {
  const clock = { now: Date.UTC(2025, 0, 1) };
  const local = new LocalKvs({ entities: testEntities, persistPath: options.persistPath, now: () => clock.now });
  installForgeRuntime({ kvs: local, confluence: async () => ({ status: 404, body: { message: 'no confluence in this test' } }), scopes: APP_SCOPES });
  return { local, clock };
}

/** Awaits a promise that must fail with a ForgeKvsAPIError of `code` (and `status`). */
export async function expectKvsError(promise: Promise<unknown>, code: string, status = 400): Promise<ForgeKvsAPIError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ForgeKvsAPIError);
  const err = caught as ForgeKvsAPIError;
  expect({ code: err.code, status: err.responseDetails.status }).toEqual({ code, status });
  return err;
}

/** `n` zero-padded so lexical and numeric order agree. */
export const pad = (n: number, width = 4) => String(n).padStart(width, '0');
