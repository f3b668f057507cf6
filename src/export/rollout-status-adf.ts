/** Overview 1 for PDF/Word: the status matrix, in words (the export has no colour). */
import type { CellView, ProgrammeSummary, RolloutStatusView } from '../shared/contract';
import type { ParticipantDetails } from '../shared/model';
import { label, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode, type CellInput } from './adf';
import {
  documentHead,
  fullName,
  participantsByCode,
  shortName,
  warningsSection,
  type ExportOptions,
  type LocatedWarning,
} from './document-parts';
import { exportTexts, type ExportTexts } from './export-texts';
import { monthRange } from './format';

const STALE_MARK = ' *';

function statusCell(cell: CellView, locale: Locale, link: string | null = null): CellInput {
  // The cell's own link leads to the rollout's detail, as on the page.
  return [...text(label(ROLLOUT_STATUS_LABELS, cell.status, locale), { link }), ...text(cell.stale ? STALE_MARK : '')];
}

function listColumns(t: ExportTexts): string[] {
  return [t.status, t.pilot, t.broad, t.openRequiredNeeds, t.contactEstablished];
}

/** The list perspectives' columns, as the page's list table has them. */
function listCells(cell: CellView, locale: Locale, t: ExportTexts, details: ParticipantDetails | undefined): CellInput[] {
  const contact = cell.contactEstablished ? (cell.contactSince ? t.contactSince(cell.contactSince) : t.yes) : t.no;
  const regionalContact = details?.cell.regionalContact ?? '';
  return [
    statusCell(cell, locale, details?.cell.link ?? null),
    monthRange(cell.pilotStart, cell.pilotEnd),
    monthRange(cell.broadStart, cell.broadEnd),
    cell.openRequiredNeeds > 0 ? String(cell.openRequiredNeeds) : t.none,
    regionalContact ? `${contact} (${regionalContact})` : contact,
  ];
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

  const linkOf = (initiativeId: string, code: string) => options.details?.(initiativeId, code)?.cell.link ?? null;
  const summary = (row: RolloutStatusView['rows'][number]) => t.liveOf(row.counts.live, row.cells.length);

  if (options.perspective === 'region') {
    // "What is coming to my region": one line per initiative, as on the page, under the region's name.
    // A region the programme does not have leaves no columns: then there is no region to name.
    if (codes[0]) content.push(heading(3, fullName(participants, codes[0])));
    content.push(
      table(
        [t.initiative, ...listColumns(t)],
        view.rows.flatMap((row) => row.cells.map((cell) => ({ header: initiativeName(row), cells: listCells(cell, locale, t, options.details?.(row.initiative.id, cell.regionCode)) }))),
      ),
    );
  } else if (options.perspective === 'initiative') {
    content.push(
      heading(3, ...view.rows.map(initiativeName)),
      table(
        [t.region, ...listColumns(t)],
        view.rows.flatMap((row) => row.cells.map((cell) => ({ header: fullName(participants, cell.regionCode), cells: listCells(cell, locale, t, options.details?.(row.initiative.id, cell.regionCode)) }))),
      ),
    );
    for (const row of view.rows) content.push(paragraph(`${row.initiative.name}: ${summary(row)}.`));
  } else if (options.layout === 'regions-as-rows') {
    content.push(
      table(
        [t.region, ...view.rows.map(initiativeName)],
        [
          ...codes.map((code, index) => ({
            header: fullName(participants, code),
            cells: view.rows.map((row) => statusCell(row.cells[index], locale, linkOf(row.initiative.id, row.cells[index].regionCode))),
          })),
          { header: t.summary, cells: view.rows.map(summary) },
        ],
      ),
    );
  } else {
    content.push(
      table(
        [t.initiative, ...codes.map((code) => shortName(participants, code)), t.summary],
        view.rows.map((row) => ({ header: initiativeName(row), cells: [...row.cells.map((cell) => statusCell(cell, locale, linkOf(row.initiative.id, cell.regionCode))), summary(row)] })),
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
