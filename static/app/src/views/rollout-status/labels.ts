/**
 * Values in words for readers: statuses, planned windows and consistency warnings, shared by the table,
 * the detail popover and the CSV export, so that every place says the same thing.
 */
import type { ConsistencyWarning } from '../../../../../src/shared/contract';
import { ROLLOUT_STATUS_LABELS, type Locale, type RolloutStatus } from '../../../../../src/shared/vocabulary';
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

/** The domain layer's warning code and params as a sentence in the reader's language. */
export function warningText(warning: ConsistencyWarning, locale: Locale, t: T): string {
  const p = warning.params;
  const month = (key: string) => formatMonth(String(p[key] ?? ''), locale);
  switch (warning.code) {
    case 'required-need-open':
      return t('warnRequiredNeedOpen', { count: Number(p.count ?? 0), needs: String(p.needs ?? '') });
    case 'pilot-before-national-window':
      return t('warnPilotBeforeWindow', { planned: month('planned'), windowStart: month('windowStart') });
    case 'broad-before-national-window':
      return t('warnBroadBeforeWindow', { planned: month('planned'), windowStart: month('windowStart') });
    case 'active-without-contact':
      return t('warnActiveWithoutContact', { status: statusLabel(String(p.status) as RolloutStatus, locale) });
    case 'pilot-end-before-start':
      return t('warnPilotEndBeforeStart', { start: month('start'), end: month('end') });
    case 'broad-end-before-start':
      return t('warnBroadEndBeforeStart', { start: month('start'), end: month('end') });
    default:
      // A code added on the server before the UI knows it: say something true rather than nothing.
      return t('legendWarning');
  }
}
