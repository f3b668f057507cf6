import { memo, useId, useMemo, useState, type ComponentProps, type ReactNode } from 'react';
import type { Participant } from '@shared/model';
import { groupParticipants, type ParticipantGroup } from '@shared/participant-groups';
import { NEED_CATEGORY_LABELS, NEED_PROGRESS, NEED_PROGRESS_LABELS, NEED_REQUIRED_LABELS, type NeedProgress } from '@shared/vocabulary';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { ExternalLink } from '../../components/external-link';
import { InitiativeHeading } from '../../components/initiative-heading';
import { LazyDetails } from '../../components/lazy-details';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { NeedProgressIcon } from '../../components/status-icon';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useScopeLoad } from '../../details/use-details';
import { CellButton } from '../../editing/cell-button';
import { useI18n, useMessages } from '../../i18n';
import { GroupToggle } from '../../components/group-toggle';
import { YourRegionTag } from '../../shell/region-chooser';
import { pageGroups, useGroupDisclosure } from '../group-disclosure';
import { GroupPager } from '../group-pager';
import { ParticipantPager, useParticipantWindow } from '../participant-window';
import { InlineError } from '../../components/inline-error';
import { Skeleton } from '../../components/skeleton';
import { lazyModule, useLazyModule } from '../../lazy-module';
import type { EditorAction } from './editor-dialogs';
import { editorControls, useEditorTexts } from './editor-text';
import type { NeedNotes } from './need-notes';
import { technicalNeedsMessages } from './messages';
import {
  countyNeedDone,
  countyRequiredDone,
  openParticipants,
  participantRequiredDone,
  progressCounts,
  progressKey,
  progressScope,
  SUMMARY_FIRST_ABOVE,
  type InitiativeNeeds,
  type ProgressLookup,
} from './view-model';

// The notes list is drawn only when its disclosure is opened: its code and its notes load then, side by side.
const needNotes = lazyModule(() => import('./need-notes'));

/** The notes list, once its code is in: until then its place says it is loading; a failed download can be retried. */
function LazyNeedNotes(props: ComponentProps<typeof NeedNotes>) {
  const tv = useMessages(technicalNeedsMessages);
  const { module, failed, retry } = useLazyModule(needNotes, true);
  // The notes are fetched while the list's code downloads, not after it (the list waits on the same load).
  const scope = useMemo<DetailsScope>(() => ({ kind: 'initiative', initiativeId: props.initiativeId }), [props.initiativeId]);
  useScopeLoad(props.details, scope, true);
  if (module) return <module.NeedNotes {...props} />;
  if (failed) return <InlineError text={tv('notesFailed')} onRetry={retry} />;
  return (
    <div aria-busy="true">
      <p className="io-visually-hidden">{tv('notesLoading')}</p>
      <Skeleton width="long" />
    </div>
  );
}

/** Editors' buttons (editor-controls.tsx). Edit mode starts only once they are in (editor-text.ts), so they are drawn at once. */
function EditorControl({ render }: { render(controls: typeof import('./editor-controls')): ReactNode }) {
  const controls = editorControls.current();
  return controls ? render(controls) : null;
}

/** What an editor can do from the tables; null when not editing. */
export interface NeedEditing {
  open(action: EditorAction): void;
  move(initiativeId: string, needId: string, step: -1 | 1): void;
  /** The need whose move is on its way. */
  moving: string | null;
  pendingKeys: ReadonlySet<string>;
}

interface SectionProps {
  entry: InitiativeNeeds;
  participants: Participant[];
  stalenessDays: number;
  chosenRegion: string | null;
  details: DetailsStore;
  progressOf: ProgressLookup;
  editing: NeedEditing | null;
  /** Municipalities grouped by county (decision 0027); null when the participants have no group. */
  grouping: Grouping | null;
}

/** The participants grouped by county: in the reader's order (a chosen county first), and which county opens first. */
export interface Grouping {
  order: Participant[];
  /** The chosen county, or the chosen municipality's: open from the start. */
  openGroup: string | null;
  /** The county chosen as "Min region", whose roll-up is marked. */
  chosenCounty: string | null;
}

