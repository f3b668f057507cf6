/** The part of an initiative every overview shows in its row header. */
import type { InitiativeHeader } from '../shared/contract';
import type { Initiative } from '../shared/model';
import type { Audience } from './audience';
import { isInitiativeStale } from './staleness';

export function toInitiativeHeader(initiative: Initiative, stalenessDays: number, now: Date, audience: Audience): InitiativeHeader {
  return {
    id: initiative.id,
    order: initiative.order,
    archived: initiative.archived,
    version: initiative.version,
    name: initiative.name,
    kind: initiative.kind,
    summary: initiative.summary,
    infoLink: initiative.infoLink,
    contact: initiative.contact,
    rolloutType: initiative.rolloutType,
    phase: initiative.phase,
    nationalPilotStart: initiative.nationalPilotStart,
    nationalPilotEnd: initiative.nationalPilotEnd,
    nationalBroadStart: initiative.nationalBroadStart,
    nationalBroadEnd: initiative.nationalBroadEnd,
    updatedAt: initiative.updatedAt,
    updatedByName: audience === 'signed-in' ? initiative.updatedByName : null,
    stale: isInitiativeStale(initiative, stalenessDays, now),
  };
}
