import { useId, useMemo } from 'react';
import type { Participant } from '@shared/model';
import { requiredDone, type TodoItem } from '@shared/todo-list';
import { NEED_REQUIRED_LABELS } from '@shared/vocabulary';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { ExternalLink } from '../../components/external-link';
import { InlineError } from '../../components/inline-error';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { Skeleton } from '../../components/skeleton';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useScopeLoad } from '../../details/use-details';
import { useI18n, useMessages } from '../../i18n';
import { technicalNeedsMessages } from './messages';

/**
 * One participant's to-do list across every initiative: open required needs first, soonest pilot first
 * (shared/todo-list.ts), with progress, note (read for the participant when the list shows) and link, and
 * the consistency warnings of the participant's plans under it.
 */
export function TodoList({ items, region, details }: { items: TodoItem[]; region: Participant; details: DetailsStore }) {
  const tv = useMessages(technicalNeedsMessages);
  const { t, label, formatMonth } = useI18n();
  const headingId = useId();
  const withNotes = items.some((i) => i.progress.hasNote);
  const scope = useMemo<DetailsScope>(() => ({ kind: 'region', regionCode: region.code }), [region.code]);
  const { state, retry } = useScopeLoad(details, scope, withNotes);
  const summary = requiredDone(items);
  const warnings = useMemo(() => {
    const seen = new Map<string, TodoItem>();
    for (const item of items) if (item.plan.warnings.length > 0 && !seen.has(item.initiative.id)) seen.set(item.initiative.id, item);
    return [...seen.values()];
  }, [items]);

  return (
    <section className="tn-todo" aria-labelledby={headingId}>
      <h3 id={headingId} className="tn-todo__title">
        {tv('todoTitle', { region: region.name })}
      </h3>
      {items.length === 0 ? (
        <p className="io-muted">{tv('todoEmpty', { region: region.name })}</p>
      ) : (
        <>
          <p className="tn-todo__summary">
            <strong>{summary.total > 0 ? tv('requiredDoneOf', summary) : tv('noRequired')}</strong>
            {summary.total > 0 && summary.done === summary.total ? <> · {tv('todoAllDone')}</> : null}
            <span className="io-muted"> {tv('todoIntro')}</span>
          </p>
          {state.status === 'failed' ? <InlineError text={tv('notesFailed')} onRetry={retry} /> : null}
          <div className="io-table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
            <table className="io-table tn-todo__table">
              <caption id={`${headingId}-caption`} className="io-visually-hidden">
                {tv('todoCaption', { region: region.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{tv('need')}</th>
                  <th scope="col">{tv('todoInitiative')}</th>
                  <th scope="col">{tv('progress')}</th>
                  <th scope="col">{tv('todoDue')}</th>
                  <th scope="col">{tv('todoNote')}</th>
                  <th scope="col">{tv('todoLink')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const known = item.progress.hasNote ? details.lookup(item.initiative.id, region.code, true) : null;
                  return (
                    <tr key={`${item.initiative.id}:${item.need.id}`} className={item.open ? undefined : 'tn-todo__closed'}>
                      <th scope="row">
                        <span className="tn-need-title">{item.need.title}</span>{' '}
                        <span className={`io-tag${item.need.required ? ' tn-tag--required' : ''}`}>{label(NEED_REQUIRED_LABELS, item.need.required ? 'required' : 'optional')}</span>
                      </th>
                      <td>{item.initiative.name}</td>
                      <td>
                        <NeedProgressBadge progress={item.progress.progress} />
                        {item.progress.stale ? <span className="tn-stale">{t('stale')}</span> : null}
                      </td>
                      <td>
                        {item.dueBy ? (
                          <>
                            {formatMonth(item.dueBy)}
                            <span className="io-muted tn-due-from"> ({item.dueFrom === 'participant' ? tv('todoDueOwn') : tv('todoDueNational')})</span>
                          </>
                        ) : (
                          <span className="io-muted">{t('notSet')}</span>
                        )}
                      </td>
                      <td className="rs-note">
                        {known === null ? null : known ? known.needNotes[item.need.id] ?? '' : state.status === 'failed' ? null : <Skeleton width="long" />}
                      </td>
                      <td>{item.need.link ? <ExternalLink href={item.need.link}>{tv('openLinkNamed', { need: item.need.title })}</ExternalLink> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {warnings.length > 0 ? (
            <div className="tn-todo__warnings">
              <h4>{tv('todoWarnings', { region: region.name })}</h4>
              <dl className="tn-warning-list">
                {warnings.map((item) => (
                  <div key={item.initiative.id}>
                    <dt>{item.initiative.name}</dt>
                    <dd>
                      <ConsistencyWarnings warnings={item.plan.warnings} />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
