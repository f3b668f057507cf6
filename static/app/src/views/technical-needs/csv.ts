/**
 * The view's CSV exports, as tables of words: a participant's to-do list (with notes, read before the file
 * is made) and every need's progress per participant. The file itself is made by editing/csv-file.ts.
 */
import type { Participant } from '@shared/model';
import type { TodoItem } from '@shared/todo-list';
import { NEED_CATEGORY_LABELS, NEED_PROGRESS_LABELS, NEED_REQUIRED_LABELS, type Locale } from '@shared/vocabulary';
import { formatDay, formatMonth } from '../../i18n/format';
import type { TNeeds } from './messages';
import type { InitiativeNeeds } from './view-model';

/** A need's note for the participant: undefined = not read yet. */
export type NoteLookup = (initiativeId: string, needId: string, hasNote: boolean) => string | undefined;

/** The to-do list as shown; null while a note of it has not been read (a file with notes missing would look complete). */
export function todoTable(items: readonly TodoItem[], locale: Locale, t: TNeeds, noteOf: NoteLookup): string[][] | null {
  const header = [t('todoInitiative'), t('need'), t('category'), t('requirement'), t('progress'), t('todoDue'), t('todoNote'), t('todoLink')];
  const lines: string[][] = [];
  for (const item of items) {
    const note = noteOf(item.initiative.id, item.need.id, item.progress.hasNote);
    if (note === undefined) return null;
    lines.push([
      item.initiative.name,
      item.need.title,
      NEED_CATEGORY_LABELS[item.need.category][locale],
      NEED_REQUIRED_LABELS[item.need.required ? 'required' : 'optional'][locale],
      NEED_PROGRESS_LABELS[item.progress.progress][locale],
      item.dueBy ? `${formatMonth(item.dueBy, locale)} (${item.dueFrom === 'participant' ? t('todoDueOwn') : t('todoDueNational')})` : '',
      note,
      item.need.link ?? '',
    ]);
  }
  return [header, ...lines];
}

/** One line per need and participant: easy to filter and count in a spreadsheet, whatever the number of participants. */
export function progressTable(initiatives: readonly InitiativeNeeds[], participants: readonly Participant[], locale: Locale, t: TNeeds): string[][] {
  const names = new Map(participants.map((p) => [p.code, p.name]));
  const header = [t('todoInitiative'), t('need'), t('category'), t('requirement'), t('participant'), t('progress'), t('csvUpdated')];
  const lines: string[][] = [];
  for (const entry of initiatives) {
    for (const need of entry.needs) {
      for (const p of need.progress) {
        lines.push([
          entry.initiative.name,
          need.title,
          NEED_CATEGORY_LABELS[need.category][locale],
          NEED_REQUIRED_LABELS[need.required ? 'required' : 'optional'][locale],
          names.get(p.regionCode) ?? p.regionCode,
          NEED_PROGRESS_LABELS[p.progress][locale],
          formatDay(p.updatedAt, locale),
        ]);
      }
    }
  }
  return [header, ...lines];
}
