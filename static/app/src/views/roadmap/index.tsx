import { lazy, memo, useCallback, useId, useMemo, useState } from 'react';
import type { InitiativeHeader, RoadmapView as RoadmapViewModel } from '@shared/contract';
import type { Participant } from '@shared/model';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { EditToggle } from '../../editing/edit-toggle';
import { EditorHost, useEditorAction } from '../../editing/editor-host';
import { InitiativeHeading } from '../../components/initiative-heading';
import { StatusLozenge } from '../../components/status-lozenge';
import { useI18n, useMessages } from '../../i18n';
import { participantLookup } from '../../participants';
import { YourRegionTag } from '../../shell/region-chooser';
import { chosenFirst } from '../../shell/region-order';
import { chosenCodes, chosenGroup, groupParticipants, resolveChoice, type ParticipantGroup } from '@shared/participant-groups';
import { GroupToggle } from '../../components/group-toggle';
import { pageGroups, useGroupDisclosure, type GroupedLine } from '../group-disclosure';
import { GroupPager } from '../group-pager';
import { countyRollUp, type CountyRollUp, type RegionPlan } from '@shared/roadmap-county';
import type { ViewProps } from '../../view-props';
import { ParticipantPager, useParticipantWindow } from '../participant-window';
import '../views.css';
import { roadmapMessages, type TRoadmap } from './messages';
import './roadmap.css';
import { Timeline, type TimelineRow } from './timeline';
import { useProgressiveList } from '../progressive';
import { deviceStorage } from '../../page-events/region-choice';
import type { WindowAction } from './editor-dialogs';

// The window forms (and the validation schemas they need) load only when an editor opens one.
const WindowDialogs = lazy(() => import('./editor-dialogs'));
type OpenWindow = (action: WindowAction) => void;

type Entry = RoadmapViewModel['initiatives'][number];
type RegionOf = ReturnType<typeof participantLookup>;
/** A row under the national window: a participant's plans, or (grouped by county) a county's roll-up. */
type Line =
  | { kind: 'plan'; plan: RegionPlan; member: boolean }
  | { kind: 'county'; group: ParticipantGroup; expanded: boolean; rollUp: CountyRollUp; chosen: boolean };
/** The national row's key; participant rows are keyed by their code. */
const NATIONAL = '__national';

/** Whether the equivalent tables are shown, remembered on this device (the iframes share one origin). */
const TABLE_KEY = 'inforandeoversikt.roadmap-table';
let storage: ReturnType<typeof deviceStorage> | null = null;
const tableStore = () => (storage ??= deviceStorage());

function useTableShown(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(() => tableStore().getItem(TABLE_KEY) !== 'hidden');
  return [
    shown,
    (next) => {
      setShown(next);
      tableStore().setItem(TABLE_KEY, next ? 'shown' : 'hidden');
    },
  ];
}

function hasDates(entry: Entry): boolean {
  const i = entry.initiative;
  return (
    !!(i.nationalPilotStart || i.nationalBroadStart) || entry.regions.some((r) => r.pilotStart || r.broadStart)
  );
}

