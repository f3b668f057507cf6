import { lazy, memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { SupportPlanView as SupportPlanViewModel } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Participant } from '@shared/model';
import { chosenCodes, chosenGroup, groupParticipants, resolveChoice, rollUp, type ParticipantGroup } from '@shared/participant-groups';
import { CONNECTION_STEPS, connectionSummary } from '@shared/connection-process';
import { PHASE_LABELS, ROLLOUT_TYPE_LABELS } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { GroupToggle } from '../../components/group-toggle';
import { InitiativeHeading } from '../../components/initiative-heading';
import { InlineError } from '../../components/inline-error';
import { LazyDetails } from '../../components/lazy-details';
import { useAnnounce } from '../../components/live-region';
import { Skeleton } from '../../components/skeleton';
import { ShapeIcon } from '../../components/status-icon';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useDetailsStore, useScopeLoad } from '../../details/use-details';
import { EditToggle } from '../../editing/edit-toggle';
import { EditorHost, useEditorAction } from '../../editing/editor-host';
import { useI18n, useMessages } from '../../i18n';
import { participantLookup } from '../../participants';
import { YourRegionTag } from '../../shell/region-chooser';
import { chosenFirst } from '../../shell/region-order';
import type { ViewProps } from '../../view-props';
import { useGroupDisclosure } from '../group-disclosure';
import { ParticipantPager, useParticipantWindow, type ParticipantWindow } from '../participant-window';
import '../views.css';
import type { RemovedMilestone, SupportEditorAction } from './editor-dialogs';
import { useEditorTexts, useLoadEditorTexts } from './editor-text';
import { endsOfPhase, followsConnectionProcess, localIsoDate, movedWithinPhase } from './fields';
import { groupByPhase } from './group-milestones';
import { supportPlanMessages } from './messages';
import { SupportPlanCsvButtons } from './csv-button';
import './support-plan.css';
import { useProgressiveList } from '../progressive';

type Entry = SupportPlanViewModel['initiatives'][number];
type RegionOf = ReturnType<typeof participantLookup>;
/** Opens an editing dialog; null while the view is read-only. */
type Edit = ((action: SupportEditorAction) => void) | null;