/** One initiative: its needs with a summary per need, then the progress per participant. */
export function InitiativeNeedsSection({ entry, participants, stalenessDays, chosenRegion, details, progressOf, editing, grouping }: SectionProps) {
  const tv = useMessages(technicalNeedsMessages);
  const headingId = `needs-${entry.initiative.id}`;
  const id = entry.initiative.id;
  const warningCount = entry.plans.reduce((n, p) => n + p.warnings.length, 0);
  const notes = entry.needs.reduce((n, need) => n + need.progress.filter((p) => p.hasNote).length, 0);
  return (
    <section className="io-view-section tn-initiative" aria-labelledby={headingId}>
      <InitiativeHeading initiative={entry.initiative} id={headingId} stalenessDays={stalenessDays} />
      {editing ? (
        // In edit mode the editors' buttons are in: the edit switch waits for them (editor-text.ts).
        <EditorControl render={(c) => <c.InitiativeEditBar entry={entry} editing={editing} />} />
      ) : null}
      {entry.needs.length === 0 ? (
        <p className="io-muted">{editing ? tv('noNeedsEditor') : tv('noNeeds')}</p>
      ) : (
        <>
          <NeedsTable entry={entry} participants={participants} editing={editing} />
          {grouping ? (
            // 21 counties fit where 290 municipalities took ten pages: the roll-up is shown, not folded away.
            <GroupedProgressTable entry={entry} grouping={grouping} chosenRegion={chosenRegion} progressOf={progressOf} editing={editing} />
          ) : participants.length > SUMMARY_FIRST_ABOVE ? (
            <LazyDetails summary={tv('perParticipant', { count: participants.length })}>
              {() => <ProgressTable entry={entry} participants={participants} chosenRegion={chosenRegion} progressOf={progressOf} editing={editing} />}
            </LazyDetails>
          ) : (
            <ProgressTable entry={entry} participants={participants} chosenRegion={chosenRegion} progressOf={progressOf} editing={editing} />
          )}
          {warningCount > 0 ? (
            <LazyDetails summary={tv('warnings', { count: warningCount })}>
              {() => <PlanWarnings entry={entry} participants={participants} />}
            </LazyDetails>
          ) : null}
          {notes > 0 ? (
            <LazyDetails summary={tv('notes', { count: notes })}>
              {() => (
                <LazyNeedNotes initiativeId={id} needs={entry.needs} participants={participants} details={details} />
              )}
            </LazyDetails>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The needs: what each is, and how many participants are where, with who has it still open behind a disclosure. */
function NeedsTable({ entry, participants, editing }: { entry: InitiativeNeeds; participants: Participant[]; editing: NeedEditing | null }) {
  const tv = useMessages(technicalNeedsMessages);
  const te = useEditorTexts();
  const { t, label } = useI18n();
  const captionId = useId();
  const names = useMemo(() => new Map(participants.map((p) => [p.code, p.name])), [participants]);
  const last = entry.needs.length - 1;
  return (
    <div className="io-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="io-table tn-needs">
        <caption id={captionId}>{tv('needsCaption', { initiative: entry.initiative.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{tv('need')}</th>
            <th scope="col">{tv('category')}</th>
            <th scope="col">{tv('requirement')}</th>
            <th scope="col">{tv('progress')}</th>
            {editing ? (
              <th scope="col">
                <span className="io-visually-hidden">{te('editNeed')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entry.needs.map((need, k) => {
            const counts = progressCounts(need);
            const open = openParticipants(need);
            return (
              <tr key={need.id}>
                <th scope="row" className="tn-need">
                  <span className="tn-need-title">{need.title}</span>
                  {need.description ? <span className="tn-need__description">{need.description}</span> : null}
                  {need.link ? <ExternalLink href={need.link}>{tv('openLinkNamed', { need: need.title })}</ExternalLink> : null}
                </th>
                <td>{label(NEED_CATEGORY_LABELS, need.category)}</td>
                <td>
                  <span className={`io-tag${need.required ? ' tn-tag--required' : ''}`}>{label(NEED_REQUIRED_LABELS, need.required ? 'required' : 'optional')}</span>
                </td>
                <td className="tn-summary">
                  <p className="tn-summary__done">{t('needDoneOf', { done: need.doneCount, total: need.applicableCount })}</p>
                  <ul className="tn-counts">
                    {NEED_PROGRESS.map((p) => (
                      <li key={p} className={counts[p] === 0 ? 'tn-counts__zero' : undefined}>
                        <NeedProgressIcon progress={p} />
                        <span>
                          {label(NEED_PROGRESS_LABELS, p)}: {counts[p]}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {open.length > 0 ? (
                    <details className="tn-open">
                      <summary>{tv('openList', { count: open.length })}</summary>
                      <ul className="tn-open__list">
                        {open.map((code) => (
                          <li key={code}>{names.get(code) ?? code}</li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    <p className="io-muted">{tv('noneOpen')}</p>
                  )}
                </td>
                {editing ? (
                  <td className="tn-row-actions">
                    <EditorControl render={(c) => <c.NeedActions entry={entry} need={need} first={k === 0} last={k === last} editing={editing} />} />
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

/** Participants as rows, needs as columns (at most 12), and per participant "3 av 5 obligatoriska klara". Paged above 30. */
function ProgressTable({
  entry,
  participants,
  chosenRegion,
  progressOf,
  editing,
}: {
  entry: InitiativeNeeds;
  participants: Participant[];
  chosenRegion: string | null;
  progressOf: ProgressLookup;
  editing: NeedEditing | null;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const pages = useParticipantWindow(participants);
  const captionId = useId();
  const plans = useMemo(() => new Map(entry.plans.map((p) => [p.regionCode, p])), [entry.plans]);
  return (
    <>
      <ParticipantPager window={pages} />
      <div className="io-table-scroll tn-progress-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="io-table tn-progress">
          <caption id={captionId}>{tv('progressCaption', { initiative: entry.initiative.name })}</caption>
          <ProgressHead entry={entry} first={tv('participant')} />
          <tbody>
            {pages.shown.map((p) => (
              <ParticipantRow
                key={p.code}
                entry={entry}
                participant={p}
                chosen={p.code === chosenRegion}
                warnings={plans.get(p.code)?.warnings.length ?? 0}
                progressOf={progressOf}
                editing={editing}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProgressHead({ entry, first }: { entry: InitiativeNeeds; first: string }) {
  const tv = useMessages(technicalNeedsMessages);
  return (
    <thead>
      <tr>
        <th scope="col" className="io-sticky-col">
          {first}
        </th>
        {entry.needs.map((need) => (
          <th scope="col" key={need.id} className="tn-progress__need">
            {need.title}
            {need.required ? null : <span className="io-muted tn-optional"> ({tv('optionalShort')})</span>}
          </th>
        ))}
        <th scope="col">{tv('requiredDone')}</th>
      </tr>
    </thead>
  );
}

/**
 * The progress table grouped by county (decision 0027): a row a county with "12/26" a need ("Klart i 12
 * av 26 kommuner" for assistive technology) and how many have every required need done; its disclosure
 * opens its municipalities' rows under it. Pages hold whole counties (pageGroups), as the roadmap's and
 * the rollout-status matrix's do; the disclosure and the page are this table's own.
 */
function GroupedProgressTable({
  entry,
  grouping,
  chosenRegion,
  progressOf,
  editing,
}: {
  entry: InitiativeNeeds;
  grouping: Grouping;
  chosenRegion: string | null;
  progressOf: ProgressLookup;
  editing: NeedEditing | null;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const captionId = useId();
  const groups = useMemo(() => groupParticipants(grouping.order) ?? [], [grouping.order]);
  const { isExpanded, toggle } = useGroupDisclosure(grouping.openGroup);
  const [pageIndex, setPageIndex] = useState(0);
  const { lines, page } = pageGroups(groups, isExpanded, pageIndex);
  const plans = useMemo(() => new Map(entry.plans.map((p) => [p.regionCode, p])), [entry.plans]);
  return (
    <>
      <GroupPager
        page={page}
        onChange={(index) => {
          setPageIndex(index);
          return pageGroups(groups, isExpanded, index).page;
        }}
      />
      <div className="io-table-scroll tn-progress-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="io-table tn-progress">
          <caption id={captionId}>{tv('progressCaption', { initiative: entry.initiative.name })}</caption>
          <ProgressHead entry={entry} first={tv('groupedParticipant')} />
          <tbody>
            {lines.map((line) =>
              line.kind === 'group' ? (
                <CountyRow
                  key={line.key}
                  entry={entry}
                  group={line.group}
                  expanded={line.expanded}
                  chosen={line.group.code === grouping.chosenCounty}
                  progressOf={progressOf}
                  onToggle={toggle}
                />
              ) : (
                <ParticipantRow
                  key={line.key}
                  entry={entry}
                  participant={line.participant}
                  chosen={line.participant.code === chosenRegion}
                  warnings={plans.get(line.participant.code)?.warnings.length ?? 0}
                  progressOf={progressOf}
                  editing={editing}
                  member
                />
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CountyRow({
  entry,
  group,
  expanded,
  chosen,
  progressOf,
  onToggle,
}: {
  entry: InitiativeNeeds;
  group: ParticipantGroup;
  expanded: boolean;
  chosen: boolean;
  progressOf: ProgressLookup;
  onToggle(code: string): void;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const required = countyRequiredDone(entry, group.members, progressOf);
  return (
    <tr className={chosen ? 'tn-row--county tn-row--chosen' : 'tn-row--county'}>
      <th scope="row" className="io-sticky-col">
        <GroupToggle group={group} expanded={expanded} onToggle={onToggle} />
        {chosen ? <YourRegionTag /> : null}
      </th>
      {entry.needs.map((need) => {
        const done = countyNeedDone(entry.initiative.id, need, group.members, progressOf);
        return (
          <td key={need.id} className="tn-progress__cell tn-progress__rollup">
            <span aria-hidden="true">
              {done.done}/{done.total}
            </span>
            <span className="io-visually-hidden">{tv('countyNeedDone', done)}</span>
          </td>
        );
      })}
      <td className="tn-progress__summary">{required.total > 0 ? tv('countyRequiredDone', required) : <span className="io-muted">{tv('noRequired')}</span>}</td>
    </tr>
  );
}

const renderProgress = (value: NeedProgress): ReactNode => (
  <span aria-hidden="true">
    <NeedProgressBadge progress={value} />
  </span>
);

const ParticipantRow = memo(function ParticipantRow({
  entry,
  participant,
  chosen,
  warnings,
  progressOf,
  editing,
  member = false,
}: {
  entry: InitiativeNeeds;
  participant: Participant;
  chosen: boolean;
  warnings: number;
  progressOf: ProgressLookup;
  editing: NeedEditing | null;
  /** Under its open county: indented. */
  member?: boolean;
}) {
  const tv = useMessages(technicalNeedsMessages);
  const te = useEditorTexts();
  const { t, label } = useI18n();
  const summary = participantRequiredDone(entry, participant.code, progressOf);
  return (
    <tr className={[chosen ? 'tn-row--chosen' : '', member ? 'tn-row--member' : ''].filter(Boolean).join(' ') || undefined}>
      <th scope="row" className="io-sticky-col">
        {participant.name}
      </th>
      {entry.needs.map((need) => {
        const p = progressOf(entry.initiative.id, need, participant.code);
        if (!p) return <td key={need.id} />;
        const words = label(NEED_PROGRESS_LABELS, p.progress);
        return (
          <td key={need.id} className="tn-progress__cell">
            {editing ? (
              <CellButton
                value={p.progress}
                renderValue={renderProgress}
                stale={p.stale}
                warningCount={0}
                name={{ prefix: te('progressCell', { need: need.title, region: participant.name }), suffix: `${p.stale ? `. ${t('stale')}` : ''}${p.hasNote ? `. ${tv('hasNote')}` : ''}` }}
                label={{ full: words, short: words }}
                editing
                isAnchor={false}
                pending={editing.pendingKeys.has(progressKey(progressScope(entry.initiative.id, need.id), participant.code))}
                compact={false}
                onActivate={() => editing.open({ kind: 'progress', initiativeId: entry.initiative.id, needId: need.id, regionCode: participant.code })}
              />
            ) : (
              <>
                <NeedProgressBadge progress={p.progress} />
                {p.stale ? <span className="rs-icon rs-icon--stale" role="img" aria-label={t('stale')} /> : null}
                {p.hasNote ? <span className="io-note-mark" role="img" aria-label={tv('hasNote')} /> : null}
              </>
            )}
          </td>
        );
      })}
      <td className="tn-progress__summary">
        {summary.total > 0 ? tv('requiredDoneOf', summary) : <span className="io-muted">{tv('noRequired')}</span>}
        {warnings > 0 ? (
          <span className="tn-warning-count">
            <span className="rs-icon rs-icon--warning" aria-hidden="true" /> {tv('warningCount', { count: warnings })}
          </span>
        ) : null}
      </td>
    </tr>
  );
});

/** The consistency warnings of the initiative's plans, per participant, as the status matrix shows them. */
function PlanWarnings({ entry, participants }: { entry: InitiativeNeeds; participants: Participant[] }) {
  const names = new Map(participants.map((p) => [p.code, p.name]));
  return (
    <dl className="tn-warning-list">
      {entry.plans
        .filter((p) => p.warnings.length > 0)
        .map((p) => (
          <div key={p.regionCode}>
            <dt>{names.get(p.regionCode) ?? p.regionCode}</dt>
            <dd>
              <ConsistencyWarnings warnings={p.warnings} />
            </dd>
          </div>
        ))}
    </dl>
  );
}
