/** Programmes and initiatives of realistic size for the storage tests. */
import { SWEDISH_REGIONS } from '../../src/shared/regions';
import { DEFAULT_CELL_DETAILS, type HistoryEntry, type Initiative, type InitiativeWithDetails, type Programme } from '../../src/shared/model';
import { ROLLOUT_STATUSES } from '../../src/shared/vocabulary';
import { initiative, programme } from '../domain/fixtures';

export function regionalProgramme(overrides: Partial<Programme> = {}): Programme {
  return programme({ id: 'prog-s', participants: SWEDISH_REGIONS.map((r) => ({ ...r })), ...overrides });
}

/** An initiative whose every cell has been edited: the worst case for record size. */
export function filledInitiative(programmeId: string, k: number, participants = SWEDISH_REGIONS): InitiativeWithDetails {
  const cells: InitiativeWithDetails['cells'] = {};
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
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
  });
  return { ...initiative({ id: `init-${k}`, programmeId, order: k * 1024, name: `Införande ${k}` }), cells, needs: [] };
}

/** A lean initiative (as the views see it) described for seeding: no details anywhere. */
export function withoutDetails(lean: Initiative): InitiativeWithDetails {
  return {
    ...lean,
    cells: Object.fromEntries(Object.entries(lean.cells).map(([code, c]) => [code, { ...c, ...DEFAULT_CELL_DETAILS }])),
    needs: lean.needs.map((n) => ({
      ...n,
      progress: Object.fromEntries(Object.entries(n.progress).map(([code, p]) => [code, { progress: p.progress, updatedAt: p.updatedAt, note: '' }])),
    })),
  };
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
