import { useId, useMemo } from 'react';
import type { Participant } from '@shared/model';
import { NEED_REQUIRED_LABELS } from '@shared/vocabulary';
import { LazyDetails } from '../../components/lazy-details';
import { useI18n, useMessages } from '../../i18n';
import { technicalNeedsMessages } from './messages';
import { buildCountyTodo, type CountyTodoItem, type InitiativeNeeds, type ProgressLookup } from './view-model';

/**
 * A county's to-do list (a county chosen as "Min region", decision 0027): what a county coordinator asks
 * is what is left in the county's municipalities, so every need is one row with "Klart i 12 av 33
 * kommuner" and, behind a disclosure, the municipalities where it is still open. Open required needs
 * first; open optional ones fold away, and what is done everywhere is only counted. A municipality's own
 * list (with notes and due months) is one choice away in the chooser.
 */
export function CountyTodo({ initiatives, county, members, progressOf }: { initiatives: ReadonlyArray<InitiativeNeeds>; county: string; members: ReadonlyArray<Participant>; progressOf: ProgressLookup }) {
  const tv = useMessages(technicalNeedsMessages);
  const headingId = useId();
  const items = useMemo(() => buildCountyTodo(initiatives, members, progressOf), [initiatives, members, progressOf]);
  const required = items.filter((i) => i.open.length > 0 && i.need.required);
  const optional = items.filter((i) => i.open.length > 0 && !i.need.required);
  const closed = items.length - required.length - optional.length;
  return (
    <section className="tn-todo" aria-labelledby={headingId}>
      <h3 id={headingId} className="tn-todo__title">
        {tv('countyTodoTitle', { county })}
      </h3>
      {items.length === 0 ? (
        <p className="io-muted">{tv('countyTodoEmpty', { county })}</p>
      ) : (
        <>
          <p className="tn-todo__summary io-muted">{tv('countyTodoIntro')}</p>
          {required.length + optional.length === 0 ? <p className="tn-todo__nothing">{tv('countyNothingOpen', { county })}</p> : null}
          {required.length > 0 ? <CountyTodoTable caption={tv('countyTodoCaption', { county })} title={tv('todoOpenRequired', { count: required.length })} items={required} /> : null}
          {optional.length > 0 ? (
            <LazyDetails className="io-details tn-todo__done" summary={tv('todoOpenOptional', { count: optional.length })}>
              {() => <CountyTodoTable caption={tv('todoOpenOptional', { count: optional.length })} items={optional} />}
            </LazyDetails>
          ) : null}
          {closed > 0 ? <p className="io-muted">{tv('countyDoneEverywhere', { count: closed })}</p> : null}
        </>
      )}
    </section>
  );
}

function CountyTodoTable({ caption, title, items }: { caption: string; title?: string; items: CountyTodoItem[] }) {
  const tv = useMessages(technicalNeedsMessages);
  const { label } = useI18n();
  const captionId = useId();
  return (
    <div className="io-table-scroll tn-todo__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="io-table tn-todo__table">
        <caption id={captionId} className="io-visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tv('need')}</th>
            <th scope="col">{tv('todoInitiative')}</th>
            <th scope="col">{tv('progress')}</th>
          </tr>
        </thead>
        <tbody>
          {title ? (
            <tr className="tn-todo__group">
              <th scope="rowgroup" colSpan={3}>
                {title}
              </th>
            </tr>
          ) : null}
          {items.map((item) => (
            <tr key={`${item.initiative.id}:${item.need.id}`}>
              <th scope="row">
                <span className="tn-need-title">{item.need.title}</span>{' '}
                <span className={`io-tag${item.need.required ? ' tn-tag--required' : ''}`}>{label(NEED_REQUIRED_LABELS, item.need.required ? 'required' : 'optional')}</span>
              </th>
              <td>{item.initiative.name}</td>
              <td className="tn-summary">
                <p className="tn-summary__done">{tv('countyNeedDone', { done: item.done, total: item.total })}</p>
                <LazyDetails className="tn-open" summary={tv('countyOpenIn', { count: item.open.length })}>
                  {() => (
                    <ul className="tn-open__list">
                      {item.open.map((p) => (
                        <li key={p.code}>{p.name}</li>
                      ))}
                    </ul>
                  )}
                </LazyDetails>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
