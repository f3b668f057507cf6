/**
 * Values in words for readers: statuses and planned windows, shared by the table, the detail popover and
 * the CSV export, so that every place says the same thing. (Consistency warnings are worded once for all
 * views, in i18n/warning-messages.ts.)
 */
import type { CellView } from '@shared/contract';
import { ROLLOUT_STATUS_LABELS, type Locale, type RolloutStatus } from '@shared/vocabulary';
import type { Translate } from '../../i18n/define-messages';
import { formatMonth } from '../../i18n/format';
import type { RolloutStatusMessages } from './messages';

export type T = Translate<RolloutStatusMessages>;

export function statusLabel(status: RolloutStatus, locale: Locale): string {
  return ROLLOUT_STATUS_LABELS[status]?.[locale] ?? status;
}

/** A planned window in words: both ends, one end, or "not planned". */
export function formatRange(start: string | null, end: string | null, locale: Locale, t: T): string {
  const s = start ? formatMonth(start, locale) : '';
  const e = end ? formatMonth(end, locale) : '';
  if (s && e) return t('rangeBoth', { start: s, end: e });
  if (s) return t('rangeFrom', { start: s });
  if (e) return t('rangeTo', { end: e });
  return t('detailNotPlanned');
}

/**
 * The hidden words around a cell's status that make its button's name complete on its own ("Region
 * Uppsala, Digital KBT: Pilot (tidigt införande). Behöver ses över. 1 varning"), e.g. when tabbing or
 * in a screen reader's list of buttons. The cell button puts the full status between them, in the same
 * hidden text, so the name is one sentence.
 */
export function cellNameParts(
  cell: Pick<CellView, 'stale' | 'warnings'>,
  where: { region: string; initiative: string },
  options: { editing: boolean; pending: boolean },
  t: T,
): { prefix: string; suffix: string } {
  const markers: string[] = [];
  if (cell.stale) markers.push(t('cellStale'));
  if (cell.warnings.length > 0) markers.push(t('warningMarker', { count: cell.warnings.length }));
  if (options.pending) markers.push(t('cellPending'));
  return {
    prefix: t(options.editing ? 'cellEditPrefix' : 'cellPrefix', where),
    suffix: markers.length ? `. ${markers.join('. ')}` : '',
  };
}
