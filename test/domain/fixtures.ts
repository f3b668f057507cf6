/** Small builders for domain tests: a programme, initiatives, cells and needs with sensible defaults. */
import { DEFAULT_REGION_CELL, type Initiative, type Programme, type RegionCell, type TechnicalNeed } from '../../src/shared/model';
import { parseMacroConfig, type MacroConfig } from '../../src/shared/schemas';

export const NOW = new Date('2026-11-22T12:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY).toISOString();
}

export function programme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 'prog-1',
    spaceKey: 'INF',
    name: 'Första linjens digitala vård',
    description: '',
    participants: [
      { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
      { code: '03', name: 'Region Uppsala', short: 'Uppsala' },
      { code: '04', name: 'Region Sörmland', short: 'Sörmland' },
    ],
    milestoneTemplate: [],
    stalenessDays: 90,
    published: false,
    isExample: false,
    createdAt: daysAgo(400),
    createdBy: 'acc-admin',
    updatedAt: daysAgo(300),
    updatedBy: 'acc-admin',
    version: 1,
    ...overrides,
  };
}

export function cell(overrides: Partial<RegionCell> = {}): RegionCell {
  return {
    ...DEFAULT_REGION_CELL,
    updatedAt: daysAgo(1),
    ...overrides,
  };
}

export function need(overrides: Partial<TechnicalNeed> = {}): TechnicalNeed {
  return {
    id: 'need-1',
    title: 'Integration mot journalsystem',
    category: 'care-system-integration',
    required: true,
    description: '',
    link: null,
    progress: {},
    ...overrides,
  };
}

export function initiative(overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: 'init-1',
    programmeId: 'prog-1',
    order: 1,
    archived: false,
    name: 'Digital vårdmöte',
    kind: 'service',
    summary: '',
    infoLink: null,
    contact: '',
    rolloutType: null,
    phase: 'planering',
    nationalPilotStart: null,
    nationalPilotEnd: null,
    nationalBroadStart: null,
    nationalBroadEnd: null,
    updatedAt: daysAgo(2),
    updatedBy: 'acc-editor',
    updatedByName: 'Eva Editor',
    cells: {},
    needs: [],
    milestones: [],
    createdAt: daysAgo(30),
    createdBy: 'acc-editor',
    version: 3,
    ...overrides,
  };
}

export function config(overrides: Partial<MacroConfig> = {}): MacroConfig {
  return { ...parseMacroConfig({}), ...overrides };
}
