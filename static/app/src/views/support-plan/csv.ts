/**
 * The support plan's CSV downloads, as tables of words (the file itself is editing/csv-file.ts): the
 * milestones per initiative, and one line per initiative × participant with contact and connection process.
 * Both follow the view, so they follow the perspective; the contacts are details, read before the file is made
 * and already filtered by the server for the reader (anonymous readers get public contacts only, decision 0020).
 */
import type { SupportPlanView } from '@shared/contract';
import { CONNECTION_STEPS, connectionSummary } from '@shared/connection-process';
import type { IsoDate, Participant } from '@shared/model';
import { PHASE_LABELS, type Locale } from '@shared/vocabulary';
import type { TSupportCsv } from './csv-messages';

type Entry = SupportPlanView['initiatives'][number];

/** A cell's contacts as far as they are known: undefined = not read yet. */
export type ContactLookup = (initiativeId: string, regionCode: string, hasDetails: boolean) => { regionalContact: string; nationalContact: string } | undefined;

/** One line per milestone, in the order shown (by phase, as stored). Dates stay ISO so a spreadsheet sorts them. */
export function milestonesTable(initiatives: readonly Entry[], locale: Locale, t: TSupportCsv): string[][] {
  const header = [t('initiative'), t('phase'), t('milestone'), t('planned'), t('done'), t('doneOn'), t('note')];
  const lines: string[][] = [];
  for (const entry of initiatives) {
    for (const m of entry.milestones) {
      lines.push([entry.initiative.name, PHASE_LABELS[m.phase][locale], m.title, m.dueMonth ?? '', m.done ? t('yes') : t('no'), m.doneOn ?? '', m.note ?? '']);
    }
  }
  return [header, ...lines];
}

/**
 * One line per initiative × participant: contact (established, since, the contacts the reader may see) and
 * the connection process (start, "steg 4 av 12", the next step and its planned day). null while a contact of a
 * line is not read yet: a file with contacts missing would look complete and be wrong.
 */
export function contactsTable(
  initiatives: readonly Entry[],
  participants: readonly Participant[],
  locale: Locale,
  t: TSupportCsv,
  contactOf: ContactLookup,
  today: IsoDate,
): string[][] | null {
  const names = new Map(participants.map((p) => [p.code, p.name]));
  const header = [
    t('initiative'),
    t('participant'),
    t('established'),
    t('since'),
    t('regionalContact'),
    t('nationalContact'),
    t('connectionStart'),
    t('connectionSteps'),
    t('connectionNext'),
    t('connectionNextPlanned'),
  ];
  const lines: string[][] = [];
  for (const entry of initiatives) {
    for (const c of entry.contacts) {
      const known = contactOf(entry.initiative.id, c.regionCode, c.hasDetails);
      if (!known) return null;
      lines.push([
        entry.initiative.name,
        names.get(c.regionCode) ?? c.regionCode,
        c.established ? t('yes') : t('no'),
        c.since ?? '',
        known.regionalContact,
        known.nationalContact,
        ...connectionCells(c.connection, locale, t, today),
      ]);
    }
  }
  return [header, ...lines];
}

function connectionCells(connection: Entry['contacts'][number]['connection'], locale: Locale, t: TSupportCsv, today: IsoDate): string[] {
  if (!connection) return ['', '', '', ''];
  const summary = connectionSummary(connection, today);
  const steps = t('stepsOf', { done: summary.done, total: summary.total });
  if (!summary.next) return [connection.start, steps, t('allDone'), ''];
  const step = CONNECTION_STEPS.find((s) => s.n === summary.next!.n)!;
  const planned = summary.next.plannedOn ?? '';
  return [connection.start, steps, `${step.n}. ${step.title[locale]}`, summary.overdue ? `${planned} (${t('connectionOverdue')})` : planned];
}