/** Moving milestones with buttons (not drag only): which one is on its way, and how to move one. */
interface MilestoneMoves {
  move(initiativeId: string, milestoneId: string, step: -1 | 1): void;
  moving: string | null;
}

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
  // A chosen county (decision 0027) puts all its municipalities first; `chosenRegion` marks one participant.
  const choice = useMemo(() => resolveChoice(participants, chosenRegion), [participants, chosenRegion]);
  const chosenOrder = useMemo(() => chosenCodes(choice), [choice]);
  const ordered = useMemo(() => chosenFirst(participants, chosenOrder, (p) => p.code) as Participant[], [participants, chosenOrder]);
  const pages = useParticipantWindow(ordered);
  // Municipalities: the overview has a column a county ("Kontakt med 12 av 33 kommuner") instead of pages.
  const groups = useMemo(() => groupParticipants(ordered), [ordered]);
  const disclosure = useGroupDisclosure(chosenGroup(choice));
  // Initiatives below the first screen render right after it (useProgressiveList).
  const shownInitiatives = useProgressiveList(data.view.macro === 'support-plan' ? data.view.initiatives : null, 3);
  const details = useDetailsStore(data.revision);
  // The edit switch appears once the editing texts are in (they load only for editors: see editor-text.ts).
  const canEdit = useLoadEditorTexts(capabilities?.canEdit === true) && capabilities?.canEdit === true;
  const [editingWanted, setEditingWanted] = useState(false);
  const { current: action, open: openAction, close: closeAction } = useEditorAction<SupportEditorAction>();
  const edit: Edit = canEdit && editingWanted ? openAction : null;
  const te = useEditorTexts();
  const announce = useAnnounce();
  const [moving, setMoving] = useState<string | null>(null);
  const [removed, setRemoved] = useState<RemovedMilestone | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [writeError, setWriteError] = useState<{ initiativeId: string; error: AppError } | null>(null);
  // What gets focus once the view shows a move, a removal or an undo: the element that did it is gone or moved.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const el = document.getElementById(id) as HTMLButtonElement | null;
    const other = document.getElementById(id.replace(/-(up|down)$/, (_m, d: string) => (d === 'up' ? '-down' : '-up'))) as HTMLButtonElement | null;
    const target = el && !el.disabled ? el : other;
    // Not drawn yet (a restored milestone appears with the reloaded view): try again when the view changes.
    if (!target) return;
    focusAfter.current = null;
    target.focus();
  }, [data.view, removed]);

  const milestonesOf = (initiativeId: string) => (data.view.macro === 'support-plan' ? data.view.initiatives.find((e) => e.initiative.id === initiativeId)?.milestones : undefined) ?? [];
  const move = async (initiativeId: string, milestoneId: string, step: -1 | 1) => {
    const milestones = milestonesOf(initiativeId);
    const next = movedWithinPhase(milestones, milestoneId, step);
    const moved = milestones.find((m) => m.id === milestoneId);
    if (!next || !moved || moving) return;
    setMoving(milestoneId);
    setWriteError(null);
    const res = await invoke('reorderMilestones', { initiativeId, milestoneIds: next });
    setMoving(null);
    if (!res.ok) {
      setWriteError({ initiativeId, error: res.error });
      return;
    }
    const phase = next.filter((id) => milestones.find((m) => m.id === id)?.phase === moved.phase);
    announce(te('moved', { milestone: moved.title, position: phase.indexOf(milestoneId) + 1, total: phase.length }));
    focusAfter.current = `sp-move-${milestoneId}-${step < 0 ? 'up' : 'down'}`;
    await reload();
  };
  const moves: MilestoneMoves = { move: (i, m, step) => void move(i, m, step), moving };

  const undo = async (what: RemovedMilestone) => {
    if (restoring) return;
    setRestoring(true);
    setWriteError(null);
    const res = await invoke('restoreMilestone', { initiativeId: what.initiativeId, historyId: what.historyId });
    setRestoring(false);
    if (!res.ok) {
      setWriteError({ initiativeId: what.initiativeId, error: res.error });
      return;
    }
    setRemoved(null);
    announce(te('undone', { milestone: what.title }));
    focusAfter.current = `sp-edit-${res.data.milestoneId}`;
    await reload();
  };
  const onRemoved = (what: RemovedMilestone) => {
    setRemoved(what);
    focusAfter.current = 'sp-undo';
  };

  if (data.view.macro !== 'support-plan') return null;
  const view = data.view;
  if (view.initiatives.length === 0) return <EmptyState title={tv('noInitiatives')} headingLevel={3} />;
  return (
    <div className={`io-view io-support${edit ? ' sp--editing' : ''}`}>
      {canEdit ? (
        <div className="sp-toolbar io-no-print">
          <EditToggle on={editingWanted} onToggle={setEditingWanted} label={te('editToggle')} onText={te('editOn')} offText={te('editOff')} />
        </div>
      ) : null}
      <SupportPlanCsvButtons view={view} participants={participants} programmeName={data.programme.name} details={details} />
      {groups ? null : <ParticipantPager window={pages} />}
      <Overview view={view} regionOf={regionOf} pages={pages} chosen={chosenRegion} chosenOrder={chosenOrder} groups={groups} disclosure={disclosure} />
      {shownInitiatives.map((entry) => (
        <section key={entry.initiative.id} className="io-view-section" aria-labelledby={`support-${entry.initiative.id}`}>
          <InitiativeHeading initiative={entry.initiative} id={`support-${entry.initiative.id}`} stalenessDays={data.programme.stalenessDays} />
          <InitiativeFacts entry={entry} />
          {edit ? <InitiativeActions entry={entry} edit={edit} /> : null}
          {edit && writeError?.initiativeId === entry.initiative.id ? <ErrorMessage error={writeError.error} alert onClose={() => setWriteError(null)} /> : null}
          {edit && removed?.initiativeId === entry.initiative.id ? (
            <p className="sp-undo io-no-print">
              {te('removed', { milestone: removed.title })}{' '}
              <Button id="sp-undo" aria-label={te('undoNamed', { milestone: removed.title })} isLoading={restoring} onClick={() => void undo(removed)}>
                {te('undo')}
              </Button>
            </p>
          ) : null}
          <div className="io-support__grid">
            <Milestones entry={entry} edit={edit} moves={moves} />
            <Contacts entry={entry} regionOf={regionOf} details={details} chosen={chosenRegion} chosenOrder={chosenOrder} edit={edit} />
          </div>
          {followsConnectionProcess(entry) ? <ConnectionProcess entry={entry} regionOf={regionOf} chosen={chosenRegion} chosenOrder={chosenOrder} edit={edit} /> : null}
        </section>
      ))}
      <EditorHost
        current={action}
        render={(a) => (
          <EditorDialogs action={a} initiatives={view.initiatives} participants={participants} details={details} reload={reload} onClose={closeAction} onRemoved={onRemoved} />
        )}
      />
    </div>
  );
}

