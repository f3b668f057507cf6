/** Overview 1 for PDF/Word: the status matrix, in words (the export has no colour). */
import type { CellView, ProgrammeSummary, RolloutStatusView } from '../shared/contract';
import { label, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale } from '../shared/vocabulary';
import { doc, paragraph, table, text, type AdfDoc, type AdfNode, type CellInput } from './adf';
import {
  documentHead,
  fullName,
  participantsByCode,
  shortName,
  warningsSection,
  type ExportOptions,
  type LocatedWarning,
} from './document-parts';
import { exportTexts } from './export-texts';

const STALE_MARK = ' *';

function statusCell(cell: CellView, locale: Locale): CellInput {
  // The cell's own link leads to the rollout's detail, as on the page.
  return [...text(label(ROLLOUT_STATUS_LABELS, cell.status, locale), { link: cell.link }), ...text(cell.stale ? STALE_MARK : '')];
}

export function rolloutStatusToAdf(
  view: RolloutStatusView,
  programme: ProgrammeSummary,
  locale: Locale,
  options: ExportOptions = {},
): AdfDoc {
  const t = exportTexts(locale);
  const content: AdfNode[] = documentHead('rollout-status', programme, locale, options);
  if (view.rows.length === 0) {
    content.push(paragraph(t.noInitiatives));
    return doc(content);
  }
  const participants = participantsByCode(programme);
  const codes = view.rows[0].cells.map((c) => c.regionCode);
  const initiativeName = (row: RolloutStatusView['rows'][number]) =>
    [...text(row.initiative.name, { link: row.initiative.infoLink }), ...text(row.initiative.stale ? STALE_MARK : '')];

  if (options.layout === 'regions-as-rows') {
    content.push(
      table(
        [t.region, ...view.rows.map(initiativeName)],
        codes.map((code, index) => ({
          header: fullName(participants, code),
          cells: view.rows.map((row) => statusCell(row.cells[index], locale)),
        })),
      ),
    );
  } else {
    content.push(
      table(
        [t.initiative, ...codes.map((code) => shortName(participants, code))],
        view.rows.map((row) => ({ header: initiativeName(row), cells: row.cells.map((cell) => statusCell(cell, locale)) })),
      ),
    );
  }

  const totals = ROLLOUT_STATUSES.filter((s) => view.statusTotals[s] > 0)
    .map((s) => `${label(ROLLOUT_STATUS_LABELS, s, locale)} ${view.statusTotals[s]}`)
    .join(', ');
  if (totals) content.push(paragraph(`${t.totals}: ${totals}.`));
  if (view.stale.length > 0) content.push(paragraph(t.staleLegend(programme.stalenessDays)));

  const warnings: LocatedWarning[] = [];
  for (const row of view.rows) {
    for (const cell of row.cells) {
      for (const warning of cell.warnings) {
        warnings.push({ initiativeName: row.initiative.name, regionName: fullName(participants, cell.regionCode), warning });
      }
    }
  }
  content.push(...warningsSection(warnings, locale));
  return doc(content);
}
