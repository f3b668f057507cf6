/**
 * "Ladda ner CSV": the view as the reader sees it (same filters, same orientation), in words. The file
 * format (Swedish Excel, formula guard) is the shared one in editing/csv-file.ts. The lists' notes and links are details (not in the view): the file is assembled in the browser from the
 * view and the details read for it, and only once every one of them is in.
 */
import type { CellDetails } from '@shared/model';
import type { Locale } from '@shared/vocabulary';
import { formatDate, formatDay } from '../../i18n/format';
import { formatRange, statusLabel, type T } from './labels';
import { isRollup, type FilteredView, type Grid } from './view-model';

/** The matrix as shown: a header row of the columns, then one line per row; filtered-out cells empty. */
export function matrixTable(grid: Grid, locale: Locale, t: T): string[][] {
  const initiativesAsRows = grid.layout === 'initiatives-as-rows';
  const corner = initiativesAsRows ? t('columnInitiative') : t('columnRegion');
  // The file is made from the flat grid (every participant); a county's roll-up would be said in numbers.
  const axisName = (item: Grid['columns'][number]) =>
    item.kind === 'region' ? item.region.name : item.kind === 'group' ? item.group.name : item.initiative.name;
  const header = [corner, ...grid.columns.map(axisName)];
  if (initiativesAsRows) header.push(t('summaryRow'));

  const lines = grid.rows.map((row) => {
    const line = [axisName(row.header), ...row.cells.map((c) =>
        isRollup(c) ? t('liveOfShort', { live: c.rollUp.counts.live, total: c.rollUp.total }) : c && c.matches ? statusLabel(c.cell.status, locale) : '',
      ),
    ];
    if (initiativesAsRows && row.header.kind === 'initiative') {
      line.push(t('liveOfShort', { live: row.header.summary.counts.live, total: row.header.summary.total }));
    }
    return line;
  });

  if (!initiativesAsRows) {
    // Transposed: the per-initiative summary becomes the last line, under each initiative's column.
    lines.push([
      t('summaryRow'),
      ...grid.columns.map((c) => (c.kind === 'initiative' ? t('liveOfShort', { live: c.summary.counts.live, total: c.summary.total }) : '')),
    ]);
  }
  return [header, ...lines];
}

/** A cell's details as far as they are known: undefined = not read yet. */
export type DetailsLookup = (initiativeId: string, regionCode: string, hasDetails: boolean) => CellDetails | undefined;

/**
 * One region's list ("Det här är på gång i Region X"), or one initiative's regions, with each line's note
 * and link. null when the details of a line shown are not all in yet: a file with some notes missing would
 * look complete and be wrong, so there is no file until there is the whole file.
 */
export function listTable(view: FilteredView, by: 'region' | 'initiative', locale: Locale, t: T, details: DetailsLookup): string[][] | null {
  const header = [
    by === 'region' ? t('columnInitiative') : t('columnRegion'),
    t('columnStatus'),
    t('columnPilot'),
    t('columnBroad'),
    t('columnOpenNeeds'),
    t('columnContact'),
    t('detailNote'),
    t('detailLink'),
    t('columnUpdated'),
  ];
  const lines: string[][] = [];
  for (const row of view.rows) {
    for (const { region, cell, matches } of row.cells) {
      if (!matches) continue;
      const known = details(row.initiative.id, region.code, cell.hasDetails);
      if (!known) return null;
      lines.push([
        by === 'region' ? row.initiative.name : region.name,
        statusLabel(cell.status, locale),
        formatRange(cell.pilotStart, cell.pilotEnd, locale, t),
        formatRange(cell.broadStart, cell.broadEnd, locale, t),
        String(cell.openRequiredNeeds),
        cell.contactEstablished
          ? cell.contactSince
            ? t('contactYesSince', { date: formatDate(cell.contactSince, locale) })
            : t('contactYes')
          : t('contactNo'),
        known.note,
        known.link ?? '',
        formatDay(cell.updatedAt, locale),
      ]);
    }
  }
  return [header, ...lines];
}