/** Overview 4: when each region can start: national pilot and broad windows, and each region's plans. */
export default function RoadmapView({ data, chosenRegion = null, capabilities, reload }: ViewProps) {
  const tv = useMessages(roadmapMessages);
  const canEdit = capabilities?.canEdit === true;
  const [editingWanted, setEditingWanted] = useState(false);
  const editing = canEdit && editingWanted;
  const { current: action, open: openAction, close: closeAction } = useEditorAction<WindowAction>();
  const participants = data.programme.participants;
  const regionOf = useMemo(() => participantLookup(participants), [participants]);
  // The reader's region first, so it is on the first page of a wide programme too.
  // A chosen county (decision 0027) puts all its municipalities first; `chosenRegion` marks one participant.
  const choice = useMemo(() => resolveChoice(participants, chosenRegion), [participants, chosenRegion]);
  const chosenOrder = useMemo(() => chosenCodes(choice), [choice]);
  const ordered = useMemo(() => chosenFirst(participants, chosenOrder, (p) => p.code) as Participant[], [participants, chosenOrder]);
  const pages = useParticipantWindow(ordered);
  // Municipalities are grouped by county (decision 0027): a county's row is its municipalities' roll-up,
  // open to them on request; pages hold whole counties, as the rollout-status matrix's do.
  const groups = useMemo(() => groupParticipants(ordered), [ordered]);
  const grouped = groups !== null;
  const { isExpanded, toggle: toggleGroup } = useGroupDisclosure(chosenGroup(choice));
  const [groupPage, setGroupPage] = useState(0);
  const groupedAt = useCallback((index: number) => (groups ? pageGroups(groups, isExpanded, index) : null), [groups, isExpanded]);
  const groupedView = useMemo(() => groupedAt(groupPage), [groupedAt, groupPage]);
  const chosenCounty = choice?.kind === 'group' ? choice.code : null;
  // Initiatives below the first screen render right after it (useProgressiveList).
  const shownInitiatives = useProgressiveList(data.view.macro === 'roadmap' ? data.view.initiatives : null, 2);
  // One "today" for every timeline on the page, so re-renders do not move it or defeat memoisation.
  const [now] = useState(() => new Date());
  const [tableShown, setTableShown] = useTableShown();
  const helpId = useId();
  if (data.view.macro !== 'roadmap') return null;
  const view = data.view;
  if (view.initiatives.length === 0) return <EmptyState title={tv('noInitiatives')} headingLevel={3} />;
  return (
    <div className="io-view io-roadmap">
      <div className="io-roadmap__toolbar io-no-print">
        <EditToggle on={tableShown} onToggle={setTableShown} label={tv('tableToggle')} onText={tv('tableShown')} offText={tv('tableHidden')} />
        {canEdit ? <EditToggle on={editing} onToggle={setEditingWanted} label={tv('editToggle')} onText={tv('editOn')} offText={tv('editOff')} /> : null}
      </div>
      <Legend helpId={helpId} editing={editing} grouped={grouped} />
      {groupedView ? (
        <GroupPager
          page={groupedView.page}
          onChange={(index) => {
            setGroupPage(index);
            return groupedAt(index)?.page ?? null;
          }}
        />
      ) : (
        <ParticipantPager window={pages} />
      )}
      {shownInitiatives.map((entry) => (
        <RoadmapSection
          key={entry.initiative.id}
          entry={entry}
          quarters={view.quarters}
          regionOf={regionOf}
          shownCodes={pages.codes}
          all={pages.shown.length === participants.length}
          chosen={chosenRegion}
          chosenOrder={chosenOrder}
          axis={groupedView?.lines ?? null}
          chosenCounty={chosenCounty}
          onToggleGroup={toggleGroup}
          now={now}
          stalenessDays={data.programme.stalenessDays}
          onEdit={editing ? openAction : null}
          tableShown={tableShown}
          helpId={helpId}
        />
      ))}
      <EditorHost
        current={action}
        render={(a) => <WindowDialogs action={a} initiatives={view.initiatives} participants={participants} reload={reload} onClose={closeAction} />}
      />
    </div>
  );
}

