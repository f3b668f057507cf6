import { Button } from '../components/button';
import { useAnnounce } from '../components/live-region';
import { useI18n, useMessages } from '../i18n';
import { defineMessages } from '../i18n/define-messages';
import type { GroupPage } from '@shared/participant-groups';

const groupPagerMessages = defineMessages({
  sv: {
    status: (p: { from: number; to: number; total: number }) => `Visar län ${p.from}–${p.to} av ${p.total}`,
  },
  en: {
    status: (p: { from: number; to: number; total: number }) => `Showing counties ${p.from}–${p.to} of ${p.total}`,
  },
});

/**
 * "Visar län 1–4 av 21", with previous and next: an overview grouped by county (decision 0027) pages whole
 * counties (rollout-status/grouped-grid.ts decides where a page ends), as the participant pager pages
 * participants. Nothing when every county fits.
 */
export function GroupPager({ page, onChange }: { page: GroupPage | null; onChange(index: number): GroupPage | null }) {
  const { t } = useI18n();
  const tg = useMessages(groupPagerMessages);
  const announce = useAnnounce();
  if (!page || page.count <= 1) return null;
  const go = (index: number) => {
    const next = onChange(index);
    if (next) announce(tg('status', { from: next.start + 1, to: next.end, total: next.total }));
  };
  return (
    <nav className="io-pager" aria-label={t('participantPageNav')}>
      <Button appearance="subtle" disabled={page.index === 0} onClick={() => go(page.index - 1)}>
        {t('participantPagePrevious')}
      </Button>
      <p className="io-pager__status">
        {tg('status', { from: page.start + 1, to: page.end, total: page.total })}
      </p>
      <Button appearance="subtle" disabled={page.index >= page.count - 1} onClick={() => go(page.index + 1)}>
        {t('participantPageNext')}
      </Button>
    </nav>
  );
}
