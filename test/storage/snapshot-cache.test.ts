import { readDefaultProgrammeSnapshot, readProgrammeSnapshot, resetReadCache, seedProgramme, updateInitiativeWith } from '../../src/storage';
import { createHarness, type Harness } from '../helpers/forge-harness';
import { filledInitiative, historyAt, regionalProgramme } from './storage-fixtures';

const INSTALL = 'ari:cloud:confluence::site/one';
let h: Harness;
beforeEach(() => {
  h = createHarness();
});

/** Read units and requests one call costs. */
async function cost<T>(run: () => Promise<T>): Promise<{ result: T; readUnits: number; requests: number }> {
  h.kvs.resetUnits();
  const result = await run();
  const { readUnits, requests } = h.kvs.units();
  return { result, readUnits, requests };
}

describe('readProgrammeSnapshot', () => {
  it('serves a warm view for exactly one small read, and a cold one bounded by the programme size (10 × 21)', async () => {
    const programme = regionalProgramme();
    const initiatives = Array.from({ length: 10 }, (_, k) => filledInitiative(programme.id, k));
    await seedProgramme(programme, initiatives);

    resetReadCache();
    const cold = await cost(() => readProgrammeSnapshot(INSTALL, programme.id));
    const warm = await cost(() => readProgrammeSnapshot(INSTALL, programme.id));

    expect(cold.result?.initiatives).toHaveLength(10);
    expect(warm.result).toBe(cold.result);
    expect(warm).toMatchObject({ readUnits: 1, requests: 1 });
    // One revision read, one programme read, one index page; details (notes, contacts) are not read at all.
    expect(cold.requests).toBe(3);
    expect(cold.readUnits).toBeLessThanOrEqual(2 + 10);
    console.log(`KVS cost of a 10×21 programme view (all cells edited): cold ${cold.readUnits} read units / ${cold.requests} requests, warm ${warm.readUnits} / ${warm.requests}`);
  });

  it('is never stale: any write makes the next read load again', async () => {
    const programme = regionalProgramme();
    await seedProgramme(programme, [filledInitiative(programme.id, 1)]);
    await readProgrammeSnapshot(INSTALL, programme.id);

    await updateInitiativeWith('init-1', (current) => ({ next: { ...current, name: 'Nytt namn' }, history: [historyAt(programme.id, 1)] }));

    const after = await cost(() => readProgrammeSnapshot(INSTALL, programme.id));
    expect(after.result?.initiatives[0]?.name).toBe('Nytt namn');
    expect(after.requests).toBeGreaterThan(1);
  });

  it('keeps installations apart: a warm snapshot of one installation is never served to another', async () => {
    const programme = regionalProgramme();
    await seedProgramme(programme, [filledInitiative(programme.id, 1)]);
    resetReadCache();
    await readProgrammeSnapshot(INSTALL, programme.id);
    // Same storage and revision here, but another installation: it must read for itself.
    const other = await cost(() => readProgrammeSnapshot('ari:cloud:confluence::site/two', programme.id));
    expect(other.requests).toBeGreaterThan(1);
    const again = await cost(() => readProgrammeSnapshot(INSTALL, programme.id));
    expect(again).toMatchObject({ readUnits: 1, requests: 1 });
  });

  it('answers null for an unknown programme', async () => {
    expect(await readProgrammeSnapshot(INSTALL, 'nope')).toBeNull();
  });
});

describe('readDefaultProgrammeSnapshot', () => {
  it('shows the oldest programme of the space, also for one small read when warm', async () => {
    await seedProgramme(regionalProgramme({ id: 'newer', createdAt: '2026-05-01T00:00:00.000Z' }), []);
    await seedProgramme(regionalProgramme({ id: 'older', createdAt: '2025-05-01T00:00:00.000Z' }), []);
    await seedProgramme(regionalProgramme({ id: 'elsewhere', spaceKey: 'OTHER', createdAt: '2024-05-01T00:00:00.000Z' }), []);

    expect((await readDefaultProgrammeSnapshot(INSTALL, 'INF'))?.programme.id).toBe('older');
    const warm = await cost(() => readDefaultProgrammeSnapshot(INSTALL, 'INF'));
    expect(warm.result?.programme.id).toBe('older');
    expect(warm).toMatchObject({ readUnits: 1, requests: 1 });
    expect(await readDefaultProgrammeSnapshot(INSTALL, 'EMPTY')).toBeNull();
  });
});
