/** A programme in the INF space, created through the resolvers as the INF editor would. */
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
