/**
 * Unit metering (Forge's 10 KB read/write units), persistence to a file
 * (atomic writes, round trip into a new instance), and reading entity
 * declarations from manifest.yml.
 */
import { APP_SCOPES } from '../../dev/app-manifest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { LocalKvs, loadEntityDefinitions } from '../../dev/kvs';
import { expectKvsError, freshKvs, testEntities, type Fixture } from './support/kvs-fixture';

describe('unit counting', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = freshKvs();
  });

  const KB = 1024;

  it('charges a 25 KB value 3 write units to set and 3 read units to get', async () => {
    await kvs.set('big', 'x'.repeat(25 * KB));
    expect(fx.local.units()).toMatchObject({ readUnits: 0, writeUnits: 3, requests: 1 });
    await kvs.get('big');
    expect(fx.local.units()).toMatchObject({ readUnits: 3, writeUnits: 3, requests: 2 });
  });

  it('rounds up per 10 KB and charges at least one unit', async () => {
    await kvs.set('tiny', 1); // 1 unit
    await kvs.set('ten', 'x'.repeat(10 * KB - 20)); // just under 10 KB with key: 1 unit
    await kvs.set('eleven', 'x'.repeat(11 * KB)); // 2 units
    expect(fx.local.units().writeUnits).toBe(4);
  });

  it('charges a miss one read unit and a delete one write unit', async () => {
    await kvs.get('absent');
    await kvs.delete('absent');
    expect(fx.local.units()).toMatchObject({ readUnits: 1, writeUnits: 1, requests: 2 });
  });

  it('charges queries per item returned, with a minimum of one per request', async () => {
    await kvs.set('q:1', 'x'.repeat(15 * KB)); // 2 units to read
    await kvs.set('q:2', 'a'); // 1
    await kvs.set('q:3', 'b'); // 1
    fx.local.resetUnits();
    await kvs.query().where('key', WhereConditions.beginsWith('q:')).getMany();
    expect(fx.local.units()).toMatchObject({ readUnits: 4, writeUnits: 0, requests: 1 });
    // As the rate limit counts it: one request of about 15 KB is 2 units, not one per item.
    expect(fx.local.units().readRequestUnits).toBe(2);
    await kvs.query().where('key', WhereConditions.beginsWith('none:')).getMany();
    expect(fx.local.units().readUnits).toBe(5);
  });

  it('charges batches and transactions per item', async () => {
    await kvs.batchSet<unknown>([
      { key: 'a', value: 'x'.repeat(25 * KB) },
      { key: 'b', value: 1 },
    ]);
    expect(fx.local.units().writeUnits).toBe(4);
    await kvs.transact().set('c', 'x'.repeat(15 * KB)).delete('a').execute();
    expect(fx.local.units().writeUnits).toBe(4 + 2 + 1);
    await kvs.batchGet([{ key: 'b' }, { key: 'c' }]);
    expect(fx.local.units().readUnits).toBe(1 + 2);
  });

  it('does not charge rejected requests, but counts them', async () => {
    await expectKvsError(kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG');
    expect(fx.local.units()).toMatchObject({ readUnits: 0, writeUnits: 0, requests: 1 });
  });

  it('resets the counters', async () => {
    await kvs.set('a', 1);
    fx.local.resetUnits();
    expect(fx.local.units()).toMatchObject({ readUnits: 0, writeUnits: 0, requests: 0 });
  });
});

