/**
 * Overview 2 for PDF/Word. Per initiative: the needs (what, category, required, how many regions are
 * done), then a regions × needs progress table, which fits a printed page better than 21+ columns.
 * Beyond MAX_PARTICIPANTS_ONE_BY_ONE participants, instead of that table: per need, the count in each
 * progress, with the participants still open (not started, in progress) named and the others counted.
 * With one participant chosen (the region perspective), the participant's to-do list instead, in the
 * page's order (shared/todo-list.ts).
 */
import type { ProgrammeSummary, TechnicalNeedsView } from '../shared/contract';
import type { Participant } from '../shared/model';
import { buildTodoList, requiredDone } from '../shared/todo-list';
import { label, NEED_CATEGORY_LABELS, NEED_PROGRESS, NEED_PROGRESS_LABELS, NEED_REQUIRED_LABELS, type Locale, type NeedProgress } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode } from './adf';
import {
  collect,
  documentHead,
  fullName,
  groupedNote,
  groupsParticipants,
  participantGroup,
  participantsByCode,
  shortName,
  STALE_MARK,
  viewParticipantCount,
  type ExportOptions,
} from './document-parts';
import { exportTexts } from './export-texts';

type Need = TechnicalNeedsView['initiatives'][number]['needs'][number];

/** Progress in which the participant still has work to do: named in the grouped form. Done and not applicable are counted. */
const OPEN_PROGRESS: ReadonlySet<NeedProgress> = new Set<NeedProgress>(['not-started', 'in-progress']);

/** One need in the grouped form; true when a named participant carries the stale mark. */
function groupedNeed(need: Need, participants: Map<string, Participant>, locale: Locale, content: AdfNode[]): boolean {
  let anyStale = false;
  const byProgress = collect(
    need.progress.map((entry) => {
      const open = OPEN_PROGRESS.has(entry.progress);
      anyStale ||= open && entry.stale;
      return { key: entry.progress, name: `${shortName(participants, entry.regionCode)}${open && entry.stale ? STALE_MARK : ''}` };
    }),
  );
  content.push(heading(4, need.title));
  for (const progress of NEED_PROGRESS) {
    const names = byProgress.get(progress);
    if (names) {
      content.push(participantGroup(label(NEED_PROGRESS_LABELS, progress, locale), names, need.progress.length, locale, { names: OPEN_PROGRESS.has(progress) }));
    }
  }
  return anyStale;
}

export function technicalNeedsToAdf(
  view: TechnicalNeedsView,
  programme: ProgrammeSummary,
  locale: Locale,
  options: ExportOptions = {},
): AdfDoc {
  const t = exportTexts(locale);
  const content: AdfNode[] = documentHead('technical-needs', programme, locale, options);
  if (view.initiatives.length === 0) {
    content.push(paragraph(t.noInitiatives));
    return doc(content);
  }
  const participants = participantsByCode(programme);
  const participantCount = viewParticipantCount(view);
  const only = view.initiatives[0]?.plans[0]?.regionCode;
  if (options.perspective === 'region' && participantCount === 1 && only) {
    content.push(...todoList(view, only, programme, locale, options));
    return doc(content);
  }
  const grouped = groupsParticipants(participantCount);
  if (grouped) content.push(groupedNote(participantCount, locale));
  let anyStale = false;
  for (const { initiative, needs } of view.initiatives) {
    content.push(heading(3, text(initiative.name, { link: initiative.infoLink })));
    if (needs.length === 0) {
      content.push(paragraph(t.noNeeds));
      continue;
    }
    content.push(
      table(
        [t.need, t.category, t.requirement, t.description, t.done],
        needs.map((need) => ({
          header: text(need.title, { link: need.link }),
          cells: [
            label(NEED_CATEGORY_LABELS, need.category, locale),
            label(NEED_REQUIRED_LABELS, need.required ? 'required' : 'optional', locale),
            need.description,
            t.doneOf(need.doneCount, need.applicableCount),
          ],
        })),
      ),
    );
    if (grouped) {
      for (const need of needs) anyStale = groupedNeed(need, participants, locale, content) || anyStale;
      continue;
    }
    const codes = needs[0].progress.map((p) => p.regionCode);
    if (codes.length === 0) continue;
    content.push(
      table(
        [t.region, ...needs.map((need) => need.title)],
        codes.map((code, index) => ({
          header: fullName(participants, code),
          cells: needs.map((need) => {
            const entry = need.progress[index];
            anyStale ||= entry.stale;
            const noteText = entry.hasNote ? options.details?.(initiative.id, code)?.needNotes[need.id] : undefined;
            const note = noteText ? ` (${noteText})` : '';
            return `${label(NEED_PROGRESS_LABELS, entry.progress, locale)}${note}${entry.stale ? STALE_MARK : ''}`;
          }),
        })),
      ),
    );
  }
  if (anyStale) content.push(paragraph(t.staleLegend(programme.stalenessDays)));
  return doc(content);
}

/** One participant's to-do list: every need across the initiatives, open required items first. */
function todoList(view: TechnicalNeedsView, code: string, programme: ProgrammeSummary, locale: Locale, options: ExportOptions): AdfNode[] {
  const t = exportTexts(locale);
  const participants = participantsByCode(programme);
  const items = buildTodoList(view, code);
  const nodes: AdfNode[] = [heading(3, t.todoTitle(fullName(participants, code)))];
  if (items.length === 0) return [...nodes, paragraph(t.noTodo)];
  const { done, total } = requiredDone(items);
  nodes.push(paragraph(t.requiredDone(done, total)));
  const due = (item: (typeof items)[number]) =>
    item.dueBy === null ? t.notPlanned : item.dueFrom === 'participant' ? t.ownPilot(item.dueBy) : t.nationalPilot(item.dueBy);
  let anyStale = false;
  nodes.push(
    table(
      [t.need, t.initiative, t.requirement, t.status, t.neededBy, t.note],
      items.map((item) => {
        anyStale ||= item.progress.stale;
        const note = item.progress.hasNote ? (options.details?.(item.initiative.id, code)?.needNotes[item.need.id] ?? '') : '';
        return {
          header: text(item.need.title, { link: item.need.link }),
          cells: [
            item.initiative.name,
            label(NEED_REQUIRED_LABELS, item.need.required ? 'required' : 'optional', locale),
            `${label(NEED_PROGRESS_LABELS, item.progress.progress, locale)}${item.progress.stale ? STALE_MARK : ''}`,
            due(item),
            note,
          ],
        };
      }),
    ),
  );
  if (anyStale) nodes.push(paragraph(t.staleLegend(programme.stalenessDays)));
  return nodes;
}
