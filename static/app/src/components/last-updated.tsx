import { interpolateNodes, useI18n } from '../i18n';

export interface LastUpdatedProps {
  /** ISO instant; null when nothing has been saved yet. */
  at: string | null | undefined;
  /** The editor's name snapshot, when the viewer may see it (never for anonymous readers). */
  by?: string | null;
  className?: string;
}

/** "Senast uppdaterad 12 nov. 2026", with the exact time in a <time> element (and its title on hover). */
export function LastUpdated({ at, by, className }: LastUpdatedProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const classes = `io-last-updated${className ? ` ${className}` : ''}`;
  if (!at) return <p className={classes}>{t('neverUpdated')}</p>;
  const time = (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatDate(at)}
    </time>
  );
  return (
    <p className={classes}>
      {interpolateNodes(t('lastUpdated'), { date: time })}
      {by ? <> {t('updatedBy', { name: by })}</> : null}
    </p>
  );
}
