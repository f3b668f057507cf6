import { NEED_PROGRESS_LABELS, type NeedProgress } from '@shared/vocabulary';
import { useI18n } from '../i18n';
import { NeedProgressIcon } from './status-icon';

export interface NeedProgressBadgeProps {
  progress: NeedProgress;
  /** Icon only (per-region grids); the label stays in the accessible name. */
  compact?: boolean;
}

/** A technical need's progress in one region: not-started = neutral, in-progress = information, done = success, not-applicable = subtle. */
export function NeedProgressBadge({ progress, compact = false }: NeedProgressBadgeProps) {
  const { label } = useI18n();
  const text = label(NEED_PROGRESS_LABELS, progress);
  return (
    <span className={`io-badge io-badge--${progress}${compact ? ' io-badge--compact' : ''}`} data-progress={progress}>
      <NeedProgressIcon progress={progress} />
      {compact ? <span className="io-visually-hidden">{text}</span> : <span className="io-badge__text">{text}</span>}
    </span>
  );
}
