import { lazy, memo, useId, useMemo, useState } from 'react';
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
import { chosenCodes, resolveChoice } from '@shared/participant-groups';
import type { ViewProps } from '../../view-props';
import { ParticipantPager, useParticipantWindow } from '../participant-window';
import '../views.css';
import { roadmapMessages } from './messages';
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
  const chosenOrder = useMemo(() => chosenCodes(resolveChoice(participants, chosenRegion)), [participants, chosenRegion]);
  const ordered = useMemo(() => chosenFirst(participants, chosenOrder, (p) => p.code) as Participant[], [participants, chosenOrder]);
  const pages = useParticipantWindow(ordered);
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
      <Legend helpId={helpId} editing={editing} />
      <ParticipantPager window={pages} />
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
  const regions = chosenFirst(all ? entry.regions : entry.regions.filter((r) => shownCodes.has(r.regionCode)), chosenOrder, (r) => r.regionCode);
  return (
    <section className="io-view-section" aria-labelledby={`roadmap-${entry.initiative.id}`}>
      <InitiativeHeading initiative={entry.initiative} id={`roadmap-${entry.initiative.id}`} stalenessDays={stalenessDays} />
      {hasDates(entry) || editRow ? (
        <>
          <Timeline
            quarters={quarters}
            rows={timelineRows(entry.initiative, regions, regionOf, tv('national'), tv('nationalWindow'), chosen)}
            now={now}
            label={tv('timelineLabel', { initiative: entry.initiative.name })}
            helpId={helpId}
            onEdit={editRow}
          />
          {tableShown ? <RoadmapTable initiative={entry.initiative} regions={regions} regionOf={regionOf} chosen={chosen} onEdit={editRow} /> : null}
        </>
      ) : (
        <p className="io-muted">{tv('noDates')}</p>
      )}
    </section>
  );
});

function timelineRows(
  i: InitiativeHeader,
  regions: readonly Entry['regions'][number][],
  regionOf: RegionOf,
  nationalLabel: string,
  nationalName: string,
  chosen: string | null,
): TimelineRow[] {
  return [
    {
      key: NATIONAL,
      label: nationalLabel,
      name: nationalName,
      national: true,
      pilot: [i.nationalPilotStart, i.nationalPilotEnd],
      broad: [i.nationalBroadStart, i.nationalBroadEnd],
      status: null,
      warnings: [],
      chosen: false,
    },
    ...regions.map((r) => ({
      key: r.regionCode,
      label: regionOf(r.regionCode).short,
      name: regionOf(r.regionCode).name,
      national: false,
      pilot: [r.pilotStart, r.pilotEnd] as [string | null, string | null],
      broad: [r.broadStart, r.broadEnd] as [string | null, string | null],
      status: r.status,
      warnings: r.warnings,
      chosen: r.regionCode === chosen,
    })),
  ];
}

function Legend({ helpId, editing }: { helpId: string; editing: boolean }) {
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
  regions,
  regionOf,
  chosen,
  onEdit,
}: {
  initiative: InitiativeHeader;
  regions: readonly Entry['regions'][number][];
  regionOf: RegionOf;
  chosen: string | null;
  onEdit: ((rowKey: string) => void) | null;
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
            {regions.map((r) => (
              <tr key={r.regionCode} data-row={r.regionCode} className={r.regionCode === chosen ? 'io-chosen' : undefined}>
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
            ))}
          </tbody>
        </table>
      </div>
    </div>
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
