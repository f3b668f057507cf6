/**
 * Synthetic programmes for the benchmarks: S (10 initiatives × 21 regions), M (50 × 21) and
 * L (50 × 290 participants, the size of a programme run against every municipality). Every cell is
 * filled in, with notes, plans and contacts, so the stored records are as large as real ones get.
 * Deterministic, so two runs measure the same data.
 */
import type { Initiative, Milestone, NeedRegionProgress, Participant, Programme, RegionCell, TechnicalNeed } from '../src/shared/model';
import { SWEDISH_REGIONS } from '../src/shared/regions';
import { DEFAULT_MILESTONES, NEED_CATEGORIES, NEED_PROGRESS, ROLLOUT_STATUSES } from '../src/shared/vocabulary';

export type DatasetSize = 'S' | 'M' | 'L';
export const DATASETS: Record<DatasetSize, { initiatives: number; participants: number }> = {
  S: { initiatives: 10, participants: 21 },
  M: { initiatives: 50, participants: 21 },
  L: { initiatives: 50, participants: 290 },
};

/** A small linear congruential generator: repeatable, and enough to spread values around. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function participants(count: number): Participant[] {
  if (count === SWEDISH_REGIONS.length) return SWEDISH_REGIONS.map((r) => ({ ...r }));
  return Array.from({ length: count }, (_, i) => {
    const code = String(100 + i).padStart(4, '0');
    return { code, name: `Exempelkommun ${code}`, short: `Kommun ${code}` };
  });
}

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

export function buildDataset(size: DatasetSize, spaceKey: string, now: Date): { programme: Programme; initiatives: Initiative[] } {
  const rnd = random(size.charCodeAt(0));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const people = ['Anna Lindqvist', 'Johan Ek', 'Sara Nilsson', 'Eva Redaktör'];
  const list = participants(DATASETS[size].participants);
  const programme: Programme = {
    id: `bench-${size.toLowerCase()}`,
    spaceKey,
    name: `Benchmark ${size}`,
    description: 'Synthetic benchmark data',
    participants: list,
    milestoneTemplate: DEFAULT_MILESTONES.map((m) => ({ id: m.id, phase: m.phase, title: m.title.sv })),
    stalenessDays: 90,
    published: true,
    isExample: true,
    createdAt: at(400),
    createdBy: 'bench',
    updatedAt: at(1),
    updatedBy: 'bench',
    version: 1,
  };
  const initiatives: Initiative[] = Array.from({ length: DATASETS[size].initiatives }, (_, i) => {
    const cells: Record<string, RegionCell> = {};
    for (const p of list) {
      const year = 2026 + Math.floor(rnd() * 2);
      const m = 1 + Math.floor(rnd() * 6);
      cells[p.code] = {
        status: pick(ROLLOUT_STATUSES),
        note: `Anteckning för ${p.short}: planering pågår enligt plan, kontakt etablerad med regionens införandeledare.`,
        link: `https://www.example.se/inforande/${i}/${p.code}`,
        pilotStart: month(year, m),
        pilotEnd: month(year, m + 2),
        broadStart: month(year, m + 4),
        broadEnd: month(year + 1, m),
        contactEstablished: rnd() > 0.3,
        contactSince: '2026-03-15',
        regionalContact: `Införandeledare ${p.short}`,
        nationalContact: pick(people),
        updatedAt: at(Math.floor(rnd() * 200)),
        updatedBy: 'demo-editor',
        updatedByName: pick(people),
      };
    }
    const needs: TechnicalNeed[] = Array.from({ length: 3 }, (_, n) => {
      const progress: Record<string, NeedRegionProgress> = {};
      for (const p of list) {
        progress[p.code] = {
          progress: pick(NEED_PROGRESS),
          note: 'Beställt',
          updatedAt: at(Math.floor(rnd() * 200)),
          updatedBy: 'demo-editor',
          updatedByName: pick(people),
        };
      }
      return {
        id: `need-${n}`,
        title: `Tekniskt behov ${n + 1}`,
        category: NEED_CATEGORIES[n % NEED_CATEGORIES.length],
        required: n === 0,
        description: 'Beskrivning av behovet',
        link: 'https://www.example.se/behov',
        progress,
      };
    });
    const milestones: Milestone[] = DEFAULT_MILESTONES.map((m, k) => ({
      id: m.id,
      phase: m.phase,
      title: m.title.sv,
      done: k < 4,
      dueMonth: month(2026, 1 + (k % 12)),
      doneOn: k < 4 ? '2026-02-01' : null,
    }));
    return {
      id: `${programme.id}-i${String(i).padStart(3, '0')}`,
      programmeId: programme.id,
      name: `Införande ${i + 1}`,
      kind: 'service',
      summary: 'En tjänst som alla regioner ska införa.',
      infoLink: 'https://www.example.se/tjanst',
      contact: pick(people),
      rolloutType: 'both',
      phase: 'genomforande',
      nationalPilotStart: '2026-01',
      nationalPilotEnd: '2026-06',
      nationalBroadStart: '2026-09',
      nationalBroadEnd: '2027-12',
      order: i,
      archived: false,
      cells,
      needs,
      milestones,
      createdAt: at(300),
      createdBy: 'bench',
      version: 1,
      updatedAt: at(3),
      updatedBy: 'demo-editor',
      updatedByName: 'Eva Redaktör',
    };
  });
  return { programme, initiatives };
}
