import { useI18n } from '../i18n';

export interface StaleMarkerProps {
  /** Icon only (dense cells); "Behöver ses över" stays the accessible name. */
  compact?: boolean;
  /** The programme's staleness threshold, to explain the marker. */
  stalenessDays?: number;
}

/** "Behöver ses över": an entry older than the programme's staleness threshold. A clock shape, warning colours. */
export function StaleMarker({ compact = false, stalenessDays }: StaleMarkerProps) {
  const { t } = useI18n();
  const explanation = stalenessDays ? ` ${t('staleHelp', { days: stalenessDays })}` : '';
  return (
    <span className={`io-stale${compact ? ' io-stale--compact' : ''}`} data-stale="true">
      <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5V8l2.5 1.75" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {compact ? (
        <span className="io-visually-hidden">
          {t('stale')}
          {explanation}
        </span>
      ) : (
        <span className="io-stale__text">
          {t('stale')}
          {explanation ? <span className="io-visually-hidden">{explanation}</span> : null}
        </span>
      )}
    </span>
  );
}
