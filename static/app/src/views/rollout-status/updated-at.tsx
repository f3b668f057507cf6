import type { LastChange } from '../../details/details-cache';
import { interpolateNodes } from '../../i18n';
import { useText } from './use-text';

/**
 * When a cell was last updated. The view knows the day (`day`, kept per day); who changed it, and the exact
 * time on hover, come from the cell's details (`change`, for signed-in readers only).
 */
export function UpdatedAt({ day, change }: { day: string | null; change?: LastChange | null }) {
  const { t, i18n } = useText();
  if (change) {
    const time = (
      <time dateTime={change.at} title={i18n.formatDateTime(change.at)}>
        {i18n.formatDate(change.at)}
      </time>
    );
    return change.byName ? <>{interpolateNodes(t('detailUpdatedBy'), { date: time, name: change.byName })}</> : time;
  }
  if (!day) return <>{t('detailNeverUpdated')}</>;
  return <time dateTime={day.slice(0, 10)}>{i18n.formatDay(day)}</time>;
}
