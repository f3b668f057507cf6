import type { ParticipantGroup } from '@shared/participant-groups';
import { useI18n } from '../i18n';

/**
 * A county's header in an overview grouped by county (decision 0027): a disclosure button (aria-expanded)
 * that shows or hides its municipalities' columns or rows. Its text is the county and how many of its
 * municipalities the view holds ("Skåne, 33 kommuner"); focus stays on it when it opens or closes.
 */
export function GroupToggle({ group, expanded, onToggle }: { group: ParticipantGroup; expanded: boolean; onToggle?: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="io-group-toggle" aria-expanded={expanded} onClick={() => onToggle?.(group.code)}>
      <span className="io-group-toggle__chevron" aria-hidden="true" />
      <span className="io-group-toggle__text">{t('groupHead', { name: group.name || '–', count: group.members.length })}</span>
    </button>
  );
}
