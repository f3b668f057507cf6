/**
 * Overview 1 for PDF/Word: the status matrix, in words (the export has no colour). Beyond
 * MAX_PARTICIPANTS_ONE_BY_ONE participants, the grouped form: a table of status counts per initiative, then
 * per initiative the participants grouped by status.
 */
import type { CellView, ProgrammeSummary, RolloutStatusView, WarningCode } from '../shared/contract';
import type { Participant, ParticipantDetails } from '../shared/model';
import { label, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale } from '../shared/vocabulary';
import { doc, heading, paragraph, table, text, type AdfDoc, type AdfNode, type CellInput, type Inline } from './adf';
import {
  collect,
  documentHead,
  fullName,
  groupedNote,
  groupsParticipants,
  participantGroup,
  participantsByCode,
  quarterGroups,
  shortName,
  STALE_MARK,
  warningGroups,
  warningsSection,
  type ExportOptions,
  type LocatedWarning,
} from './document-parts';
import { exportTexts, type ExportTexts } from './export-texts';
import { monthRange } from './format';

type Row = RolloutStatusView['rows'][number];

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

function initiativeName(row: Row): Inline[] {
  return [...text(row.initiative.name, { link: row.initiative.infoLink }), ...text(row.initiative.stale ? STALE_MARK : '')];
}

function summaryText(row: Row, t: ExportTexts): string {
  return t.liveOf(row.counts.live, row.cells.length);
}

/** "Totalt: Ej påbörjat 1, Pilot (tidigt införande) 1, Infört 1." Nothing when there are no cells. */
function totalsParagraph(view: RolloutStatusView, locale: Locale): AdfNode[] {
  const totals = ROLLOUT_STATUSES.filter((s) => view.statusTotals[s] > 0)
    .map((s) => `${label(ROLLOUT_STATUS_LABELS, s, locale)} ${view.statusTotals[s]}`)
    .join(', ');
  return totals ? [paragraph(`${exportTexts(locale).totals}: ${totals}.`)] : [];
}

/**
 * In the grouped form the warnings are counted per kind: the participants are named where their subject
 * is drawn (the technical-needs export names those with open needs, the support plan those without
 * contact, the roadmap those planned before the national windows).
 */
const WARNINGS_COUNTED_ONLY: ReadonlySet<WarningCode> = new Set();

/** The grouped form, for more participants than a matrix can show on paper. */
function groupedContent(view: RolloutStatusView, participants: Map<string, Participant>, locale: Locale, options: ExportOptions): AdfNode[] {
  const t = exportTexts(locale);
  const of = view.rows[0].cells.length;
  const nameOf = (cell: CellView) => `${shortName(participants, cell.regionCode)}${cell.stale ? STALE_MARK : ''}`;
  const content: AdfNode[] = [groupedNote(of, locale)];
  if (options.perspective !== 'initiative') {
    // The matrix in counts: one row per initiative, one column per status. Its names carry no link: the
    // initiative's heading below has it, once.
    content.push(
      table(
        [t.initiative, ...ROLLOUT_STATUSES.map((s) => label(ROLLOUT_STATUS_LABELS, s, locale)), t.summary],
        view.rows.map((row) => ({
          header: `${row.initiative.name}${row.initiative.stale ? STALE_MARK : ''}`,
          cells: [...ROLLOUT_STATUSES.map((s) => String(row.counts[s])), summaryText(row, t)],
        })),
      ),
      ...totalsParagraph(view, locale),
    );
  }
  for (const row of view.rows) {
    content.push(heading(3, initiativeName(row)), paragraph(`${summaryText(row, t)}.`));
    const byStatus = collect(row.cells.map((cell) => ({ key: cell.status, name: nameOf(cell) })));
    for (const status of ROLLOUT_STATUSES) {
      const names = byStatus.get(status);
      if (names) content.push(participantGroup(label(ROLLOUT_STATUS_LABELS, status, locale), names, of, locale));
    }
    if (options.perspective === 'initiative') {
      // The single-initiative list's other columns, grouped the same way: plans by quarter, contact, open
      // needs. The stale mark stays with the status, as in the list.
      const named = row.cells.map((cell) => ({ cell, name: shortName(participants, cell.regionCode) }));
      content.push(
        heading(4, t.pilotStartByQuarter),
        ...quarterGroups(named.map(({ cell, name }) => ({ name, month: cell.pilotStart })), locale),
        heading(4, t.broadStartByQuarter),
        ...quarterGroups(named.map(({ cell, name }) => ({ name, month: cell.broadStart })), locale),
        heading(4, t.contactEstablished),
      );
      const byContact = collect(named.map(({ cell, name }) => ({ key: cell.contactEstablished, name })));
      for (const established of [true, false]) {
        const names = byContact.get(established);
        if (names) content.push(participantGroup(established ? t.yes : t.no, names, of, locale));
      }
      content.push(heading(4, t.openRequiredNeeds));
      const byOpen = collect(named.map(({ cell, name }) => ({ key: cell.openRequiredNeeds, name })));
      for (const count of [...byOpen.keys()].sort((a, b) => a - b)) {
        content.push(participantGroup(count > 0 ? String(count) : t.none, byOpen.get(count)!, of, locale));
      }
    }
    content.push(...warningGroups(row.cells.map((cell) => ({ name: nameOf(cell), warnings: cell.warnings })), locale, WARNINGS_COUNTED_ONLY));
  }
  return content;
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
  if (groupsParticipants(codes.length)) {
    content.push(...groupedContent(view, participants, locale, options));
    if (view.stale.length > 0) content.push(paragraph(t.staleLegend(programme.stalenessDays)));
    return doc(content);
  }

  const linkOf = (initiativeId: string, code: string) => options.details?.(initiativeId, code)?.cell.link ?? null;
  const summary = (row: Row) => summaryText(row, t);

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

  content.push(...totalsParagraph(view, locale));
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
