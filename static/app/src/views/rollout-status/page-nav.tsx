import { Button } from '../../components/button';
import { useText } from './use-text';
import type { ParticipantPage } from './view-model';

/** "Visar 31–60 av 290": a wide matrix one page of participants (or, grouped, counties) at a time. */
export function PageNav({ page, onChange }: { page: ParticipantPage; onChange(index: number): void }) {
  const { t } = useText();
  return (
    <nav className="rs-page-nav" aria-label={t('pageNav')}>
      <Button appearance="subtle" disabled={page.index === 0} onClick={() => onChange(page.index - 1)}>
        {t('pagePrevious')}
      </Button>
      <p className="rs-page-nav__status">{t(page.unit === 'groups' ? 'pageStatusGroups' : 'pageStatus', { from: page.start + 1, to: page.end, total: page.total })}</p>
      <Button appearance="subtle" disabled={page.index >= page.count - 1} onClick={() => onChange(page.index + 1)}>
        {t('pageNext')}
      </Button>
    </nav>
  );
}
