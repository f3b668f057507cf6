/** The programme facts every view shows: name, participants, example-data flag, "Senast uppdaterad". */
import type { ProgrammeSummary } from '../shared/contract';
import type { Initiative, IsoDateTime, Programme } from '../shared/model';

/** Keeps the later of two instants; unreadable ones never win. */
function later(current: { at: IsoDateTime | null; t: number }, candidate: IsoDateTime | null): void {
  if (candidate === null) return;
  // Stored instants are toISOString() output, which sorts as text: most candidates are settled here,
  // without parsing a date for each of a large programme's fifteen thousand cells on every view.
  if (current.at !== null && candidate.length === current.at.length && candidate <= current.at) return;
  const t = Date.parse(candidate);
  if (!Number.isNaN(t) && t > current.t) {
    current.at = candidate;
    current.t = t;
  }
}

/** The latest update of anything in the programme: its details, any initiative, cell or need progress. */
export function lastUpdatedAt(programme: Pick<Programme, 'updatedAt'>, initiatives: ReadonlyArray<Initiative>): IsoDateTime | null {
  const latest = { at: null as IsoDateTime | null, t: -Infinity };
  later(latest, programme.updatedAt);
  for (const initiative of initiatives) {
    later(latest, initiative.updatedAt);
    for (const code in initiative.cells) later(latest, initiative.cells[code].updatedAt);
    if (initiative.progressSummary) later(latest, initiative.progressSummary.updatedAt);
    for (const need of initiative.needs) {
      for (const code in need.progress) later(latest, need.progress[code].updatedAt);
    }
  }
  return latest.at;
}

export function summariseProgramme(programme: Programme, initiatives: ReadonlyArray<Initiative>): ProgrammeSummary {
  return {
    id: programme.id,
    name: programme.name,
    description: programme.description,
    spaceKey: programme.spaceKey,
    participants: programme.participants.map((p) => ({ ...p })),
    stalenessDays: programme.stalenessDays,
    published: programme.published,
    isExample: programme.isExample,
    lastUpdatedAt: lastUpdatedAt(programme, initiatives),
  };
}
