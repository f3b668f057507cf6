import { memo, useMemo } from 'react';
import type { TechnicalNeedsView as NeedsViewModel } from '@shared/contract';
import type { Participant } from '@shared/model';
import { NEED_CATEGORY_LABELS, NEED_PROGRESS, NEED_PROGRESS_LABELS, NEED_REQUIRED_LABELS, type NeedProgress } from '@shared/vocabulary';
import { EmptyState } from '../../components/empty-state';
import { ExternalLink } from '../../components/external-link';
import { InitiativeHeading } from '../../components/initiative-heading';
import { InlineError } from '../../components/inline-error';
import { LazyDetails } from '../../components/lazy-details';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { Skeleton } from '../../components/skeleton';
import { StaleMarker } from '../../components/stale-marker';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useDetailsStore, useScopeLoad } from '../../details/use-details';
import { useI18n, useMessages } from '../../i18n';
import { participantLookup } from '../../participants';
import type { ViewProps } from '../../view-props';
import { ParticipantPager, useParticipantWindow } from '../participant-window';
import '../views.css';
import { technicalNeedsMessages } from './messages';
import './technical-needs.css';
import { useProgressiveList } from '../progressive';

type InitiativeNeeds = NeedsViewModel['initiatives'][number];
type Need = InitiativeNeeds['needs'][number];

/**
 * Overview 2: per initiative, the technical changes each region must make and how far each region has come.
 * The grid marks where a region wrote a note; the notes themselves are details, read for an initiative
 * when the reader opens its notes.
 */
export default function TechnicalNeedsView({ data }: ViewProps) {
  const tv = useMessages(technicalNeedsMessages);
  const { label } = useI18n();
  const participants = data.programme.participants;
  const region = useMemo(() => participantLookup(participants), [participants]);
  const pages = useParticipantWindow(participants);
  // Initiatives below the first screen render right after it (useProgressiveList).
  const shownInitiatives = useProgressiveList(data.view.macro === 'technical-needs' ? data.view.initiatives : null, 3);
  const cellText = useCellText();
  const details = useDetailsStore(data.revision);
  if (data.view.macro !== 'technical-needs') return null;
  const view = data.view;

  if (view.initiatives.length === 0) {
    return <EmptyState title={tv('noInitiatives')} headingLevel={3} />;
  }

  return (
    <div className="io-view io-needs">
      <div className="io-legend" role="group" aria-label={tv('legend')}>
        <span className="io-legend__title" aria-hidden="true">
          {tv('legend')}:
        </span>
        <ul className="io-legend__items">
          {NEED_PROGRESS.map((p) => (
            <li key={p}>
              <NeedProgressBadge progress={p} />
            </li>
          ))}
          <li>
            <StaleMarker stalenessDays={data.programme.stalenessDays} />
          </li>
          <li className="io-legend__note">
            <span className="io-note-mark" aria-hidden="true" />
            {tv('hasNote')}
          </li>
        </ul>
      </div>
      <ParticipantPager window={pages} />
      {shownInitiatives.map((entry) => (
        <section key={entry.initiative.id} className="io-view-section" aria-labelledby={`needs-${entry.initiative.id}`}>
          <InitiativeHeading initiative={entry.initiative} id={`needs-${entry.initiative.id}`} stalenessDays={data.programme.stalenessDays} />
          {entry.needs.length === 0 ? (
            <p className="io-muted">{tv('noNeeds')}</p>
          ) : (
            <NeedsTable
              entry={entry}
              regionOf={region}
              shown={pages.shown}
              shownCodes={pages.codes}
              cellText={cellText}
              categoryLabel={(c) => label(NEED_CATEGORY_LABELS, c)}
              details={details}
            />
          )}
        </section>
      ))}
    </div>
  );
}

type CellText = (progress: NeedProgress, stale: boolean, hasNote: boolean) => string;

/** What a grid cell says to assistive technology: the progress, "Behöver ses över" when stale, and whether there is a note. */
function useCellText(): CellText {
  const { t, label } = useI18n();
  const tv = useMessages(technicalNeedsMessages);
  return useMemo(() => {
    const stale = t('stale');
    const note = tv('hasNote');
    return (progress, isStale, hasNote) => {
      const words = [label(NEED_PROGRESS_LABELS, progress)];
      if (isStale) words.push(stale);
      if (hasNote) words.push(note);
      return words.join('. ');
    };
  }, [t, tv, label]);
}

