import type { TechnicalNeedsView as NeedsViewModel } from '@shared/contract';
import { NEED_CATEGORY_LABELS, NEED_PROGRESS, NEED_REQUIRED_LABELS } from '@shared/vocabulary';
import { EmptyState } from '../../components/empty-state';
import { ExternalLink } from '../../components/external-link';
import { InitiativeHeading } from '../../components/initiative-heading';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { StaleMarker } from '../../components/stale-marker';
import { useI18n, useMessages } from '../../i18n';
import { participantLookup } from '../../participants';
import type { ViewProps } from '../../view-props';
import '../views.css';
import { technicalNeedsMessages } from './messages';
import './technical-needs.css';

type InitiativeNeeds = NeedsViewModel['initiatives'][number];
type Need = InitiativeNeeds['needs'][number];

/** Overview 2: per initiative, the technical changes each region must make and how far each region has come. */
export default function TechnicalNeedsView({ data }: ViewProps) {
  const tv = useMessages(technicalNeedsMessages);
  const { label } = useI18n();
  if (data.view.macro !== 'technical-needs') return null;
  const view = data.view;
  const region = participantLookup(data.programme.participants);

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
        </ul>
      </div>
      {view.initiatives.map((entry) => (
        <section key={entry.initiative.id} className="io-view-section" aria-labelledby={`needs-${entry.initiative.id}`}>
          <InitiativeHeading initiative={entry.initiative} id={`needs-${entry.initiative.id}`} stalenessDays={data.programme.stalenessDays} />
          {entry.needs.length === 0 ? (
            <p className="io-muted">{tv('noNeeds')}</p>
          ) : (
            <NeedsTable entry={entry} regionOf={region} stalenessDays={data.programme.stalenessDays} categoryLabel={(c) => label(NEED_CATEGORY_LABELS, c)} />
          )}
        </section>
      ))}
    </div>
  );
}

function NeedsTable({
  entry,
  regionOf,
  stalenessDays,
  categoryLabel,
}: {
  entry: InitiativeNeeds;
  regionOf: ReturnType<typeof participantLookup>;
  stalenessDays: number;
  categoryLabel: (c: Need['category']) => string;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const { t, label } = useI18n();
  // Every need has one progress entry per participant, in programme order: the first gives the columns.
  const regions = entry.needs[0].progress.map((p) => regionOf(p.regionCode));
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
              <tr key={need.id}>
                <th scope="row" className="io-sticky-col io-need-cell">
                  <span className="io-need-cell__title">{need.title}</span>
                  {need.description ? <span className="io-need-cell__description">{need.description}</span> : null}
                  {need.link ? <ExternalLink href={need.link}>{t('openLink')}</ExternalLink> : null}
                </th>
                <td>{categoryLabel(need.category)}</td>
                <td>{label(NEED_REQUIRED_LABELS, need.required ? 'required' : 'optional')}</td>
                <td className="io-num">
                  <span aria-hidden="true">
                    {need.doneCount}/{need.applicableCount}
                  </span>
                  <span className="io-visually-hidden">{t('needDoneOf', { done: need.doneCount, total: need.applicableCount })}</span>
                </td>
                {need.progress.map((p) => (
                  <td key={p.regionCode} className="io-region-cell">
                    <NeedProgressBadge progress={p.progress} compact />
                    {p.stale ? <StaleMarker compact stalenessDays={stalenessDays} /> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NeedNotes needs={entry.needs} regionOf={regionOf} />
    </>
  );
}

/** Notes are too long for the grid; they are listed under it, per need, behind a disclosure. */
function NeedNotes({ needs, regionOf }: { needs: Need[]; regionOf: ReturnType<typeof participantLookup> }) {
  const tv = useMessages(technicalNeedsMessages);
  const { formatDate } = useI18n();
  const withNotes = needs
    .map((need) => ({ need, notes: need.progress.filter((p) => p.note.trim() !== '') }))
    .filter((n) => n.notes.length > 0);
  const count = withNotes.reduce((sum, n) => sum + n.notes.length, 0);
  if (count === 0) return null;
  return (
    <details className="io-details">
      <summary>{tv('notes', { count })}</summary>
      {withNotes.map(({ need, notes }) => (
        <div key={need.id} className="io-details__group">
          <h4>{tv('notesFor', { need: need.title })}</h4>
          <dl className="io-notes">
            {notes.map((p) => (
              <div key={p.regionCode} className="io-notes__row">
                <dt>
                  {regionOf(p.regionCode).name}
                  {p.updatedAt ? <span className="io-muted"> · {formatDate(p.updatedAt)}</span> : null}
                </dt>
                <dd>
                  <NeedProgressBadge progress={p.progress} /> {p.note}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </details>
  );
}
