import { StaleMarker } from '../../components/stale-marker';
import { useText } from './use-text';

/** A triangle, not only a colour: the cell's data contradicts another overview. */
export function WarningMarker({ count, compact = false }: { count: number; compact?: boolean }) {
  const { t } = useText();
  if (count === 0) return null;
  const text = t('warningMarker', { count });
  return (
    <span className={`rs-warning${compact ? ' rs-warning--compact' : ''}`}>
      <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M8 1.5L15 14H1z" fill="currentColor" />
        <path className="rs-warning__knockout" d="M8 6v3.5M8 11.5v.5" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {compact ? <span className="io-visually-hidden">{text}</span> : <span>{text}</span>}
    </span>
  );
}

export { StaleMarker };
