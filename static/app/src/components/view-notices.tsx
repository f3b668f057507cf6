/**
 * What the view could not show in full (issue 12, finding 4): stored records that could not be read were
 * left out, and the rest of the programme is shown. Said above the view, as a warning, so nobody takes the
 * overview for complete; the record keys let an administrator find the damaged record (docs/admin.md).
 */
import type { ViewNotice } from '@shared/contract';
import { defineMessages, plural } from '../i18n/define-messages';
import { useMessages } from '../i18n';
import { SectionMessage } from './section-message';

const noticeMessages = defineMessages({
  sv: {
    unreadableTitle: 'En del av programmet kunde inte läsas',
    unreadableInitiatives: (p: { count: number }) =>
      plural(p.count, '1 införande kunde inte läsas och visas inte.', '{count} införanden kunde inte läsas och visas inte.'),
    unreadableProgress: (p: { count: number }) =>
      plural(
        p.count,
        'Framstegen för behoven i 1 införande kunde inte läsas och visas inte.',
        'Framstegen för behoven i {count} införanden kunde inte läsas och visas inte.',
      ),
    unreadableRest: 'Resten av programmet visas som vanligt.',
    unreadableKeys: 'Be en administratör återställa posten. Id: {keys}.',
  },
  en: {
    unreadableTitle: 'Part of the programme could not be read',
    unreadableInitiatives: (p: { count: number }) =>
      plural(p.count, '1 initiative could not be read and is not shown.', '{count} initiatives could not be read and are not shown.'),
    unreadableProgress: (p: { count: number }) =>
      plural(
        p.count,
        'The needs’ progress of 1 initiative could not be read and is not shown.',
        'The needs’ progress of {count} initiatives could not be read and is not shown.',
      ),
    unreadableRest: 'The rest of the programme is shown as usual.',
    unreadableKeys: 'Ask an administrator to restore the record. Id: {keys}.',
  },
});

export function ViewNotices({ notices }: { notices: readonly ViewNotice[] | undefined }) {
  const t = useMessages(noticeMessages);
  if (!notices || notices.length === 0) return null;
  return (
    <SectionMessage appearance="warning" className="io-view-notices" title={t('unreadableTitle')}>
      {notices.map((notice) => (
        <p key={notice.entity}>
          {notice.entity === 'initiative' ? t('unreadableInitiatives', { count: notice.count }) : t('unreadableProgress', { count: notice.count })}{' '}
          {notice.keys && notice.keys.length > 0 ? t('unreadableKeys', { keys: notice.keys.join(', ') }) : null}
        </p>
      ))}
      <p>{t('unreadableRest')}</p>
    </SectionMessage>
  );
}