/** One initiative: its timeline and the equivalent table, for the participants on the current page. */
const RoadmapSection = memo(function RoadmapSection({
  entry,
  quarters,
  regionOf,
  shownCodes,
  all,
  chosen,
  chosenOrder,
  axis,
  chosenCounty,
  onToggleGroup,
  now,
  stalenessDays,
  onEdit,
  tableShown,
  helpId,
}: {
  entry: Entry;
  quarters: string[];
  regionOf: RegionOf;
  shownCodes: ReadonlySet<string>;
  all: boolean;
  /** The reader's region: first after the national window, and marked. */
  chosen: string | null;
  /** The codes the reader's choice puts first: the region, or a chosen county's municipalities. */
  chosenOrder: readonly string[] | null;
  /** Grouped by county: the counties on this page, each followed by its municipalities when open. */
  axis: GroupedLine[] | null;
  /** The county the reader chose, whose roll-up is marked. */
  chosenCounty: string | null;
  onToggleGroup(code: string): void;
  now: Date;
  stalenessDays: number;
  /** In edit mode: opens a row's window form. */
  onEdit: OpenWindow | null;
  tableShown: boolean;
  /** The legend's keyboard help, which every timeline's bars are described by. */
  helpId: string;
}) {
  const tv = useMessages(roadmapMessages);
  const id = entry.initiative.id;
  const editRow = onEdit ? (key: string) => onEdit(key === NATIONAL ? { kind: 'national', initiativeId: id } : { kind: 'participant', initiativeId: id, regionCode: key }) : null;
  const lines = useMemo<Line[]>(() => {
    if (!axis) {
      const regions = chosenFirst(all ? entry.regions : entry.regions.filter((r) => shownCodes.has(r.regionCode)), chosenOrder, (r) => r.regionCode);
      return regions.map((plan) => ({ kind: 'plan', plan, member: false }));
    }
    const planOf = new Map(entry.regions.map((r) => [r.regionCode, r]));
    const out: Line[] = [];
    for (const item of axis) {
      if (item.kind === 'group') {
        const rollUp = countyRollUp(item.group.members, (code) => planOf.get(code));
        out.push({ kind: 'county', group: item.group, expanded: item.expanded, rollUp, chosen: item.group.code === chosenCounty });
      } else {
        const plan = planOf.get(item.participant.code);
        if (plan) out.push({ kind: 'plan', plan, member: true });
      }
    }
    return out;
  }, [axis, all, entry.regions, shownCodes, chosenOrder, chosenCounty]);
  const { t } = useI18n();
  return (
    <section className="io-view-section" aria-labelledby={`roadmap-${entry.initiative.id}`}>
      <InitiativeHeading initiative={entry.initiative} id={`roadmap-${entry.initiative.id}`} stalenessDays={stalenessDays} />
      {hasDates(entry) || editRow ? (
        <>
          <Timeline
            quarters={quarters}
            rows={timelineRows(entry.initiative, lines, regionOf, chosen, tv, t)}
            now={now}
            label={tv('timelineLabel', { initiative: entry.initiative.name })}
            helpId={helpId}
            onEdit={editRow}
            onToggleGroup={axis ? onToggleGroup : null}
          />
          {tableShown ? <RoadmapTable initiative={entry.initiative} lines={lines} regionOf={regionOf} chosen={chosen} onEdit={editRow} onToggleGroup={onToggleGroup} /> : null}
        </>
      ) : (
        <p className="io-muted">{tv('noDates')}</p>
      )}
    </section>
  );
});

function timelineRows(
  i: InitiativeHeader,
  lines: readonly Line[],
  regionOf: RegionOf,
  chosen: string | null,
  tv: TRoadmap,
  t: ReturnType<typeof useI18n>['t'],
): TimelineRow[] {
  return [
    {
      key: NATIONAL,
      label: tv('national'),
      name: tv('nationalWindow'),
      national: true,
      pilot: [i.nationalPilotStart, i.nationalPilotEnd],
      broad: [i.nationalBroadStart, i.nationalBroadEnd],
      status: null,
      warnings: [],
      chosen: false,
    },
    ...lines.map((line): TimelineRow => {
      if (line.kind === 'county') {
        const { group, rollUp } = line;
        const total = group.members.length;
        return {
          key: `group:${group.code}`,
          label: tv('countyLabel', { name: group.name || '–', count: total }),
          name: t('groupHead', { name: group.name || '–', count: total }),
          national: false,
          pilot: rollUp.pilot,
          broad: rollUp.broad,
          status: null,
          warnings: [],
          chosen: line.chosen,
          group: {
            code: group.code,
            expanded: line.expanded,
            pilotText: tv('countyPilot', { count: rollUp.pilotPlanned, total }),
            broadText: tv('countyBroad', { count: rollUp.broadPlanned, total }),
          },
        };
      }
      const r = line.plan;
      return {
        key: r.regionCode,
        label: regionOf(r.regionCode).short,
        name: regionOf(r.regionCode).name,
        national: false,
        pilot: [r.pilotStart, r.pilotEnd],
        broad: [r.broadStart, r.broadEnd],
        status: r.status,
        warnings: r.warnings,
        chosen: r.regionCode === chosen,
        member: line.member,
      };
    }),
  ];
}

