/** Overview 2: per initiative, the technical changes the regions must make and how far each region is. */
import type { TechnicalNeedsView } from '../shared/contract';
import type { Initiative, Programme } from '../shared/model';
import type { Audience } from './audience';
import { cellAt, isUntouchedNeedProgress, needProgressAt } from './cells';
import { cellWarnings, connectionAt, openNeedsFor, openRequiredNeedsByRegion, warningTime } from './consistency';
import { toInitiativeHeader } from './initiative-header';
import type { Selection } from './perspective';
import { isEntryStale } from './staleness';

export function buildTechnicalNeedsView(
  programme: Pick<Programme, 'stalenessDays'>,
  selection: Selection,
  now: Date,
  audience: Audience,
): TechnicalNeedsView {
  const codes = selection.participants.map((p) => p.code);
  return {
    macro: 'technical-needs',
    initiatives: selection.initiatives.map((initiative) => ({
      initiative: toInitiativeHeader(initiative, programme.stalenessDays, now, audience),
      plans: plansOf(initiative, codes, now),
      needs: initiative.needs.map((need) => {
        let doneCount = 0;
        let applicableCount = 0;
        const progress = codes.map((regionCode) => {
          const entry = needProgressAt(need, regionCode);
          if (entry.progress === 'done') doneCount += 1;
          if (entry.progress !== 'not-applicable') applicableCount += 1;
          return {
            regionCode,
            progress: entry.progress,
            hasNote: entry.hasNote,
            updatedAt: entry.updatedAt,
            stale: isEntryStale(
              { updatedAt: entry.updatedAt, untouchedDefault: isUntouchedNeedProgress(entry) },
              initiative,
              programme.stalenessDays,
              now,
            ),
          };
        });
        return {
          id: need.id,
          title: need.title,
          category: need.category,
          required: need.required,
          description: need.description,
          link: need.link,
          progress,
          doneCount,
          applicableCount,
        };
      }),
    })),
  };
}

function plansOf(initiative: Initiative, codes: readonly string[], now: Date): TechnicalNeedsView['initiatives'][number]['plans'] {
  const open = openRequiredNeedsByRegion(initiative, codes);
  const time = warningTime(initiative, now);
  return codes.map((regionCode) => {
    const cell = cellAt(initiative, regionCode);
    return { regionCode, status: cell.status, pilotStart: cell.pilotStart, warnings: cellWarnings(cell, initiative, openNeedsFor(open, regionCode), time, connectionAt(initiative, regionCode, now)) };
  });
}
