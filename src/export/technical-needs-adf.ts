/**
 * Overview 2 for PDF/Word. Per initiative: the needs (what, category, required, how many regions are
 * done), then a regions × needs progress table, which fits a printed page better than 21+ columns.
 */
import type { ProgrammeSummary, TechnicalNeedsView } from '../shared/contract';
import { label, NEED_CATEGORY_LABELS, NEED_PROGRESS_LABELS, NEED_REQUIRED_LABELS, type Locale } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode } from './adf';
import { documentHead, fullName, participantsByCode, type ExportOptions } from './document-parts';
import { exportTexts } from './export-texts';

const STALE_MARK = ' *';

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
