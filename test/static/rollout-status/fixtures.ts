/** Small hand-made rollout-status views: what the server sends, shaped for the tests that read them. */
import type { CellView, InitiativeHeader } from '../../../src/shared/contract';
import { DEFAULT_REGION_CELL, type Participant } from '../../../src/shared/model';
import type { RolloutStatus } from '../../../src/shared/vocabulary';
import type { ViewRow } from '../../../static/app/src/views/rollout-status/view-model';
import { emptyCounts } from '../../../static/app/src/views/rollout-status/view-model';

export const REGIONS: Participant[] = [
  { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
  { code: '03', name: 'Region Uppsala', short: 'Uppsala' },
  { code: '04', name: 'Region Sörmland', short: 'Sörmland' },
];

export function header(id: string, name: string, extra: Partial<InitiativeHeader> = {}): InitiativeHeader {
  return {
    id,
    name,
    kind: 'project',
    summary: '',
    infoLink: null,
    contact: '',
    rolloutType: null,
    phase: null,
    nationalPilotStart: null,
    nationalPilotEnd: null,
    nationalBroadStart: null,
    nationalBroadEnd: null,
    order: 0,
    archived: false,
    version: 1,
    updatedAt: null,
    updatedByName: null,
    stale: false,
    ...extra,
  };
}

export function cell(regionCode: string, status: RolloutStatus, extra: Partial<CellView> = {}): CellView {
  return {
    ...DEFAULT_REGION_CELL,
    status,
    // Day precision, as the view sends it: midnight UTC of the day.
    updatedAt: '2026-01-10T00:00:00.000Z',
    regionCode,
    stale: false,
    warnings: [],
    openRequiredNeeds: 0,
    ...extra,
  };
}

export function row(initiative: InitiativeHeader, statuses: Record<string, RolloutStatus>): ViewRow {
  const cells = Object.entries(statuses).map(([code, status]) => cell(code, status));
  const counts = emptyCounts();
  for (const c of cells) counts[c.status] += 1;
  return { initiative, cells, counts };
}

/** Two initiatives across three regions. */
export function sampleRows(): ViewRow[] {
  return [
    row(header('kbt', 'Digital KBT'), { '01': 'live', '03': 'pilot', '04': 'not-started' }),
    row(header('chatt', 'Chatt med vården'), { '01': 'planning', '03': 'live', '04': 'declined' }),
  ];
}
