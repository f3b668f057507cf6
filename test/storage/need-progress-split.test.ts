/**
 * The needs' progress is stored apart from the initiative record (decision 0017), and the overviews that do
 * not draw it read only a summary. They must draw exactly what they would with the whole data.
 */
import { buildView } from '../../src/domain/build-view';
import { splitDetails } from '../../src/shared/model';
import { parseMacroConfig } from '../../src/shared/schemas';
import {
  addNeedProgress,
  getInitiative,
  listInitiatives,
  readNeedProgress,
  seedProgramme,
  updateInitiativeWith,
  updateProgrammeInitiativesWith,
} from '../../src/storage';
import { buildDataset } from '../../bench/datasets';
import { createHarness } from '../helpers/forge-harness';
import { historyAt } from './storage-fixtures';

const NOW = new Date('2026-11-22T12:00:00.000Z');

beforeEach(() => {
  createHarness();
});

describe('needs progress stored apart', () => {
  it('every overview draws the same from the summary as from the whole initiatives', async () => {
    const { programme, initiatives } = buildDataset('S', 'INF', NOW);
    await seedProgramme(programme, initiatives);
    const lean = await listInitiatives(programme.id);
    const whole = addNeedProgress(lean, await readNeedProgress(programme.id));
    const original = initiatives.map((i) => splitDetails(i).initiative);

    expect(lean[0].needs[0].progress).toEqual({});
    expect(lean[0].progressSummary).toBeDefined();
    expect(whole[0].progressSummary).toBeUndefined();
    for (const macro of ['rollout-status', 'support-plan', 'roadmap', 'technical-needs'] as const) {
      const input = { macro, programme, config: parseMacroConfig({}), now: NOW, audience: 'public' as const };
      const fromWhole = buildView({ ...input, initiatives: whole });
      // Only technical-needs draws the progress itself; the others must not need it.
      if (macro !== 'technical-needs') expect(buildView({ ...input, initiatives: lean })).toEqual(fromWhole);
      // Stored and read back, nothing drawn changes (updated times are kept to the day).
      const dayOf = (i: typeof original[number]) => ({
        ...i,
        cells: Object.fromEntries(Object.entries(i.cells).map(([c, cell]) => [c, { ...cell, updatedAt: cell.updatedAt && `${cell.updatedAt.slice(0, 10)}T00:00:00.000Z` }])),
        needs: i.needs.map((n) => ({
          ...n,
          progress: Object.fromEntries(Object.entries(n.progress).map(([c, p]) => [c, { ...p, updatedAt: p.updatedAt && `${p.updatedAt.slice(0, 10)}T00:00:00.000Z` }])),
        })),
      });
      expect(fromWhole).toEqual(buildView({ ...input, initiatives: original.map(dayOf) }));
    }
  });

  it('a change of progress updates the summary the other overviews read', async () => {
    const { programme, initiatives } = buildDataset('S', 'INF', NOW);
    await seedProgramme(programme, initiatives);
    const id = initiatives[0].id;
    const required = initiatives[0].needs.find((n) => n.required)!;
    const code = programme.participants[0].code;
    await updateInitiativeWith(id, (current) => ({
      next: {
        ...current,
        needs: current.needs.map((n) => (n.id === required.id ? { ...n, progress: { ...n.progress, [code]: { progress: 'in-progress', updatedAt: NOW.toISOString(), hasNote: false } } } : n)),
      },
      history: [historyAt(programme.id, 1, { initiativeId: id })],
    }));
    const lean = (await listInitiatives(programme.id)).find((i) => i.id === id)!;
    expect(lean.progressSummary?.openRequired[code]).toContain(required.id);
    expect(lean.progressSummary?.updatedAt).toBe(NOW.toISOString());
    expect((await getInitiative(id))?.needs.find((n) => n.id === required.id)?.progress[code]?.progress).toBe('in-progress');

    await updateInitiativeWith(id, (current) => ({
      next: { ...current, needs: current.needs.map((n) => (n.id === required.id ? { ...n, progress: { ...n.progress, [code]: { progress: 'done', updatedAt: NOW.toISOString(), hasNote: false } } } : n)) },
      history: [historyAt(programme.id, 2, { initiativeId: id })],
    }));
    const after = (await listInitiatives(programme.id)).find((i) => i.id === id)!;
    expect(after.progressSummary?.openRequired[code]).not.toContain(required.id);
  });

  it('a change written from the summary (a reordering) leaves the progress and the summary as they were', async () => {
    const { programme, initiatives } = buildDataset('S', 'INF', NOW);
    await seedProgramme(programme, initiatives);
    const before = await getInitiative(initiatives[1].id);
    const leanBefore = (await listInitiatives(programme.id))[1];
    await updateProgrammeInitiativesWith(programme.id, (all) => ({
      next: [{ ...all[1], order: -1 }],
      history: [historyAt(programme.id, 1, { initiativeId: all[1].id })],
    }));
    const after = await getInitiative(initiatives[1].id);
    expect(after?.order).toBe(-1);
    expect(after?.needs).toEqual(before?.needs);
    const leanAfter = (await listInitiatives(programme.id)).find((i) => i.id === initiatives[1].id)!;
    expect(leanAfter.progressSummary).toEqual(leanBefore.progressSummary);
  });
});
