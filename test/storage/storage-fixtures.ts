/** Programmes and initiatives of realistic size for the storage tests. */
import { SWEDISH_REGIONS } from '../../src/shared/regions';
import type { HistoryEntry, Initiative, Programme, RegionCell } from '../../src/shared/model';
import { ROLLOUT_STATUSES } from '../../src/shared/vocabulary';
import { initiative, programme } from '../domain/fixtures';

export function regionalProgramme(overrides: Partial<Programme> = {}): Programme {
  return programme({ id: 'prog-s', participants: SWEDISH_REGIONS.map((r) => ({ ...r })), ...overrides });
}

/** An initiative whose every cell has been edited: the worst case for record size. */
export function filledInitiative(programmeId: string, k: number, participants = SWEDISH_REGIONS): Initiative {
  const cells: Record<string, RegionCell> = {};
  participants.forEach((p, n) => {
    cells[p.code] = {
      status: ROLLOUT_STATUSES[(k + n) % ROLLOUT_STATUSES.length]!,
      note: `Anteckning för ${p.name}`,
      link: 'https://www.inera.se/',
      pilotStart: '2026-03',
      pilotEnd: '2026-06',
      broadStart: '2026-09',
      broadEnd: null,
      contactEstablished: true,
      contactSince: '2026-01-15',
      regionalContact: 'Införandeledare',
      nationalContact: 'Anna Andersson',
      updatedAt: '2026-11-01T08:00:00.000Z',
      updatedBy: '557058:0f0e0d0c-0b0a-0908-0706-050403020100',
      updatedByName: 'Eva Redaktör',
    };
  });
  return initiative({ id: `init-${k}`, programmeId, order: k * 1024, name: `Införande ${k}`, cells });
}

export function historyAt(programmeId: string, n: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: `h-${String(n).padStart(4, '0')}`,
    programmeId,
    initiativeId: null,
    regionCode: null,
    needId: null,
    target: 'cell',
    action: 'update',
    at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    by: 'acc-editor',
    byName: 'Eva Redaktör',
    changes: [{ field: 'status', old: 'not-started', new: 'pilot' }],
    ...overrides,
  };
}
