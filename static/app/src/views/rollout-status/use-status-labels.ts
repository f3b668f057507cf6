import { useMemo } from 'react';
import { ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUS_SHORT, type RolloutStatus } from '@shared/vocabulary';
import { useI18n } from '../../i18n';

export type StatusLabels = Readonly<Record<RolloutStatus, { full: string; short: string }>>;

/** Every status's full and short label in the current locale, made once: cells share these objects, so memoised cells stay equal. */
export function useStatusLabels(): StatusLabels {
  const { label } = useI18n();
  return useMemo(
    () => Object.fromEntries(ROLLOUT_STATUSES.map((s) => [s, { full: label(ROLLOUT_STATUS_LABELS, s), short: label(ROLLOUT_STATUS_SHORT, s) }])) as StatusLabels,
    [label],
  );
}