/** An initiative's editing actions: a new milestone, a template's milestones, the history of its changes. */
function InitiativeActions({ entry, edit }: { entry: Entry; edit: NonNullable<Edit> }) {
  const te = useEditorTexts();
  const { id, name } = entry.initiative;
  return (
    <div className="sp-actions io-no-print">
      <Button aria-label={te('addMilestoneNamed', { initiative: name })} onClick={() => edit({ kind: 'add-milestone', initiativeId: id })}>
        {te('addMilestone')}
      </Button>
      <Button aria-label={te('addFromTemplateNamed', { initiative: name })} onClick={() => edit({ kind: 'template', initiativeId: id })}>
        {te('addFromTemplate')}
      </Button>
      <Button aria-label={te('historyNamed', { initiative: name })} onClick={() => edit({ kind: 'history', initiativeId: id })}>
        {te('history')}
      </Button>
    </div>
  );
}

/**
 * All initiatives at a glance: phase, milestone progress, and one contact mark per region, so "has
 * planning started and is contact established" reads without scrolling through every initiative.
 */
function Overview({
  view,
  regionOf,
  pages,
  chosen,
  chosenOrder,
  groups,
  disclosure,
}: {
  view: SupportPlanViewModel;
  regionOf: RegionOf;
  pages: ParticipantWindow;
  chosen: string | null;
  chosenOrder: readonly string[] | null;
  /** The participants by county (municipalities), or null: then a page of participants. */
  groups: ParticipantGroup[] | null;
  disclosure: ReturnType<typeof useGroupDisclosure>;
}) {
  const tv = useMessages(supportPlanMessages);
  const { t } = useI18n();
  const { isExpanded } = disclosure;
  const columns = useMemo<OverviewColumn[]>(() => {
    if (groups) {
      return groups.flatMap((group) => {
        const expanded = isExpanded(group.code);
        const head: OverviewColumn = { kind: 'group', group, expanded };
        return [head, ...(expanded ? group.members.map((p): OverviewColumn => ({ kind: 'participant', participant: p })) : [])];
      });
    }
    return chosenFirst(
      view.initiatives[0].contacts.filter((c) => pages.codes.has(c.regionCode)),
      chosenOrder,
      (c) => c.regionCode,
    ).map((c) => ({ kind: 'participant', participant: regionOf(c.regionCode) }));
  }, [groups, isExpanded, view.initiatives, pages.codes, chosenOrder, regionOf]);
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
            {columns.map((col) => {
              if (col.kind === 'group') {
                const isChosen = col.group.code === chosen;
                return (
                  <th scope="col" key={`group:${col.group.code}`} className={isChosen ? 'sp-group-col io-chosen-cell io-region-col--chosen' : 'sp-group-col'}>
                    <GroupToggle group={col.group} expanded={col.expanded} onToggle={disclosure.toggle} />
                    {isChosen ? <YourRegionTag /> : null}
                  </th>
                );
              }
              const r = col.participant;
              return (
                <th scope="col" key={r.code} className={r.code === chosen ? 'io-region-col io-chosen-cell io-region-col--chosen' : 'io-region-col'}>
                  <span className="io-vertical" aria-hidden="true">
                    {r.short}
                  </span>
                  <span className="io-visually-hidden">
                    {r.name}
                    {r.code === chosen ? `, ${t('yourRegion')}` : null}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {view.initiatives.map((entry) => (
            <OverviewRow
              key={entry.initiative.id}
              entry={entry}
              columns={columns}
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

/** A column of the overview: a participant's contact mark, or (grouped) a county's "12/33". */
type OverviewColumn = { kind: 'participant'; participant: Participant } | { kind: 'group'; group: ParticipantGroup; expanded: boolean };

const CONTACT_STATES = ['yes', 'no'] as const;

/** One initiative in the overview; a contact mark per shown participant, one element each (CSS shape, words hidden). */
const OverviewRow = memo(function OverviewRow({
  entry,
  columns,
  chosen,
  yesNo,
  notSet,
}: {
  entry: Entry;
  columns: OverviewColumn[];
  chosen: string | null;
  yesNo: { yes: string; no: string };
  notSet: string;
}) {
  const tv = useMessages(supportPlanMessages);
  const { label } = useI18n();
  const byCode = useMemo(() => new Map(entry.contacts.map((c) => [c.regionCode, c])), [entry.contacts]);
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
      {columns.map((col) => {
        if (col.kind === 'group') {
          // "Kontakt med 12 av 33 kommuner": the county's municipalities with contact established.
          const r = rollUp(col.group.members, CONTACT_STATES, (p) => {
            const c = byCode.get(p.code);
            return c ? (c.established ? 'yes' : 'no') : undefined;
          });
          return (
            <td key={`group:${col.group.code}`} className={col.group.code === chosen ? 'io-num sp-group-cell io-chosen-cell' : 'io-num sp-group-cell'}>
              <Fraction done={r.counts.yes} total={r.total} long={tv('countyContacts', { done: r.counts.yes, total: r.total })} />
            </td>
          );
        }
        const c = byCode.get(col.participant.code);
        return (
          <td key={col.participant.code} className={col.participant.code === chosen ? 'io-region-cell io-chosen-cell' : 'io-region-cell'}>
            {c ? (
              <span className={`io-done io-done--dense io-done--${c.established ? 'yes' : 'no'}`}>
                <span className="io-visually-hidden">{c.established ? yesNo.yes : yesNo.no}</span>
              </span>
            ) : null}
          </td>
        );
      })}
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

function Milestones({ entry, edit, moves }: { entry: Entry; edit: Edit; moves: MilestoneMoves }) {
  const tv = useMessages(supportPlanMessages);
  const te = useEditorTexts();
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
                      <MilestoneButtons entry={entry} milestone={m} edit={edit} moves={moves} />
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

/** Change, move up, move down (within the phase) and remove: buttons, so the keyboard does all of it. */
function MilestoneButtons({ entry, milestone: m, edit, moves }: { entry: Entry; milestone: Entry['milestones'][number]; edit: NonNullable<Edit>; moves: MilestoneMoves }) {
  const te = useEditorTexts();
  const initiativeId = entry.initiative.id;
  const { first, last } = endsOfPhase(entry.milestones, m.id);
  const busy = moves.moving !== null;
  return (
    <span className="sp-row-actions">
      <Button
        id={`sp-edit-${m.id}`}
        appearance="subtle"
        className="sp-edit"
        aria-label={te('editMilestoneNamed', { milestone: m.title })}
        onClick={() => edit({ kind: 'milestone', initiativeId, milestoneId: m.id })}
      >
        {te('edit')}
      </Button>
      <Button id={`sp-move-${m.id}-up`} appearance="subtle" disabled={first || busy} aria-label={te('moveUpNamed', { milestone: m.title })} onClick={() => moves.move(initiativeId, m.id, -1)}>
        {te('moveUp')}
      </Button>
      <Button id={`sp-move-${m.id}-down`} appearance="subtle" disabled={last || busy} aria-label={te('moveDownNamed', { milestone: m.title })} onClick={() => moves.move(initiativeId, m.id, 1)}>
        {te('moveDown')}
      </Button>
      <Button appearance="subtle" aria-label={te('removeNamed', { milestone: m.title })} onClick={() => edit({ kind: 'remove-milestone', initiativeId, milestoneId: m.id })}>
        {te('remove')}
      </Button>
    </span>
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

type ChosenProps = { chosen: string | null; chosenOrder: readonly string[] | null };

function Contacts({ entry, regionOf, details, chosen, chosenOrder, edit }: { entry: Entry; regionOf: RegionOf; details: DetailsStore; edit: Edit } & ChosenProps) {
  const tv = useMessages(supportPlanMessages);
  const total = entry.contacts.length;
  return (
    <div className="io-support__part">
      <p className="io-summary-line">
        <ProgressBar done={entry.contactsEstablished} total={total} />
        {tv('contactsSummary', { done: entry.contactsEstablished, total })}
      </p>
      <ChosenContact entry={entry} regionOf={regionOf} chosen={chosen} />
      {edit ? <BulkContactsButton entry={entry} edit={edit} /> : null}
      <LazyDetails summary={tv('contactDetails')}>{() => <ContactTable entry={entry} regionOf={regionOf} details={details} chosen={chosen} chosenOrder={chosenOrder} edit={edit} />}</LazyDetails>
    </div>
  );
}

/** "Contact established" for several participants at once (a bulk edit in batches of 22). */
function BulkContactsButton({ entry, edit }: { entry: Entry; edit: NonNullable<Edit> }) {
  const te = useEditorTexts();
  const { id, name } = entry.initiative;
  return (
    <div className="sp-actions io-no-print">
      <Button aria-label={te('bulkContactsNamed', { initiative: name })} onClick={() => edit({ kind: 'bulk-contacts', initiativeId: id })}>
        {te('bulkContacts')}
      </Button>
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
function ContactTable({ entry, regionOf, details, chosen, chosenOrder, edit }: { entry: Entry; regionOf: RegionOf; details: DetailsStore; edit: Edit } & ChosenProps) {
  const tv = useMessages(supportPlanMessages);
  const te = useEditorTexts();
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
            {chosenFirst(entry.contacts, chosenOrder, (c) => c.regionCode).map((c) => {
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

/**
 * The per-participant connection process (decision 0026): per region its start, how many of the 12 steps are
 * done, the next step and its planned day. In the view (no detail read), so every reader sees it at once.
 */
function ConnectionProcess({ entry, regionOf, chosen, chosenOrder, edit }: { entry: Entry; regionOf: RegionOf; edit: Edit } & ChosenProps) {
  const tv = useMessages(supportPlanMessages);
  const started = entry.contacts.filter((c) => c.connection !== null).length;
  return (
    <div className="io-support__part sp-connection">
      <p className="io-summary-line">
        <ProgressBar done={started} total={entry.contacts.length} />
        {tv('connectionSummaryLine', { started, total: entry.contacts.length })}
      </p>
      <LazyDetails summary={tv('connectionDetails')}>{() => <ConnectionTable entry={entry} regionOf={regionOf} chosen={chosen} chosenOrder={chosenOrder} edit={edit} />}</LazyDetails>
    </div>
  );
}

function ConnectionTable({ entry, regionOf, chosen, chosenOrder, edit }: { entry: Entry; regionOf: RegionOf; edit: Edit } & ChosenProps) {
  const tv = useMessages(supportPlanMessages);
  const te = useEditorTexts();
  const { formatDate, locale } = useI18n();
  const [today] = useState(() => localIsoDate(new Date()));
  const initiativeId = entry.initiative.id;
  const caption = tv('connectionCaption', { initiative: entry.initiative.name });
  return (
    <div className="io-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="io-table sp-connection-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="io-sticky-col">
              {tv('region')}
            </th>
            <th scope="col">{tv('connectionStart')}</th>
            <th scope="col">{tv('connectionProgress')}</th>
            <th scope="col">{tv('connectionNext')}</th>
            <th scope="col">{tv('connectionPlanned')}</th>
            {edit ? (
              <th scope="col">
                <span className="io-visually-hidden">{te('editColumn')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {chosenFirst(entry.contacts, chosenOrder, (c) => c.regionCode).map((c) => {
            const summary = connectionSummary(c.connection, today);
            const next = summary.next ? CONNECTION_STEPS.find((s) => s.n === summary.next!.n) : undefined;
            const isChosen = c.regionCode === chosen;
            return (
              <tr key={c.regionCode} className={isChosen ? 'io-chosen' : undefined}>
                <th scope="row" className="io-sticky-col">
                  {regionOf(c.regionCode).name}
                  {isChosen ? <YourRegionTag /> : null}
                </th>
                <td className="io-nowrap">{c.connection ? <time dateTime={c.connection.start}>{formatDate(c.connection.start)}</time> : tv('connectionNotStarted')}</td>
                <td className="io-nowrap">{c.connection ? tv('connectionSteps', { done: summary.done, total: summary.total }) : null}</td>
                <td>{c.connection ? (next ? `${next.n}. ${next.title[locale]}` : tv('connectionAllDone')) : null}</td>
                <td className="io-nowrap">
                  {c.connection && summary.next?.plannedOn ? <time dateTime={summary.next.plannedOn}>{formatDate(summary.next.plannedOn)}</time> : null}
                  {c.connection && summary.overdue ? <span className="sp-overdue"> {tv('connectionOverdue')}</span> : null}
                </td>
                {edit ? (
                  <td>
                    <Button
                      appearance="subtle"
                      className="sp-edit"
                      aria-label={te('editConnectionNamed', { region: regionOf(c.regionCode).name })}
                      onClick={() => edit({ kind: 'connection', initiativeId, regionCode: c.regionCode })}
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