function Legend({ helpId, editing, grouped }: { helpId: string; editing: boolean; grouped: boolean }) {
  const tv = useMessages(roadmapMessages);
  return (
    <>
    <div className="io-legend" aria-hidden="true">
      <span>{tv('legend')}:</span>
      <ul className="io-legend__items">
        <li className="io-legend__item">
          <svg width="24" height="10" viewBox="0 0 24 10" focusable="false">
            <rect className="io-tl__pilot" x="1" y="2" width="22" height="6" rx="1" />
          </svg>
          {tv('pilot')}
        </li>
        <li className="io-legend__item">
          <svg width="24" height="10" viewBox="0 0 24 10" focusable="false">
            <rect className="io-tl__broad" x="1" y="2" width="22" height="6" rx="1" />
          </svg>
          {tv('broad')}
        </li>
        <li className="io-legend__item">
          <svg width="24" height="10" viewBox="0 0 24 10" focusable="false">
            <rect className="io-tl__pilot io-tl__bar--open" x="1" y="2" width="22" height="6" rx="1" />
          </svg>
          {tv('openEnded')}
        </li>
        <li className="io-legend__item">
          <svg width="10" height="14" viewBox="0 0 10 14" focusable="false">
            <line className="io-tl__today" x1="5" y1="0" x2="5" y2="14" />
          </svg>
          {tv('today')}
        </li>
        <li className="io-legend__item">
          <svg width="12" height="12" viewBox="0 0 12 12" focusable="false">
            <path className="io-tl__warning" d="M1 11l5 -10l5 10z" />
          </svg>
          {tv('warningLegend')}
        </li>
      </ul>
    </div>
    {/* Once for every timeline: each one's bars are described by it. */}
    <p id={helpId} className="io-tl__help io-muted">
      {tv(editing ? 'keyboardHelpEdit' : 'keyboardHelp')}
      {grouped ? ` ${tv('keyboardHelpGroups')}` : null}
    </p>
    </>
  );
}

function usePeriod() {
  const tv = useMessages(roadmapMessages);
  const { formatMonth } = useI18n();
  return (start: string | null, end: string | null) => {
    if (start && end) return tv('range', { start: formatMonth(start), end: formatMonth(end) });
    if (start) return tv('fromMonth', { start: formatMonth(start) });
    if (end) return tv('range', { start: '…', end: formatMonth(end) });
    return tv('notPlanned');
  };
}

