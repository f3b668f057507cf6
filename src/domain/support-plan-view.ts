/** Overview 3: has planning started, and is contact established with each region? */
import type { SupportPlanView } from '../shared/contract';
import type { ConnectionProgress, Programme } from '../shared/model';
import type { Audience } from './audience';
import { cellAt } from './cells';
import { hasDetailsFor } from './contact-privacy';
import { toInitiativeHeader } from './initiative-header';
import type { Selection } from './perspective';

function connectionView(stored: ConnectionProgress | undefined): { start: string; done: number } | null {
  return stored ? { start: stored.start, done: stored.done } : null;
}

export function buildSupportPlanView(
  programme: Pick<Programme, 'stalenessDays'>,
  selection: Selection,
  now: Date,
  audience: Audience,
): SupportPlanView {
  return {
    macro: 'support-plan',
    initiatives: selection.initiatives.map((initiative) => {
      const contacts = selection.participants.map(({ code }) => {
        const cell = cellAt(initiative, code);
        return {
          regionCode: code,
          established: cell.contactEstablished,
          since: cell.contactSince,
          // Per audience: the public is not shown that a contact it may not read exists (decision 0020).
          hasDetails: hasDetailsFor(cell, audience),
          // Null until started: a column of nulls does not travel (shared/view-wire.ts), so it costs nothing unused.
          connection: connectionView(initiative.connection?.[code]),
        };
      });
      return {
        initiative: toInitiativeHeader(initiative, programme.stalenessDays, now, audience),
        // Every milestone with its note and week (overview 3), so the view's shape does not depend on the data.
        milestones: initiative.milestones.map((m) => ({ ...m, note: m.note ?? '', weekOffset: m.weekOffset ?? null })),
        milestonesDone: initiative.milestones.filter((m) => m.done).length,
        contacts,
        contactsEstablished: contacts.filter((c) => c.established).length,
      };
    }),
  };
}