describe('persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'local-kvs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips plain keys, secrets, entities and TTLs through the file into a new instance', async () => {
    const file = join(dir, 'nested', 'kvs.json');
    const first = freshKvs({ persistPath: file });
    await kvs.set('plain', { a: [1, 2] });
    await kvs.setSecret('secret', 'shh');
    await kvs.entity('rollout').set('r1', { region: 'north', phase: 3 });
    await kvs.set('ttl', 'gone soon', { ttl: { value: 1, unit: 'HOURS' } });
    await kvs.set('deleted', 1);
    await kvs.delete('deleted');

    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['kvs.json']); // no temp files left behind

    const second = new LocalKvs({ entities: testEntities, persistPath: file, now: () => first.clock.now });
    installForgeRuntime({ kvs: second, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    expect(await kvs.get('plain')).toEqual({ a: [1, 2] });
    expect(await kvs.getSecret('secret')).toBe('shh');
    expect(await kvs.entity('rollout').get('r1')).toEqual({ region: 'north', phase: 3 });
    expect(await kvs.get('ttl')).toBe('gone soon');
    expect(await kvs.get('deleted')).toBeUndefined();
    const { results } = await kvs.entity('rollout').query().index('by-region-phase', { partition: ['north'] }).getMany();
    expect(results.map((r) => r.key)).toEqual(['r1']);

    // The TTL is persisted as an absolute expiry.
    const third = new LocalKvs({ entities: testEntities, persistPath: file, now: () => first.clock.now + 3_600_001 });
    installForgeRuntime({ kvs: third, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    expect(await kvs.get('ttl')).toBeUndefined();
  });

  it('removes what a process killed mid-write left behind, and keeps the data as it was', async () => {
    const file = join(dir, 'kvs.json');
    freshKvs({ persistPath: file });
    await kvs.set('kept', 'yes');
    // A killed write: its temporary file, empty, beside the data (issue 12, finding 6).
    writeFileSync(join(dir, 'kvs.json.4242.1700000000000.tmp'), '');
    const reopened = new LocalKvs({ entities: testEntities, persistPath: file });
    expect(readdirSync(dir)).toEqual(['kvs.json']);
    expect((await reopened.handle('/api/v1/get', { key: 'kept' })).status).toBe(200);
  });

  it('persists clear()', async () => {
    const file = join(dir, 'kvs.json');
    const fx = freshKvs({ persistPath: file });
    await kvs.set('a', 1);
    fx.local.clear();
    const reopened = new LocalKvs({ entities: testEntities, persistPath: file });
    expect((await reopened.handle('/api/v1/get', { key: 'a' })).status).toBe(404);
  });

  it('does not create the file for a rejected request', async () => {
    const file = join(dir, 'kvs.json');
    freshKvs({ persistPath: file });
    await expectKvsError(kvs.set('bad/key', 1), 'INVALID_KEY');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to start on a corrupt file rather than silently losing data', () => {
    const file = join(dir, 'kvs.json');
    writeFileSync(file, '{ not json');
    expect(() => new LocalKvs({ entities: testEntities, persistPath: file })).toThrow(/not valid JSON/);
  });
});

describe('loadEntityDefinitions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (yaml: string) => {
    const path = join(dir, 'manifest.yml');
    writeFileSync(path, yaml);
    return path;
  };

  it('reads both index forms from app.storage.entities', () => {
    const path = write(`
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000
  storage:
    entities:
      - name: rollout-status
        attributes:
          region:
            type: string
          phase:
            type: integer
          updatedAt:
            type: float
        indexes:
          - phase
          - name: by-region
            partition:
              - region
            range:
              - updatedAt
`);
    expect(loadEntityDefinitions(path)).toEqual([
      {
        name: 'rollout-status',
        attributes: { region: { type: 'string' }, phase: { type: 'integer' }, updatedAt: { type: 'float' } },
        indexes: [
          { name: 'phase', partition: [], range: 'phase' },
          { name: 'by-region', partition: ['region'], range: 'updatedAt' },
        ],
      },
    ]);
  });

  it('returns no entities when the manifest declares none', () => {
    expect(loadEntityDefinitions(write('app:\n  id: x\n'))).toEqual([]);
  });

  it('rejects an index over an undeclared attribute', () => {
    const path = write(`
app:
  storage:
    entities:
      - name: thing
        attributes:
          a:
            type: string
        indexes:
          - b
`);
    expect(() => loadEntityDefinitions(path)).toThrow(/undeclared attribute "b"/);
  });

  it('drives queries on the indexes it declares', async () => {
    const path = write(`
app:
  storage:
    entities:
      - name: thing
        attributes:
          a:
            type: string
        indexes:
          - a
`);
    const local = new LocalKvs({ entities: loadEntityDefinitions(path) });
    installForgeRuntime({ kvs: local, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
    await kvs.entity('thing').set('t2', { a: 'b' });
    await kvs.entity('thing').set('t1', { a: 'a' });
    const { results } = await kvs.entity('thing').query().index('a').getMany();
    expect(results.map((r) => r.key)).toEqual(['t1', 't2']);
  });
});
