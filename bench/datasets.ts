/**
 * Synthetic programmes for the benchmarks: S (10 initiatives × 21 regions), M (50 × 21),
 * L (50 × 290 participants, the size of a programme run against every municipality) and L-max (L with
 * every text field at its maximum length). Every cell is filled in, with notes, plans and contacts.
 * Deterministic, so two runs measure the same data.
 */
import type { InitiativeWithDetails, Milestone, Participant, Programme } from '../src/shared/model';
import { SWEDISH_REGIONS } from '../src/shared/regions';
import { LIMITS } from '../src/shared/schemas';
import { DEFAULT_MILESTONES, NEED_CATEGORIES, NEED_PROGRESS, ROLLOUT_STATUSES } from '../src/shared/vocabulary';

export type DatasetSize = 'S' | 'M' | 'L' | 'L-max';
export const DATASETS: Record<DatasetSize, { initiatives: number; participants: number; maxText?: boolean }> = {
  S: { initiatives: 10, participants: 21 },
  M: { initiatives: 50, participants: 21 },
  L: { initiatives: 50, participants: 290 },
  /** L with every text field at its maximum length (LIMITS in src/shared/schemas.ts). */
  'L-max': { initiatives: 50, participants: 290, maxText: true },
};

const PROSE =
  'Regionen planerar införandet tillsammans med förvaltningen; kontakt är etablerad med införandeledaren, ' +
  'beställning av SITHS-kort och brandväggsöppningar pågår, och utbildning av användare är bokad i vår. ';

/** Swedish prose cut to exactly `n` characters: realistic bytes (å, ä, ö) at the longest a field may be. */
function prose(n: number, salt: string): string {
  const text = `${salt} ${PROSE}`;
  const cut = text.repeat(Math.ceil(n / text.length)).slice(0, n);
  // The app trims every text it stores, so a stored text never ends in a space: neither does this one.
  return cut.endsWith(' ') ? `${cut.slice(0, -1)}.` : cut;
}

function linkOf(n: number, salt: string): string {
  const base = `https://www.example.se/inforande/${salt}/`;
  return base + 'a'.repeat(Math.max(0, n - base.length));
}

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

export function buildDataset(size: DatasetSize, spaceKey: string, now: Date): { programme: Programme; initiatives: InitiativeWithDetails[] } {
  // L-max draws the same plans as L: only the texts grow.
  const rnd = random(size.charCodeAt(0));
  const max = DATASETS[size].maxText === true;
  const txt = (normal: string, limit: number, salt: string) => (max ? prose(limit, salt) : normal);
  const url = (normal: string, salt: string) => (max ? linkOf(LIMITS.link, salt) : normal);
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
  const initiatives: InitiativeWithDetails[] = Array.from({ length: DATASETS[size].initiatives }, (_, i) => {
    const cells: InitiativeWithDetails['cells'] = {};
    for (const p of list) {
      const year = 2026 + Math.floor(rnd() * 2);
      const m = 1 + Math.floor(rnd() * 6);
      cells[p.code] = {
        status: pick(ROLLOUT_STATUSES),
        note: txt(`Anteckning för ${p.short}: planering pågår enligt plan, kontakt etablerad med regionens införandeledare.`, LIMITS.note, p.code),
        link: url(`https://www.example.se/inforande/${i}/${p.code}`, `${i}-${p.code}`),
        pilotStart: month(year, m),
        pilotEnd: month(year, m + 2),
        broadStart: month(year, m + 4),
        broadEnd: month(year + 1, m),
        contactEstablished: rnd() > 0.3,
        contactSince: '2026-03-15',
        regionalContact: txt(`Införandeledare ${p.short}`, LIMITS.shortText, p.short),
        nationalContact: txt(pick(people), LIMITS.shortText, 'nationell'),
        updatedAt: at(Math.floor(rnd() * 200)),
      };
    }
    const needs: InitiativeWithDetails['needs'] = Array.from({ length: 3 }, (_, n) => {
      const progress: InitiativeWithDetails['needs'][number]['progress'] = {};
      for (const p of list) {
        progress[p.code] = {
          progress: pick(NEED_PROGRESS),
          note: txt('Beställt', LIMITS.note, `${n}-${p.code}`),
          updatedAt: at(Math.floor(rnd() * 200)),
        };
      }
      return {
        id: `need-${n}`,
        title: txt(`Tekniskt behov ${n + 1}`, LIMITS.name, `Behov ${n + 1}`),
        category: NEED_CATEGORIES[n % NEED_CATEGORIES.length],
        required: n === 0,
        description: txt('Beskrivning av behovet', LIMITS.needDescription, `Behov ${n + 1}`),
        link: url('https://www.example.se/behov', `behov-${n}`),
        progress,
      };
    });
    const milestones: Milestone[] = DEFAULT_MILESTONES.map((m, k) => ({
      id: m.id,
      phase: m.phase,
      title: txt(m.title.sv, LIMITS.shortText, m.title.sv),
      done: k < 4,
      dueMonth: month(2026, 1 + (k % 12)),
      doneOn: k < 4 ? '2026-02-01' : null,
    }));
    return {
      id: `${programme.id}-i${String(i).padStart(3, '0')}`,
      programmeId: programme.id,
      name: txt(`Införande ${i + 1}`, LIMITS.name, `Införande ${i + 1}`),
      kind: 'service',
      summary: txt('En tjänst som alla regioner ska införa.', LIMITS.summary, `Införande ${i + 1}`),
      infoLink: url('https://www.example.se/tjanst', `tjanst-${i}`),
      contact: txt(pick(people), LIMITS.shortText, 'kontakt'),
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
