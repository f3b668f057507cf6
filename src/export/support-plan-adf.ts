/**
 * Overview 3 for PDF/Word: milestones through the rollout model's phases, and contact per region. Beyond
 * MAX_PARTICIPANTS_ONE_BY_ONE participants, the contacts are "Kontakt etablerad: N av M" and the
 * participants without contact, by name, instead of a row per participant. The same holds for the
 * connection process (decision 0026): a row per started participant, or beyond that bound a summary and the
 * participants whose next step is overdue, by name.
 */
import type { ProgrammeSummary, SupportPlanView } from '../shared/contract';
import { CONNECTION_STEPS, connectionSummary } from '../shared/connection-process';
import type { IsoDate, Participant } from '../shared/model';
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
  today: IsoDate = new Date().toISOString().slice(0, 10),
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
    content.push(...connectionNodes(entry, participants, grouped, locale, today));
  }
  return doc(content);
}

const CONNECTION_TEXTS = {
  sv: {
    started: (n: number, of: number, done: number) => `har startat för ${n} av ${of}, klar för ${done}`,
    title: 'Anslutningsprocessen',
    participant: 'Deltagare',
    start: 'Start',
    steps: 'Steg klara',
    stepsOf: (done: number, total: number) => `steg ${done} av ${total}`,
    next: 'Nästa steg',
    planned: 'Planerat',
    overdue: 'försenat',
    allDone: 'Alla steg klara',
    overdueGroup: 'Nästa anslutningssteg försenat',
  },
  en: {
    started: (n: number, of: number, done: number) => `started for ${n} of ${of}, done for ${done}`,
    title: 'The connection process',
    participant: 'Participant',
    start: 'Start',
    steps: 'Steps done',
    stepsOf: (done: number, total: number) => `step ${done} of ${total}`,
    next: 'Next step',
    planned: 'Planned',
    overdue: 'overdue',
    allDone: 'All steps done',
    overdueGroup: 'Next connection step overdue',
  },
} as const;

/**
 * Each participant's connection process: start, "steg 4 av 12", the next step and its planned day. Nothing
 * when no participant has started. Beyond MAX_PARTICIPANTS_ONE_BY_ONE a summary line and the overdue
 * participants by name, so the document stays bounded at 290 participants.
 */
function connectionNodes(
  entry: SupportPlanView['initiatives'][number],
  participants: Map<string, Participant>,
  grouped: boolean,
  locale: Locale,
  today: IsoDate,
): AdfNode[] {
  const started = entry.contacts.filter((c) => c.connection !== null);
  if (started.length === 0) return [];
  const t = CONNECTION_TEXTS[locale];
  const rows = started.map((c) => ({ regionCode: c.regionCode, start: c.connection!.start, summary: connectionSummary(c.connection, today) }));
  const done = rows.filter((r) => r.summary.next === null).length;
  const nodes: AdfNode[] = [
    paragraph(text(t.title, { strong: true }), `: ${t.started(started.length, entry.contacts.length, done)}.`),
  ];
  if (grouped) {
    const overdue = rows.filter((r) => r.summary.overdue).map((r) => shortName(participants, r.regionCode));
    if (overdue.length > 0) nodes.push(participantGroup(t.overdueGroup, overdue, started.length, locale));
    return nodes;
  }
  nodes.push(
    table(
      [t.participant, t.start, t.steps, t.next, t.planned],
      rows.map(({ regionCode, start, summary }) => {
        const step = summary.next ? CONNECTION_STEPS.find((s) => s.n === summary.next!.n) : undefined;
        const planned = summary.next?.plannedOn ?? '';
        return {
          header: fullName(participants, regionCode),
          cells: [
            start,
            t.stepsOf(summary.done, summary.total),
            step ? `${step.n}. ${step.title[locale]}` : t.allDone,
            summary.overdue ? `${planned} (${t.overdue})` : planned,
          ],
        };
      }),
    ),
  );
  return nodes;
}