/** The timeline's equivalent as a table: every plan, status and warning in rows, including plans outside the range. */
function RoadmapTable({
  initiative: i,
  lines,
  regionOf,
  chosen,
  onEdit,
  onToggleGroup,
}: {
  initiative: InitiativeHeader;
  lines: readonly Line[];
  regionOf: RegionOf;
  chosen: string | null;
  onEdit: ((rowKey: string) => void) | null;
  onToggleGroup(code: string): void;
}) {
  const tv = useMessages(roadmapMessages);
  const period = usePeriod();
  return (
    // Shown by default: the table is the timeline's equivalent for everyone; the toolbar hides it.
    <div className="io-roadmap__table">
      <div className="io-table-scroll" role="region" aria-label={tv('caption', { initiative: i.name })} tabIndex={0}>
        <table className="io-table">
          <caption>{tv('caption', { initiative: i.name })}</caption>
          <thead>
            <tr>
              <th scope="col" className="io-sticky-col">
                {tv('region')}
              </th>
              <th scope="col">{tv('status')}</th>
              <th scope="col">{tv('pilotPlanned')}</th>
              <th scope="col">{tv('broadPlanned')}</th>
              <th scope="col">{tv('remarks')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="io-roadmap__national" data-row={NATIONAL}>
              <th scope="row" className="io-sticky-col">
                {tv('nationalWindow')}
                {onEdit ? <EditRowButton name={tv('nationalWindow')} onClick={() => onEdit(NATIONAL)} /> : null}
              </th>
              <td />
              <td>{period(i.nationalPilotStart, i.nationalPilotEnd)}</td>
              <td>{period(i.nationalBroadStart, i.nationalBroadEnd)}</td>
              <td />
            </tr>
            {lines.map((line) => {
              if (line.kind === 'county') return <CountyRow key={`group:${line.group.code}`} line={line} onToggle={onToggleGroup} />;
              const r = line.plan;
              const classes = [r.regionCode === chosen ? 'io-chosen' : '', line.member ? 'io-roadmap__member' : ''].filter(Boolean).join(' ');
              return (
              <tr key={r.regionCode} data-row={r.regionCode} className={classes || undefined}>
                <th scope="row" className="io-sticky-col">
                  {regionOf(r.regionCode).name}
                  {r.regionCode === chosen ? <YourRegionTag /> : null}
                  {onEdit ? <EditRowButton name={regionOf(r.regionCode).name} onClick={() => onEdit(r.regionCode)} /> : null}
                </th>
                <td>
                  <StatusLozenge status={r.status} />
                </td>
                <td className="io-nowrap">{period(r.pilotStart, r.pilotEnd)}</td>
                <td className="io-nowrap">{period(r.broadStart, r.broadEnd)}</td>
                <td>
                  <ConsistencyWarnings warnings={r.warnings} />
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A county's row in the table (decision 0027): its disclosure button, how many of its municipalities are
 * live, and its windows (earliest start – latest end) with how many have each planned.
 */
function CountyRow({ line, onToggle }: { line: Extract<Line, { kind: 'county' }>; onToggle(code: string): void }) {
  const tv = useMessages(roadmapMessages);
  const period = usePeriod();
  const { group, rollUp } = line;
  const total = group.members.length;
  return (
    <tr data-row={`group:${group.code}`} className={line.chosen ? 'io-roadmap__county io-chosen' : 'io-roadmap__county'}>
      <th scope="row" className="io-sticky-col">
        <GroupToggle group={group} expanded={line.expanded} onToggle={onToggle} />
        {line.chosen ? <YourRegionTag /> : null}
      </th>
      <td>{tv('countyLive', { count: rollUp.live, total })}</td>
      <td>
        <span className="io-nowrap">{period(rollUp.pilot[0], rollUp.pilot[1])}</span>
        <br />
        <span className="io-muted">{tv('countyPilot', { count: rollUp.pilotPlanned, total })}</span>
      </td>
      <td>
        <span className="io-nowrap">{period(rollUp.broad[0], rollUp.broad[1])}</span>
        <br />
        <span className="io-muted">{tv('countyBroad', { count: rollUp.broadPlanned, total })}</span>
      </td>
      <td>{rollUp.warned > 0 ? tv('countyWarned', { count: rollUp.warned }) : null}</td>
    </tr>
  );
}

/** "Edit" in a table row: named after the row, so a screen-reader user hears which window it changes. */
function EditRowButton({ name, onClick }: { name: string; onClick(): void }) {
  const tv = useMessages(roadmapMessages);
  return (
    <Button appearance="subtle" className="io-roadmap__edit-row" aria-label={tv('editRowName', { region: name })} onClick={onClick}>
      {tv('editRow')}
    </Button>
  );
}
