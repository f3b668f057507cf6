/** Programmes for the resolver tests: one created through the resolvers as the INF editor would, or seeded. */
import { DEFAULT_CELL, type InitiativeWithDetails } from '../../src/shared/model';
import { daysAgo, initiative } from '../domain/fixtures';
import type { Harness } from '../helpers/forge-harness';
import { dataOf } from '../helpers/forge-harness';

export const FIELDS = {
  name: 'Digitalt vårdmöte',
  kind: 'service',
  summary: '',
  infoLink: null,
  contact: '',
  rolloutType: null,
  phase: null,
  nationalPilotStart: null,
  nationalPilotEnd: null,
  nationalBroadStart: null,
  nationalBroadEnd: null,
} as const;

export interface InfProgramme {
  programmeId: string;
  initiativeIds: string[];
}

export async function createInfProgramme(h: Harness, options: { published?: boolean; initiatives?: number } = {}): Promise<InfProgramme> {
  const created = dataOf(
    await h.invoke('demo-editor', 'createProgramme', { name: 'Första linjens digitala vård', published: options.published ?? false }),
  );
  const initiativeIds: string[] = [];
  for (let k = 0; k < (options.initiatives ?? 2); k++) {
    const { initiative } = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...FIELDS, name: `Införande ${k + 1}` } }));
    initiativeIds.push(initiative.id);
  }
  return { programmeId: created.id, initiativeIds };
}

/** The macro config of page 2001 (space OTHER), which embeds the INF programme. */
export const embedding = (programmeId: string) => ({ pageId: '2001', config: { programmeId } });

/**
 * An initiative as seedProgramme takes it: every participant's details inline (note, link, contacts and
 * need notes), which storage splits into the initiative record and the detail records.
 */
export function seedInitiative(overrides: Partial<InitiativeWithDetails> = {}): InitiativeWithDetails {
  const { cells: _cells, needs: _needs, ...base } = initiative();
  return { ...base, cells: {}, needs: [], ...overrides };
}

/** A cell with its details inline, for seedInitiative. */
export function seedCell(overrides: Partial<InitiativeWithDetails['cells'][string]> = {}): InitiativeWithDetails['cells'][string] {
  return { ...DEFAULT_CELL, updatedAt: daysAgo(1), ...overrides };
}
