/**
 * The overviews grouped by county (decision 0027) count their roll-ups in the UI from the view they
 * already get, so a programme of the 290 municipalities costs no more on the wire than the benchmark's
 * L: this measures the roadmap's and technical needs' getView responses as sent (packed, JSON) against
 * docs/performance.md's target (≤ 1 MB at L).
 */
import { buildDataset } from '../../bench/datasets';
import type { MacroKey } from '../../src/shared/vocabulary';
import { packResponse } from '../../src/shared/view-wire';
import { seedProgramme } from '../../src/storage';
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { municipalityProgramme } from '../helpers/municipality-programme';

const KB = 1024;
const MB = 1024 * KB;
const seeded = municipalityProgramme(50);

/** The getView response as sent (packed, JSON), in bytes. */
async function viewBytes(h: Harness, moduleKey: MacroKey, label: string): Promise<number> {
  const data = dataOf(await h.invoke('anonymous', 'getView', {}, { moduleKey }));
  if (data.state !== 'ready') throw new Error(`no view: ${data.state}`);
  const bytes = Buffer.byteLength(JSON.stringify(packResponse('getView', data)), 'utf8');
  // Printed for docs/performance.md: the numbers the grouped overviews are measured at.
  process.stdout.write(`getView ${moduleKey}, ${label}: ${(bytes / KB).toFixed(1)} KB\n`);
  return bytes;
}

describe('view sizes of a programme of the 290 municipalities at L (50 initiatives)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = createHarness();
    await h.kvs.withoutRateLimits(() => seedProgramme(seeded.programme, seeded.initiatives));
  }, 120_000);

  it.each(['roadmap', 'technical-needs'] as const)('%s stays within 1 MB, with every participant’s group', async (moduleKey) => {
    const data = dataOf(await h.invoke('anonymous', 'getView', {}, { moduleKey }));
    expect(data.state === 'ready' && data.programme.participants.every((p) => p.group)).toBe(true);
    expect(await viewBytes(h, moduleKey, '290 municipalities × 50')).toBeLessThanOrEqual(MB);
  }, 60_000);
});

describe('view sizes at M (50 initiatives × 21 regions, no groups)', () => {
  it.each(['roadmap', 'technical-needs'] as const)('%s stays within 100 KB', async (moduleKey) => {
    const h = createHarness();
    const M = buildDataset('M', 'INF', new Date());
    await h.kvs.withoutRateLimits(() => seedProgramme(M.programme, M.initiatives));
    expect(await viewBytes(h, moduleKey, '21 regions × 50')).toBeLessThanOrEqual(100 * KB);
  }, 60_000);
});