function NeedsTable({
  entry,
  regionOf,
  shown,
  shownCodes,
  cellText,
  categoryLabel,
  details,
}: {
  entry: InitiativeNeeds;
  regionOf: ReturnType<typeof participantLookup>;
  shown: Participant[];
  shownCodes: ReadonlySet<string>;
  cellText: CellText;
  categoryLabel: (c: Need['category']) => string;
  details: DetailsStore;
}) {
  const tv = useMessages(technicalNeedsMessages);
  // Every need has one progress entry per participant, in programme order: the first gives the columns.
  const regions = entry.needs[0].progress.filter((p) => shownCodes.has(p.regionCode)).map((p) => regionOf(p.regionCode));
  const notes = noteCount(entry.needs);
  return (
    <>
      <div className="io-table-scroll" role="region" aria-label={tv('caption', { initiative: entry.initiative.name })} tabIndex={0}>
        <table className="io-table io-needs-table">
          <caption>{tv('caption', { initiative: entry.initiative.name })}</caption>
          <thead>
            <tr>
              <th scope="col" className="io-sticky-col">
                {tv('need')}
              </th>
              <th scope="col">{tv('category')}</th>
              <th scope="col">{tv('requirement')}</th>
              <th scope="col" className="io-num">
                {tv('done')}
              </th>
              {regions.map((r) => (
                <th scope="col" key={r.code} className="io-region-col">
                  <span className="io-vertical" aria-hidden="true">
                    {r.short}
                  </span>
                  <span className="io-visually-hidden">{r.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entry.needs.map((need) => (
              <NeedRow key={need.id} need={need} shown={shown} shownCodes={shownCodes} cellText={cellText} category={categoryLabel(need.category)} />
            ))}
          </tbody>
        </table>
      </div>
      {notes > 0 ? (
        <LazyDetails summary={tv('notes', { count: notes })}>
          {() => <NeedNotes initiativeId={entry.initiative.id} needs={entry.needs} regionOf={regionOf} details={details} />}
        </LazyDetails>
      ) : null}
    </>
  );
}

/**
 * One need across the shown participants. A grid of thousands of cells, so each cell is one badge with
 * a CSS-drawn shape and its words for assistive technology, and a CSS clock when stale.
 */
const NeedRow = memo(function NeedRow({
  need,
  shown,
  shownCodes,
  cellText,
  category,
}: {
  need: Need;
  shown: Participant[];
  shownCodes: ReadonlySet<string>;
  cellText: CellText;
  category: string;
}) {
  const { t, label } = useI18n();
  const progress = shown.length === need.progress.length ? need.progress : need.progress.filter((p) => shownCodes.has(p.regionCode));
  return (
    <tr>
      <th scope="row" className="io-sticky-col io-need-cell">
        <span className="io-need-cell__title">{need.title}</span>
        {need.description ? <span className="io-need-cell__description">{need.description}</span> : null}
        {need.link ? <ExternalLink href={need.link}>{t('openLink')}</ExternalLink> : null}
      </th>
      <td>{category}</td>
      <td>{label(NEED_REQUIRED_LABELS, need.required ? 'required' : 'optional')}</td>
      <td className="io-num">
        <span aria-hidden="true">
          {need.doneCount}/{need.applicableCount}
        </span>
        <span className="io-visually-hidden">{t('needDoneOf', { done: need.doneCount, total: need.applicableCount })}</span>
      </td>
      {progress.map((p) => (
        <td key={p.regionCode} className="io-region-cell">
          <span className={`io-badge io-badge--compact io-badge--dense io-badge--${p.progress}`} data-progress={p.progress}>
            <span className="io-visually-hidden">{cellText(p.progress, p.stale, p.hasNote)}</span>
          </span>
          {p.stale ? <span className="io-stale-mark" data-stale="true" aria-hidden="true" /> : null}
          {p.hasNote ? <span className="io-note-mark" aria-hidden="true" /> : null}
        </td>
      ))}
    </tr>
  );
});

function noteCount(needs: Need[]): number {
  let count = 0;
  for (const need of needs) for (const p of need.progress) if (p.hasNote) count += 1;
  return count;
}

/**
 * Notes are too long for the grid; they are listed under it, per need, behind a disclosure. Opening it
 * reads the initiative's notes (every page): who has a note is known from the view, so each row is in
 * place at once and only its text waits.
 */
function NeedNotes({
  initiativeId,
  needs,
  regionOf,
  details,
}: {
  initiativeId: string;
  needs: Need[];
  regionOf: ReturnType<typeof participantLookup>;
  details: DetailsStore;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const { formatDay } = useI18n();
  const scope = useMemo<DetailsScope>(() => ({ kind: 'initiative', initiativeId }), [initiativeId]);
  const { state, retry } = useScopeLoad(details, scope, true);
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
                    {regionOf(p.regionCode).name}
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
