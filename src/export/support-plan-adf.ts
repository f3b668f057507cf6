/**
 * Overview 3 for PDF/Word: milestones through the rollout model's phases, and contact per region. Beyond
 * MAX_PARTICIPANTS_ONE_BY_ONE participants, the contacts are "Kontakt etablerad: N av M" and the
 * participants without contact, by name, instead of a row per participant.
 */
import type { ProgrammeSummary, SupportPlanView } from '../shared/contract';
import { label, PHASE_LABELS, ROLLOUT_TYPE_LABELS, type Locale } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode } from './adf';
import {
  documentHead,
  fullName,
  groupedNote,
  groupsParticipants,
  participantGroup,
  participantsByCode,
  shortName,
  viewParticipantCount,
  type ExportOptions,
} from './document-parts';
import { exportTexts } from './export-texts';

export function supportPlanToAdf(
  view: SupportPlanView,
  programme: ProgrammeSummary,
  locale: Locale,
  options: ExportOptions = {},
): AdfDoc {
  const t = exportTexts(locale);
  const content: AdfNode[] = documentHead('support-plan', programme, locale, options);
  if (view.initiatives.length === 0) {
    content.push(paragraph(t.noInitiatives));
    return doc(content);
  }
  const participants = participantsByCode(programme);
  const participantCount = viewParticipantCount(view);
  const grouped = groupsParticipants(participantCount);
  if (grouped) content.push(groupedNote(participantCount, locale));
  for (const entry of view.initiatives) {
    const { initiative } = entry;
    content.push(heading(3, text(initiative.name, { link: initiative.infoLink })));
    const facts = [
      `${t.phase}: ${initiative.phase ? label(PHASE_LABELS, initiative.phase, locale) : t.notSet}`,
      `${t.rolloutType}: ${initiative.rolloutType ? label(ROLLOUT_TYPE_LABELS, initiative.rolloutType, locale) : t.notSet}`,
      t.milestonesDone(entry.milestonesDone, entry.milestones.length),
      t.contactsEstablished(entry.contactsEstablished, entry.contacts.length),
    ];
    if (initiative.contact) facts.push(`${t.contact}: ${initiative.contact}`);
    content.push(paragraph(`${facts.join('. ')}.`));

    if (entry.milestones.length === 0) {
      content.push(paragraph(t.noMilestones));
    } else {
      content.push(
        table(
          [t.milestone, t.phase, t.done, t.dueMonth, t.doneOn],
          entry.milestones.map((m) => ({
            header: m.title,
            cells: [label(PHASE_LABELS, m.phase, locale), m.done ? t.yes : t.no, m.dueMonth ?? '', m.doneOn ?? ''],
          })),
        ),
      );
    }
    if (grouped) {
      // "Kontakt etablerad: N av M" is in the facts above; the participants it is missing for, by name.
      const without = entry.contacts.filter((c) => !c.established).map((c) => shortName(participants, c.regionCode));
      if (without.length > 0) content.push(participantGroup(t.withoutContact, without, entry.contacts.length, locale));
    } else if (entry.contacts.length > 0) {
      content.push(
        table(
          [t.region, t.contactEstablished, t.since, t.regionalContact, t.nationalContact],
          entry.contacts.map((c) => ({
            header: fullName(participants, c.regionCode),
            cells: [
              c.established ? t.yes : t.no,
              c.since ?? '',
              options.details?.(initiative.id, c.regionCode)?.cell.regionalContact ?? '',
              options.details?.(initiative.id, c.regionCode)?.cell.nationalContact ?? '',
            ],
          })),
        ),
      );
    }
  }
  return doc(content);
}
