/**
 * Overview 4 for PDF/Word. The page draws a timeline; the export gives its equivalent table: the national
 * windows, then each region's planned pilot and broad rollout with the quarter they fall in. Beyond
 * MAX_PARTICIPANTS_ONE_BY_ONE participants, instead of the table: the participants grouped by the quarter of
 * their planned pilot start and of their planned broad start, with counts.
 */
import type { ProgrammeSummary, RoadmapView, WarningCode } from '../shared/contract';
import type { YearMonth } from '../shared/model';
import { monthToQuarter } from '../domain/quarters';
import { label, ROLLOUT_STATUS_LABELS, type Locale } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode } from './adf';
import {
  documentHead,
  fullName,
  groupedNote,
  groupsParticipants,
  participantsByCode,
  quarterGroups,
  shortName,
  warningGroups,
  warningsSection,
  viewParticipantCount,
  type ExportOptions,
  type LocatedWarning,
} from './document-parts';
import { exportTexts } from './export-texts';
import { monthRange } from './format';

/**
 * In the grouped form, the warnings about the plans (the roadmap's subject) name the participants; those
 * about open needs and contact are counted here and named in the technical-needs and support-plan exports.
 */
const WARNINGS_NAMED: ReadonlySet<WarningCode> = new Set<WarningCode>([
  'pilot-before-national-window',
  'broad-before-national-window',
  'pilot-end-before-start',
  'broad-end-before-start',
]);

/** '2026-03 – 2026-06 (2026-Q1 – 2026-Q2)', so the table reads like the quarter timeline. */
function planText(start: YearMonth | null, end: YearMonth | null): string {
  const months = monthRange(start, end);
  if (!months) return '';
  const quarters = monthRange(start && monthToQuarter(start), end && monthToQuarter(end));
  return quarters ? `${months} (${quarters})` : months;
}

export function roadmapToAdf(view: RoadmapView, programme: ProgrammeSummary, locale: Locale, options: ExportOptions = {}): AdfDoc {
  const t = exportTexts(locale);
  const content: AdfNode[] = documentHead('roadmap', programme, locale, options);
  if (view.initiatives.length === 0) {
    content.push(paragraph(t.noInitiatives));
    return doc(content);
  }
  const participants = participantsByCode(programme);
  const participantCount = viewParticipantCount(view);
  const grouped = groupsParticipants(participantCount);
  if (grouped) content.push(groupedNote(participantCount, locale));
  if (view.quarters.length > 0) {
    content.push(paragraph(`${t.timeline}: ${view.quarters[0]} – ${view.quarters[view.quarters.length - 1]}`));
  }
  for (const { initiative, regions } of view.initiatives) {
    content.push(heading(3, text(initiative.name, { link: initiative.infoLink })));
    const pilotWindow = planText(initiative.nationalPilotStart, initiative.nationalPilotEnd) || t.notSet;
    const broadWindow = planText(initiative.nationalBroadStart, initiative.nationalBroadEnd) || t.notSet;
    content.push(paragraph(`${t.nationalPilotWindow}: ${pilotWindow}. ${t.nationalBroadWindow}: ${broadWindow}.`));
    if (regions.length === 0) continue;
    if (grouped) {
      const named = regions.map((r) => ({ region: r, name: shortName(participants, r.regionCode) }));
      content.push(
        heading(4, t.pilotStartByQuarter),
        ...quarterGroups(named.map(({ region, name }) => ({ name, month: region.pilotStart })), locale),
        heading(4, t.broadStartByQuarter),
        ...quarterGroups(named.map(({ region, name }) => ({ name, month: region.broadStart })), locale),
        ...warningGroups(named.map(({ region, name }) => ({ name, warnings: region.warnings })), locale, WARNINGS_NAMED),
      );
      continue;
    }
    content.push(
      table(
        [t.region, t.status, t.pilot, t.broad],
        regions.map((r) => ({
          header: fullName(participants, r.regionCode),
          cells: [
            label(ROLLOUT_STATUS_LABELS, r.status, locale),
            planText(r.pilotStart, r.pilotEnd),
            planText(r.broadStart, r.broadEnd),
          ],
        })),
      ),
    );
    const warnings: LocatedWarning[] = regions.flatMap((r) =>
      r.warnings.map((warning) => ({ initiativeName: initiative.name, regionName: fullName(participants, r.regionCode), warning })),
    );
    content.push(...warningsSection(warnings, locale, 4));
  }
  return doc(content);
}
