import { ROLLOUT_STATUS_LABELS, ROLLOUT_STATUS_SHORT, type RolloutStatus } from '@shared/vocabulary';
import { useI18n } from '../i18n';
import { RolloutStatusIcon } from './status-icon';

export interface StatusLozengeProps {
  status: RolloutStatus;
  /** Shows the short label (narrow matrix cells); the accessible name is still the full label. */
  compact?: boolean;
}

/**
 * A rollout status as an ADS-style lozenge: token background + a distinct shape + text. Colours per status
 * (see .io-lozenge--* in styles/components.css): not-started = neutral, planning = discovery (purple),
 * pilot = information (blue), rollout = teal accent, live = success (green), declined = subtle neutral.
 * No status uses warning or danger colours: none of them is a problem in itself.
 */
export function StatusLozenge({ status, compact = false }: StatusLozengeProps) {
  const { label } = useI18n();
  const full = label(ROLLOUT_STATUS_LABELS, status);
  return (
    <span className={`io-lozenge io-lozenge--${status}`} data-status={status}>
      <RolloutStatusIcon status={status} />
      {compact ? (
        <>
          <span className="io-lozenge__text" aria-hidden="true">
            {label(ROLLOUT_STATUS_SHORT, status)}
          </span>
          <span className="io-visually-hidden">{full}</span>
        </>
      ) : (
        <span className="io-lozenge__text">{full}</span>
      )}
    </span>
  );
}
