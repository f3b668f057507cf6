import { useMemo, useState } from 'react';
import type { Participant } from '@shared/model';
import { Button } from '../components/button';
import { useAnnounce } from '../components/live-region';
import { useI18n } from '../i18n';

/**
 * More participants than this (a programme run against all 290 municipalities) are shown a page at a
 * time, as the rollout-status matrix does: 290 columns or rows per initiative would put tens of thousands
 * of cells on the page, which takes the browser tens of seconds and nobody reads side by side anyway.
 */
export const PARTICIPANT_WINDOW = 30;

export interface ParticipantWindow {
  /** The participants on the current page, in programme order (all of them when they fit). */
  shown: Participant[];
  /** Codes of `shown`, to narrow per-participant lists. */
  codes: ReadonlySet<string>;
  start: number;
  end: number;
  total: number;
  index: number;
  count: number;
  setIndex(index: number): void;
}

export function useParticipantWindow(participants: Participant[], size: number = PARTICIPANT_WINDOW): ParticipantWindow {
  const [requested, setIndex] = useState(0);
  const total = participants.length;
  const count = Math.max(1, Math.ceil(total / size));
  const index = Math.min(Math.max(0, requested), count - 1);
  const start = index * size;
  const end = Math.min(total, start + size);
  // Stable between renders, so memoised rows re-render only when the page changes.
  const shown = useMemo(() => (total <= size ? participants : participants.slice(start, end)), [participants, total, size, start, end]);
  const codes = useMemo(() => new Set(shown.map((p) => p.code)), [shown]);
  return { shown, codes, start, end, total, index, count, setIndex };
}

/** "Visar 31–60 av 290 deltagare", with previous and next; nothing when every participant fits. */
export function ParticipantPager({ window: w }: { window: ParticipantWindow }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  if (w.count <= 1) return null;
  const go = (index: number) => {
    w.setIndex(index);
    const start = index * PARTICIPANT_WINDOW;
    announce(t('participantPageStatus', { from: start + 1, to: Math.min(w.total, start + PARTICIPANT_WINDOW), total: w.total }));
  };
  return (
    <nav className="io-pager" aria-label={t('participantPageNav')}>
      <Button appearance="subtle" disabled={w.index === 0} onClick={() => go(w.index - 1)}>
        {t('participantPagePrevious')}
      </Button>
      <p className="io-pager__status">{t('participantPageStatus', { from: w.start + 1, to: w.end, total: w.total })}</p>
      <Button appearance="subtle" disabled={w.index >= w.count - 1} onClick={() => go(w.index + 1)}>
        {t('participantPageNext')}
      </Button>
    </nav>
  );
}
