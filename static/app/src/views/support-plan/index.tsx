import { lazy, memo, useMemo, useState, type MouseEvent } from 'react';
import type { SupportPlanView as SupportPlanViewModel } from '@shared/contract';
import type { Participant } from '@shared/model';
import { PHASE_LABELS, ROLLOUT_TYPE_LABELS } from '@shared/vocabulary';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { InitiativeHeading } from '../../components/initiative-heading';
import { InlineError } from '../../components/inline-error';
import { LazyDetails } from '../../components/lazy-details';
import { useAnnounce } from '../../components/live-region';
import { Skeleton } from '../../components/skeleton';
import { ShapeIcon } from '../../components/status-icon';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useDetailsStore, useScopeLoad } from '../../details/use-details';
import { EditorHost, useEditorAction } from '../../editing/editor-host';
import { useI18n, useMessages } from '../../i18n';
import { participantLookup } from '../../participants';
import { YourRegionTag } from '../../shell/region-chooser';
import { chosenFirst } from '../../shell/region-order';
import type { ViewProps } from '../../view-props';
import { ParticipantPager, useParticipantWindow, type ParticipantWindow } from '../participant-window';
import '../views.css';
import type { SupportEditorAction } from './editor-dialogs';
import { supportEditorMessages } from './editor-messages';
import { groupByPhase } from './group-milestones';
import { supportPlanMessages } from './messages';
import './support-plan.css';
import { useProgressiveList } from '../progressive';

type Entry = SupportPlanViewModel['initiatives'][number];
type RegionOf = ReturnType<typeof participantLookup>;
/** Opens an editing dialog; null while the view is read-only. */
type Edit = ((action: SupportEditorAction) => void) | null;

// Editing UI (and the validation schemas it needs) loads only when an editor opens it.
const EditorDialogs = lazy(() => import('./editor-dialogs'));

/**
 * Overview 3: has rollout planning started (milestones by phase), and is contact established with each
 * region? Whether and since when is in the view; who the contacts are is a detail, read for an initiative
 * when the reader opens its contact table.
 */
export default function SupportPlanView({ data, chosenRegion = null, capabilities, reload }: ViewProps) {
  const tv = useMessages(supportPlanMessages);
  const participants = data.programme.participants;
  const regionOf = useMemo(() => participantLookup(participants), [participants]);
  // The reader's region first, so it is on the first page of a wide programme too.
  const ordered = useMemo(() => chosenFirst(participants, chosenRegion, (p) => p.code) as Participant[], [participants, chosenRegion]);
  const pages = useParticipantWindow(ordered);
  // Initiatives below the first screen render right after it (useProgressiveList).
  const shownInitiatives = useProgressiveList(data.view.macro === 'support-plan' ? data.view.initiatives : null, 3);
  const details = useDetailsStore(data.revision);
  const canEdit = capabilities?.canEdit === true;
  const [editingWanted, setEditingWanted] = useState(false);
  const { current: action, open: openAction, close: closeAction } = useEditorAction<SupportEditorAction>();
  const edit: Edit = canEdit && editingWanted ? openAction : null;
  if (data.view.macro !== 'support-plan') return null;
  const view = data.view;
  if (view.initiatives.length === 0) return <EmptyState title={tv('noInitiatives')} headingLevel={3} />;
  return (
    <div className={`io-view io-support${edit ? ' sp--editing' : ''}`}>
      {canEdit ? <EditToggle editing={editingWanted} onToggle={setEditingWanted} /> : null}
      <ParticipantPager window={pages} />
      <Overview view={view} regionOf={regionOf} pages={pages} chosen={chosenRegion} />
      {shownInitiatives.map((entry) => (
        <section key={entry.initiative.id} className="io-view-section" aria-labelledby={`support-${entry.initiative.id}`}>
          <InitiativeHeading initiative={entry.initiative} id={`support-${entry.initiative.id}`} stalenessDays={data.programme.stalenessDays} />
          <InitiativeFacts entry={entry} />
          {edit ? <TemplateButton entry={entry} edit={edit} /> : null}
          <div className="io-support__grid">
            <Milestones entry={entry} edit={edit} />
            <Contacts entry={entry} regionOf={regionOf} details={details} chosen={chosenRegion} edit={edit} />
          </div>
        </section>
      ))}
      <EditorHost
        current={action}
        render={(a) => <EditorDialogs action={a} initiatives={view.initiatives} participants={participants} details={details} reload={reload} onClose={closeAction} />}
      />
    </div>
  );
}

