import { useId, useMemo } from 'react';
import type { Participant } from '@shared/model';
import { requiredDone, type TodoItem } from '@shared/todo-list';
import { NEED_REQUIRED_LABELS } from '@shared/vocabulary';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { ExternalLink } from '../../components/external-link';
import { InlineError } from '../../components/inline-error';
import { LazyDetails } from '../../components/lazy-details';
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
 * the consistency warnings of the participant's plans under it. What is done (or does not apply) folds
 * away under "Klara (N)": with 50 initiatives most rows are done, and the reader came for what is left.
 */
export function TodoList({ items, region, details }: { items: TodoItem[]; region: Participant; details: DetailsStore }) {
  const tv = useMessages(technicalNeedsMessages);
  const headingId = useId();
  const withNotes = items.some((i) => i.progress.hasNote);
  const scope = useMemo<DetailsScope>(() => ({ kind: 'region', regionCode: region.code }), [region.code]);
  const { state, retry } = useScopeLoad(details, scope, withNotes);
  const summary = requiredDone(items);
  const { required, optional, closed, notApplicable } = useMemo(() => {
    const open = items.filter((i) => i.open);
    const done = items.filter((i) => !i.open);
    return {
      required: open.filter((i) => i.need.required),
      optional: open.filter((i) => !i.need.required),
      closed: done,
      notApplicable: done.some((i) => i.progress.progress === 'not-applicable'),
    };
  }, [items]);
  const warnings = useMemo(() => {
    const seen = new Map<string, TodoItem>();
    for (const item of items) if (item.plan.warnings.length > 0 && !seen.has(item.initiative.id)) seen.set(item.initiative.id, item);
    return [...seen.values()];
  }, [items]);
  const notes: NotesState = { failed: state.status === 'failed', details, regionCode: region.code };

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
          {required.length + optional.length === 0 ? (
            <p className="tn-todo__nothing">{tv('todoNothingOpen', { region: region.name })}</p>
          ) : (
            <TodoTable
              caption={tv('todoCaption', { region: region.name })}
              groups={[
                { key: 'required', title: tv('todoOpenRequired', { count: required.length }), items: required },
                { key: 'optional', title: tv('todoOpenOptional', { count: optional.length }), items: optional },
              ]}
              notes={notes}
              scroll
            />
          )}
          {closed.length > 0 ? (
            <LazyDetails className="io-details tn-todo__done" summary={tv(notApplicable ? 'todoDoneOrNotApplicable' : 'todoDone', { count: closed.length })}>
              {() => <TodoTable caption={tv('todoDoneCaption', { region: region.name })} groups={[{ key: 'closed', items: closed }]} notes={notes} closed scroll />}
            </LazyDetails>
          ) : null}
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

interface NotesState {
  failed: boolean;
  details: DetailsStore;
  regionCode: string;
}

/** Rows under a group heading ("Obligatoriska att göra (12)"); a group without rows is left out. */
interface TodoGroup {
  key: string;
  title?: string;
  items: TodoItem[];
}

const COLUMNS = 6;

/**
 * The to-do table. It scrolls inside a bounded box with its header row kept in view, so a long list
 * (hundreds of rows at 50 initiatives) does not push the rest of the page away.
 */
function TodoTable({ caption, groups, notes, scroll, closed }: { caption: string; groups: TodoGroup[]; notes: NotesState; scroll?: boolean; closed?: boolean }) {
  const tv = useMessages(technicalNeedsMessages);
  const { t, label, formatMonth } = useI18n();
  const captionId = useId();
  return (
    <div className={`io-table-scroll${scroll ? ' tn-todo__scroll' : ''}`} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="io-table tn-todo__table">
        <caption id={captionId} className="io-visually-hidden">
          {caption}
        </caption>
        {/* The same column widths in the open and the done table, so the two read as one list. */}
        <colgroup>
          <col className="tn-todo__col-need" />
          <col className="tn-todo__col-initiative" />
          <col className="tn-todo__col-progress" />
          <col className="tn-todo__col-due" />
          <col className="tn-todo__col-note" />
          <col className="tn-todo__col-link" />
        </colgroup>
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
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <tbody key={g.key}>
              {g.title ? (
                <tr className="tn-todo__group">
                  <th scope="rowgroup" colSpan={COLUMNS}>
                    {g.title}
                  </th>
                </tr>
              ) : null}
              {g.items.map((item) => {
                const known = item.progress.hasNote ? notes.details.lookup(item.initiative.id, notes.regionCode, true) : null;
                return (
                  <tr key={`${item.initiative.id}:${item.need.id}`} className={closed ? 'tn-todo__closed' : undefined}>
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
                    <td className="rs-note">{known === null ? null : known ? known.needNotes[item.need.id] ?? '' : notes.failed ? null : <Skeleton width="long" />}</td>
                    <td>{item.need.link ? <ExternalLink href={item.need.link}>{tv('openLinkNamed', { need: item.need.title })}</ExternalLink> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
      </table>
    </div>
  );
}
