import { useMemo } from 'react';
import type { Participant } from '@shared/model';
import { InlineError } from '../../components/inline-error';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { Skeleton } from '../../components/skeleton';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useScopeLoad } from '../../details/use-details';
import { useI18n, useMessages } from '../../i18n';
import { technicalNeedsMessages } from './messages';
import type { Need } from './view-model';

/**
 * Notes are too long for the tables; they are listed per need behind a disclosure. Opening it reads the
 * initiative's notes (every page): who has a note is known from the view, so each row is in place at once
 * and only its text waits.
 */
export function NeedNotes({ initiativeId, needs, participants, details }: { initiativeId: string; needs: Need[]; participants: Participant[]; details: DetailsStore }) {
  const tv = useMessages(technicalNeedsMessages);
  const { formatDay } = useI18n();
  const scope = useMemo<DetailsScope>(() => ({ kind: 'initiative', initiativeId }), [initiativeId]);
  const { state, retry } = useScopeLoad(details, scope, true);
  const names = useMemo(() => new Map(participants.map((p) => [p.code, p.name])), [participants]);
  const loading = state.status !== 'done' && state.status !== 'failed';
  const withNotes = needs.map((need) => ({ need, notes: need.progress.filter((p) => p.hasNote) })).filter((n) => n.notes.length > 0);
  return (
    <div aria-busy={loading || undefined}>
      {state.status === 'failed' ? <InlineError text={tv('notesFailed')} onRetry={retry} /> : null}
      {loading ? <p className="io-visually-hidden">{tv('notesLoading')}</p> : null}
      {withNotes.map(({ need, notes }) => (
        <div key={need.id} className="io-details__group">
          <h4>{tv('notesFor', { need: need.title })}</h4>
          <dl className="io-notes">
            {notes.map((p) => {
              const known = details.lookup(initiativeId, p.regionCode, true);
              return (
                <div key={p.regionCode} className="io-notes__row">
                  <dt>
                    {names.get(p.regionCode) ?? p.regionCode}
                    {p.updatedAt ? <span className="io-muted"> · {formatDay(p.updatedAt)}</span> : null}
                  </dt>
                  <dd>
                    <NeedProgressBadge progress={p.progress} />{' '}
                    {known ? <span className="io-notes__text">{known.needNotes[need.id] ?? ''}</span> : state.status === 'failed' ? null : <Skeleton width="long" />}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}