function EditToggle({ editing, onToggle }: { editing: boolean; onToggle(on: boolean): void }) {
  const te = useMessages(supportEditorMessages);
  const announce = useAnnounce();
  return (
    <div className="sp-toolbar io-no-print">
      <Button
        aria-pressed={editing}
        appearance={editing ? 'primary' : 'default'}
        onClick={() => {
          onToggle(!editing);
          announce(te(editing ? 'editOff' : 'editOn'));
        }}
      >
        {te('editToggle')}
      </Button>
    </div>
  );
}

function TemplateButton({ entry, edit }: { entry: Entry; edit: NonNullable<Edit> }) {
  const te = useMessages(supportEditorMessages);
  return (
    <div className="sp-actions io-no-print">
      <Button aria-label={te('addFromTemplateNamed', { initiative: entry.initiative.name })} onClick={() => edit({ kind: 'template', initiativeId: entry.initiative.id })}>
        {te('addFromTemplate')}
      </Button>
    </div>
  );
}

/**
 * All initiatives at a glance: phase, milestone progress, and one contact mark per region, so "has
 * planning started and is contact established" reads without scrolling through every initiative.
 */
function Overview({ view, regionOf, pages, chosen }: { view: SupportPlanViewModel; regionOf: RegionOf; pages: ParticipantWindow; chosen: string | null }) {
  const tv = useMessages(supportPlanMessages);
  const { t } = useI18n();
  const regions = chosenFirst(
    view.initiatives[0].contacts.filter((c) => pages.codes.has(c.regionCode)),
    chosen,
    (c) => c.regionCode,
  ).map((c) => regionOf(c.regionCode));
  const yesNo = useMemo(() => ({ yes: tv('yes'), no: tv('no') }), [tv]);
  return (
    <div className="io-table-scroll" role="region" aria-label={tv('overviewCaption')} tabIndex={0}>
      <table className="io-table io-support-overview">
        <caption>{tv('overviewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="io-sticky-col">
              {t('initiative')}
            </th>
            <th scope="col">{tv('phaseNow')}</th>
            <th scope="col" className="io-num">
              {tv('overviewMilestones')}
            </th>
            <th scope="col" className="io-num">
              {tv('overviewContacts')}
            </th>
            {regions.map((r) => (
              <th scope="col" key={r.code} className={r.code === chosen ? 'io-region-col io-chosen-cell io-region-col--chosen' : 'io-region-col'}>
                <span className="io-vertical" aria-hidden="true">
                  {r.short}
                </span>
                <span className="io-visually-hidden">
                  {r.name}
                  {r.code === chosen ? `, ${t('yourRegion')}` : null}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.initiatives.map((entry) => (
            <OverviewRow
              key={entry.initiative.id}
              entry={entry}
              shown={pages.shown}
              shownCodes={pages.codes}
              chosen={chosen}
              yesNo={yesNo}
              notSet={t('notSet')}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One initiative in the overview; a contact mark per shown participant, one element each (CSS shape, words hidden). */
const OverviewRow = memo(function OverviewRow({
  entry,
  shown,
  shownCodes,
  chosen,
  yesNo,
  notSet,
}: {
  entry: Entry;
  shown: Participant[];
  shownCodes: ReadonlySet<string>;
  chosen: string | null;
  yesNo: { yes: string; no: string };
  notSet: string;
}) {
  const tv = useMessages(supportPlanMessages);
  const { label } = useI18n();
  const contacts = chosenFirst(
    shown.length === entry.contacts.length ? entry.contacts : entry.contacts.filter((c) => shownCodes.has(c.regionCode)),
    chosen,
    (c) => c.regionCode,
  );
  return (
    <tr>
      <th scope="row" className="io-sticky-col">
        <a href={`#support-${entry.initiative.id}`} onClick={(e) => jumpTo(e, `support-${entry.initiative.id}`)}>
          {entry.initiative.name}
        </a>
      </th>
      <td className="io-nowrap">{entry.initiative.phase ? label(PHASE_LABELS, entry.initiative.phase) : notSet}</td>
      <td className="io-num">
        <Fraction done={entry.milestonesDone} total={entry.milestones.length} long={tv('milestonesSummary', { done: entry.milestonesDone, total: entry.milestones.length })} />
      </td>
      <td className="io-num">
        <Fraction done={entry.contactsEstablished} total={entry.contacts.length} long={tv('contactsSummary', { done: entry.contactsEstablished, total: entry.contacts.length })} />
      </td>
      {contacts.map((c) => (
        <td key={c.regionCode} className={c.regionCode === chosen ? 'io-region-cell io-chosen-cell' : 'io-region-cell'}>
          <span className={`io-done io-done--dense io-done--${c.established ? 'yes' : 'no'}`}>
            <span className="io-visually-hidden">{c.established ? yesNo.yes : yesNo.no}</span>
          </span>
        </td>
      ))}
    </tr>
  );
});

/**
 * In-page link to an initiative's section. The macro iframe is as tall as its content, so the host page
 * is what must scroll: focusing the heading scrolls every frame up to the top, and keeps keyboard users
 * in step with what they see. The URL hash is left alone.
 */
function jumpTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/** "6/11" on screen, the whole sentence for screen readers. */
function Fraction({ done, total, long }: { done: number; total: number; long: string }) {
  return (
    <>
      <span aria-hidden="true">
        {done}/{total}
      </span>
      <span className="io-visually-hidden">{long}</span>
    </>
  );
}

function InitiativeFacts({ entry }: { entry: Entry }) {
  const tv = useMessages(supportPlanMessages);
  const { t, label } = useI18n();
  const { phase, rolloutType, contact } = entry.initiative;
  return (
    <dl className="io-facts">
      <div>
        <dt>{tv('phaseNow')}</dt>
        <dd>{phase ? label(PHASE_LABELS, phase) : t('notSet')}</dd>
      </div>
      <div>
        <dt>{tv('rolloutType')}</dt>
        <dd>{rolloutType ? label(ROLLOUT_TYPE_LABELS, rolloutType) : t('notSet')}</dd>
      </div>
      <div>
        <dt>{tv('contact')}</dt>
        <dd>{contact || t('notSet')}</dd>
      </div>
    </dl>
  );
}

/** A bar for "x of y": its filled part has 3:1 contrast against the track (WCAG 1.4.11); the text says the same. */
function ProgressBar({ done, total }: { done: number; total: number }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <svg className="io-progress" viewBox="0 0 100 6" preserveAspectRatio="none" width="120" height="6" aria-hidden="true" focusable="false">
      <rect className="io-progress__track" x="0" y="0" width="100" height="6" rx="3" />
      {share > 0 ? <rect className="io-progress__fill" x="0" y="0" width={share * 100} height="6" rx="3" /> : null}
    </svg>
  );
}

function Milestones({ entry, edit }: { entry: Entry; edit: Edit }) {
  const tv = useMessages(supportPlanMessages);
  const te = useMessages(supportEditorMessages);
  const columns = edit ? 5 : 4;
  const { label, formatMonth, formatDate } = useI18n();
  const name = entry.initiative.name;
  const total = entry.milestones.length;
  if (total === 0) return <p className="io-muted">{tv('noMilestones')}</p>;
  return (
    <div className="io-support__part">
      <p className="io-summary-line">
        <ProgressBar done={entry.milestonesDone} total={total} />
        {tv('milestonesSummary', { done: entry.milestonesDone, total })}
      </p>
      <div className="io-table-scroll">
        <table className="io-table io-milestones">
          <caption>{tv('milestonesCaption', { initiative: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{tv('milestone')}</th>
              <th scope="col">{tv('status')}</th>
              <th scope="col">{tv('due')}</th>
              <th scope="col">{tv('doneOn')}</th>
              {edit ? (
                <th scope="col">
                  <span className="io-visually-hidden">{te('editColumn')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          {groupByPhase(entry.milestones).map((group) => (
            <tbody key={group.phase}>
              <tr className="io-phase-row">
                <th scope="rowgroup" colSpan={columns}>
                  {label(PHASE_LABELS, group.phase)}
                </th>
              </tr>
              {group.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.title}</th>
                  <td>
                    <DoneMark done={m.done} />
                  </td>
                  <td className="io-nowrap">{formatMonth(m.dueMonth)}</td>
                  <td className="io-nowrap">{m.doneOn ? <time dateTime={m.doneOn}>{formatDate(m.doneOn)}</time> : null}</td>
                  {edit ? (
                    <td>
                      <Button
                        appearance="subtle"
                        className="sp-edit"
                        aria-label={te('editMilestoneNamed', { milestone: m.title })}
                        onClick={() => edit({ kind: 'milestone', initiativeId: entry.initiative.id, milestoneId: m.id })}
                      >
                        {te('edit')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

function DoneMark({ done, yesNo = false, compact = false }: { done: boolean; yesNo?: boolean; compact?: boolean }) {
  const tv = useMessages(supportPlanMessages);
  const text = yesNo ? tv(done ? 'yes' : 'no') : tv(done ? 'milestoneDone' : 'milestoneOpen');
  return (
    <span className={`io-done io-done--${done ? 'yes' : 'no'}`}>
      <ShapeIcon shape={done ? 'check' : 'ring'} />
      {compact ? <span className="io-visually-hidden">{text}</span> : text}
    </span>
  );
}

function Contacts({ entry, regionOf, details, chosen, edit }: { entry: Entry; regionOf: RegionOf; details: DetailsStore; chosen: string | null; edit: Edit }) {
  const tv = useMessages(supportPlanMessages);
  const total = entry.contacts.length;
  return (
    <div className="io-support__part">
      <p className="io-summary-line">
        <ProgressBar done={entry.contactsEstablished} total={total} />
        {tv('contactsSummary', { done: entry.contactsEstablished, total })}
      </p>
      <ChosenContact entry={entry} regionOf={regionOf} chosen={chosen} />
      <LazyDetails summary={tv('contactDetails')}>{() => <ContactTable entry={entry} regionOf={regionOf} details={details} chosen={chosen} edit={edit} />}</LazyDetails>
    </div>
  );
}

/** The reader's region first: is contact established with it, and since when. */
function ChosenContact({ entry, regionOf, chosen }: { entry: Entry; regionOf: RegionOf; chosen: string | null }) {
  const tv = useMessages(supportPlanMessages);
  const { formatDate } = useI18n();
  const contact = chosen ? entry.contacts.find((c) => c.regionCode === chosen) : undefined;
  if (!contact) return null;
  const region = regionOf(contact.regionCode).name;
  const text = !contact.established
    ? tv('chosenContactNo', { region })
    : contact.since
      ? tv('chosenContactSince', { region, date: formatDate(contact.since) })
      : tv('chosenContactYes', { region });
  return (
    <p className="io-chosen-line">
      <YourRegionTag />
      <span className={`io-done io-done--${contact.established ? 'yes' : 'no'}`}>
        <ShapeIcon shape={contact.established ? 'check' : 'ring'} />
        {text}
      </span>
    </p>
  );
}

/**
 * Built when the reader opens "Kontaktuppgifter per region", which reads the initiative's contacts (every
 * page). Established and since are in the view and show at once; the names fill in.
 */
function ContactTable({ entry, regionOf, details, chosen, edit }: { entry: Entry; regionOf: RegionOf; details: DetailsStore; chosen: string | null; edit: Edit }) {
  const tv = useMessages(supportPlanMessages);
  const te = useMessages(supportEditorMessages);
  const { formatDate } = useI18n();
  const initiativeId = entry.initiative.id;
  const scope = useMemo<DetailsScope>(() => ({ kind: 'initiative', initiativeId }), [initiativeId]);
  const { state, retry } = useScopeLoad(details, scope, true);
  const failed = state.status === 'failed';
  const loading = state.status !== 'done' && !failed;
  const caption = tv('contactsCaption', { initiative: entry.initiative.name });
  return (
    <>
      {failed ? <InlineError text={tv('contactsFailed')} onRetry={retry} /> : null}
      <div className="io-table-scroll" role="region" aria-label={caption} aria-busy={loading || undefined} tabIndex={0}>
        <table className="io-table io-contacts">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="io-sticky-col">
                {tv('region')}
              </th>
              <th scope="col">{tv('established')}</th>
              <th scope="col">{tv('since')}</th>
              <th scope="col">{tv('regionalContact')}</th>
              <th scope="col">{tv('nationalContact')}</th>
              {edit ? (
                <th scope="col">
                  <span className="io-visually-hidden">{te('editColumn')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {chosenFirst(entry.contacts, chosen, (c) => c.regionCode).map((c) => {
              const known = details.lookup(initiativeId, c.regionCode, c.hasDetails);
              const pending = !known && !failed;
              const isChosen = c.regionCode === chosen;
              return (
                <tr key={c.regionCode} className={isChosen ? 'io-chosen' : undefined}>
                  <th scope="row" className="io-sticky-col">
                    {regionOf(c.regionCode).name}
                    {isChosen ? <YourRegionTag /> : null}
                  </th>
                  <td>
                    <DoneMark done={c.established} yesNo />
                  </td>
                  <td className="io-nowrap">{c.since ? <time dateTime={c.since}>{formatDate(c.since)}</time> : null}</td>
                  <td>{known ? known.cell.regionalContact : pending ? <ContactSkeleton label={tv('contactsLoading')} /> : null}</td>
                  <td>{known ? known.cell.nationalContact : pending ? <Skeleton width="medium" /> : null}</td>
                  {edit ? (
                    <td>
                      <Button
                        appearance="subtle"
                        className="sp-edit"
                        aria-label={te('editContactNamed', { region: regionOf(c.regionCode).name })}
                        onClick={() => edit({ kind: 'contact', initiativeId, regionCode: c.regionCode })}
                      >
                        {te('edit')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ContactSkeleton({ label }: { label: string }) {
  return (
    <>
      <Skeleton width="medium" />
      <span className="io-visually-hidden">{label}</span>
    </>
  );
}
