import './rollout-status.css';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CellView, RolloutStatusView as RolloutStatusModel } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { CellDetails } from '@shared/model';
import { chosenCodes, chosenGroup, hasGroups, resolveChoice } from '@shared/participant-groups';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { useAnnounce } from '../../components/live-region';
import { SectionMessage } from '../../components/section-message';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useDetailsStore, useDetailsVersion } from '../../details/use-details';
import type { CellWrites } from '../../editing/cell-writes';
import { EditorHost, useEditorAction } from '../../editing/editor-host';
import { useOptimisticCells } from '../../editing/optimistic';
import { chosenFirst } from '../../shell/region-order';
import type { ViewProps } from '../../view-props';
import { useGroupDisclosure } from '../group-disclosure';
import type { PopoverTarget } from './cell-popover';
import type { EditorAction } from './editor-dialogs';
import { groupedAxis } from './grouped-grid';
import { PageNav } from './page-nav';
import { MatrixTable } from './matrix-table';
import { StaleList } from './stale-list';
import { StatusTotals } from './status-totals';
import type { DetailsLookup } from './csv';
import { useText } from './use-text';
import {
  applyFilters,
  cellKey,
  currentStaleEntries,
  isFiltering,
  NO_FILTERS,
  participantPage,
  participantsInView,
  resolvePerspective,
  toGrid,
  withCellOverrides,
  type FilteredView,
  type Filters,
  type GridCell,
  type Perspective,
} from './view-model';

// Editing UI (and the validation schemas it needs) loads only when an editor opens it.
const EditorDialogs = lazy(() => import('./editor-dialogs'));
const ManagePanel = lazy(() => import('./manage-panel'));
// What a reader opens (a cell's details, the filters) loads after the first screen, not before it: the
// popover is fetched once the view has painted, so it is in by the time a reader clicks a cell.
const loadPopover = () => import('./cell-popover');
const CellPopover = lazy(() => loadPopover().then((m) => ({ default: m.CellPopover })));
const FilterPanel = lazy(() => import('./filter-panel').then((m) => ({ default: m.FilterPanel })));
// A macro set to one region's or one initiative's list never draws the matrix, and the usual programme
// matrix never draws the list: the list comes in its own chunk. It has no Suspense of its own, so the
// shell's spinner and ready event wait for it (issue 7).
const ListTable = lazy(() => import('./list-table').then((m) => ({ default: m.ListTable })));

/** Overview 1: rollout status per region. The shell lazy-loads this and hands it the ready view. */
export default function RolloutStatusView(props: ViewProps) {
  const { i18n } = useText();
  const view = props.data.view;
  if (view.macro !== 'rollout-status') return <SectionMessage appearance="warning" title={i18n.t('unknownView')} />;
  return <RolloutStatus {...props} view={view} />;
}

type PopoverState = { key: string; initiativeId: string; regionCode: string; source: HTMLElement };

/** "Ladda ner CSV" of a list: reading its notes and links first, or why that failed. */
type CsvState = { phase: 'idle' } | { phase: 'preparing' } | { phase: 'failed'; error: AppError };

function RolloutStatus({ data, view, capabilities, reload, chosenRegion = null }: ViewProps & { view: RolloutStatusModel }) {
  const { t, locale } = useText();
  const announce = useAnnounce();
  const { programme, config } = data;
  const canEdit = capabilities?.canEdit === true;
  const [editingWanted, setEditingWanted] = useState(false);
  const editing = canEdit && editingWanted;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  const [manageOpen, setManageOpen] = useState(false);
  const { current: action, open: openAction, close: closeAction } = useEditorAction<EditorAction>();
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const optimistic = useOptimisticCells<CellView>(data.revision, cellKey);
  const [csvState, setCsvState] = useState<CsvState>({ phase: 'idle' });
  const csvAbort = useRef<AbortController | null>(null);
  // Notes, links and contacts: fetched on demand, kept for the life of the view (per revision).
  const details = useDetailsStore(data.revision);
  // The popover is mounted from the first opening on (it is a native popover that must stay in the DOM
  // to close and hand focus back), and its code is fetched right after the first paint.
  const [popoverMounted, setPopoverMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => void loadPopover().catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, []);
  // Until capabilities answer, a reader may be signed in: ask for "who updated" rather than leave it out.
  // Who changed a cell comes from the history, which only licensed users may read.
  const signedIn = capabilities ? capabilities.accountType === 'licensed' : true;
  const filterPanelId = useId();
  const managePanelId = useId();
  const { effective, pendingKeys } = optimistic;
  const rows = useMemo(() => withCellOverrides(view.rows, effective), [view.rows, effective]);
  const participants = programme.participants;
  // The reader's region first (its column or row, and so on the first page of a wide programme); the
  // filter and the editors' lists keep the programme's order.
  // A chosen county puts its municipalities first, and its roll-up first when grouped (decision 0027).
  const choice = useMemo(() => resolveChoice(participants, chosenRegion), [participants, chosenRegion]);
  const shownOrder = useMemo(() => chosenFirst(participants, chosenCodes(choice), (p) => p.code), [participants, choice]);
  const perspective = resolvePerspective(config, rows, participants);
  // Municipalities are grouped by county unless the reader asks otherwise: 21 roll-up columns read better
  // than ten pages of 30 municipalities. Per view, like the filters and the page; not remembered.
  const groupable = perspective.kind === 'programme' && hasGroups(participants);
  const [groupedWanted, setGroupedWanted] = useState(true);
  const grouped = groupable && groupedWanted;
  // Which counties the reader opened or closed; the county of the reader's choice starts open.
  const { isExpanded, toggle: toggleGroup } = useGroupDisclosure(chosenGroup(choice));
  // A list's details are one scope of getDetails: the region across the initiatives, or the initiative's participants.
  const listScope = useListScope(
    perspective.kind === 'region' ? perspective.region.code : null,
    perspective.kind === 'initiative' ? perspective.initiative.id : null,
  );
  const filtered = useMemo(() => applyFilters(rows, shownOrder, filters), [rows, shownOrder, filters]);
  const groupedPage = useMemo(() => (grouped ? groupedAxis(filtered, isExpanded, pageIndex) : null), [grouped, filtered, isExpanded, pageIndex]);
  const paged = useMemo(() => participantPage(filtered, pageIndex), [filtered, pageIndex]);
  const grid = useMemo(
    () => (groupedPage ? toGrid(filtered, config.layout, groupedPage.axis) : toGrid(paged.view, config.layout)),
    [groupedPage, filtered, paged.view, config.layout],
  );
  const page = groupedPage ? groupedPage.page : paged.page;
  const regionsInView = useMemo(() => participantsInView(rows, participants), [rows, participants]);
  const initiativesById = useMemo(() => new Map(rows.map((r) => [r.initiative.id, r.initiative])), [rows]);
  const regionsByCode = useMemo(() => new Map(participants.map((p) => [p.code, p])), [participants]);

  const writes: CellWrites<CellView, CellDetails> = {
    begin: optimistic.begin,
    succeed: (initiativeId, cells, result) => {
      optimistic.succeed(initiativeId, cells);
      if (result.details) {
        for (const [code, saved] of Object.entries(result.details)) details.saved(initiativeId, code, saved, result.revision);
      } else {
        details.statusSaved(
          initiativeId,
          cells.map((c) => c.regionCode),
          result.revision,
        );
      }
    },
    rollback: optimistic.rollback,
  };

  // Stable across renders, so the matrix's memoised cells do not all re-render when a popover opens.
  const onActivate = useCallback(
    (gc: GridCell, el: HTMLButtonElement) => {
      const key = cellKey(gc.initiative.id, gc.region.code);
      if (editing) {
        openAction({ kind: 'cell', initiativeId: gc.initiative.id, regionCode: gc.region.code });
        return;
      }
      setPopoverMounted(true);
      setPopover((p) => (p?.key === key ? null : { key, initiativeId: gc.initiative.id, regionCode: gc.region.code, source: el }));
    },
    [editing, openAction],
  );

  const popoverTarget = useMemo<PopoverTarget | null>(() => {
    if (!popover) return null;
    const row = rows.find((r) => r.initiative.id === popover.initiativeId);
    const cell = row?.cells.find((c) => c.regionCode === popover.regionCode);
    const region = regionsByCode.get(popover.regionCode);
    if (!row || !cell || !region) return null;
    return { key: popover.key, initiative: row.initiative, region, cell, source: popover.source };
  }, [popover, rows, regionsByCode]);

  const changeFilters = (next: Filters) => {
    setFilters(next);
    setPageIndex(0);
    announce(resultText(applyFilters(rows, shownOrder, next), perspective, t));
  };

  const toggleGrouped = () => {
    setGroupedWanted(!grouped);
    setPageIndex(0);
    announce(grouped ? t('groupedOff') : t('groupedOn'));
  };

  const toggleEditing = () => {
    setEditingWanted(!editing);
    setPopover(null);
    announce(editing ? t('editOff') : t('editOn'));
  };

  const downloadCsv = async () => {
    if (csvState.phase === 'preparing') return;
    const [csv, file, { downloadCsv: saveCsv }] = await Promise.all([import('./csv'), import('../../editing/csv-file'), import('../../editing/csv-download')]);
    const fileName = file.datedCsvName(`${programme.name} ${t('csvFileName')}`, new Date());
    const save = (table: string[][]) => {
      saveCsv(table, fileName);
      setCsvState({ phase: 'idle' });
      announce(t('csvDone'));
    };
    if (!listScope || (perspective.kind !== 'region' && perspective.kind !== 'initiative')) {
      // The matrix says statuses only: everything is in the view.
      save(csv.matrixTable(toGrid(filtered, config.layout), locale, t));
      return;
    }
    const by = perspective.kind;
    // The lines as the reader sees them now; their notes and links are read (every page) before the file is made.
    const shown = filtered;
    const lookup: DetailsLookup = (initiativeId, regionCode, hasDetails) => details.lookup(initiativeId, regionCode, hasDetails)?.cell;
    const abort = new AbortController();
    csvAbort.current = abort;
    // A save in this view meanwhile starts the read again for the new revision; twice is plenty.
    for (let attempt = 0; attempt < 3; attempt++) {
      const table = csv.listTable(shown, by, locale, t, lookup);
      if (table) {
        csvAbort.current = null;
        save(table);
        return;
      }
      if (attempt === 0) {
        setCsvState({ phase: 'preparing' });
        announce(t('csvPreparing', { count: 0 }));
      }
      const res = await details.load(listScope, { signal: abort.signal });
      if (abort.signal.aborted) {
        setCsvState({ phase: 'idle' });
        announce(t('csvCancelled'));
        return;
      }
      if (!res.ok && 'error' in res) {
        csvAbort.current = null;
        setCsvState({ phase: 'failed', error: res.error });
        announce(t('csvFailed'));
        return;
      }
    }
    csvAbort.current = null;
    setCsvState({ phase: 'failed', error: { code: 'INTERNAL', message: 'The details kept changing while the CSV was made' } });
    announce(t('csvFailed'));
  };

  const cancelCsv = () => csvAbort.current?.abort();

  const filterCount = filters.regions.length + filters.initiatives.length + filters.statuses.length;
  const editorDialogs = (
    <EditorHost
      current={action}
      render={(a) => <EditorDialogs action={a} rows={rows} regions={participants} details={details} writes={writes} reload={reload} onClose={closeAction} />}
    />
  );

  // A perspective naming something the programme does not have is not an empty programme.
  if (perspective.kind === 'missing') {
    return (
      <div className="rs">
        <SectionMessage appearance="warning" title={perspective.what === 'region' ? t('regionNotFound') : t('initiativeNotFound')} />
      </div>
    );
  }

  if (view.rows.length === 0) {
    return (
      <div className="rs">
        <EmptyState
          headingLevel={3}
          title={canEdit ? t('noInitiativesEditor') : t('noInitiatives')}
          actions={
            canEdit ? (
              <Button appearance="primary" onClick={() => openAction({ kind: 'initiative', initiativeId: null })}>
                {t('addInitiative')}
              </Button>
            ) : undefined
          }
        />
        {editorDialogs}
      </div>
    );
  }

  const caption =
    perspective.kind === 'region'
      ? t('regionTitle', { region: perspective.region.name })
      : perspective.kind === 'initiative'
        ? t('initiativeTitle', { initiative: perspective.initiative.name })
        : t('caption');

  return (
    <div className={`rs${editing ? ' rs--editing' : ''}`}>
      <div className="rs-toolbar io-no-print">
        <div className="rs-toolbar__group">
          <Button aria-expanded={filtersOpen} aria-controls={filterPanelId} onClick={() => setFiltersOpen(!filtersOpen)} iconBefore={<FilterIcon />}>
            {filterCount > 0 ? t('filtersButtonActive', { count: filterCount }) : t('filtersButton')}
          </Button>
          <Button onClick={() => void downloadCsv()} iconBefore={<DownloadIcon />} isLoading={csvState.phase === 'preparing'}>
            {t('csvButton')}
          </Button>
          {csvState.phase === 'preparing' && listScope ? <CsvProgress details={details} scope={listScope} onCancel={cancelCsv} /> : null}
          {groupable ? (
            <Button aria-pressed={grouped} appearance={grouped ? 'primary' : 'default'} onClick={toggleGrouped}>
              {t('groupedToggle')}
            </Button>
          ) : null}
        </div>
        {canEdit ? (
          <div className="rs-toolbar__group">
            <Button aria-pressed={editing} appearance={editing ? 'primary' : 'default'} onClick={toggleEditing} iconBefore={<PencilIcon />}>
              {t('editToggle')}
            </Button>
            {editing ? (
              <>
                <Button onClick={() => openAction({ kind: 'bulk', initiativeId: perspective.kind === 'initiative' ? perspective.initiative.id : null })}>
                  {t('bulkButton')}
                </Button>
                <Button aria-expanded={manageOpen} aria-controls={managePanelId} onClick={() => setManageOpen(!manageOpen)}>
                  {t('manageButton')}
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      {csvState.phase === 'failed' ? (
        <ErrorMessage error={csvState.error} title={t('csvFailed')} alert onRetry={() => void downloadCsv()} onClose={() => setCsvState({ phase: 'idle' })} />
      ) : null}

      {filtersOpen ? (
        <Suspense fallback={null}>
          <FilterPanel
            id={filterPanelId}
            filters={filters}
            onChange={changeFilters}
            regions={regionsInView}
            initiatives={rows.map((r) => r.initiative)}
            showRegions={perspective.kind !== 'region'}
            showInitiatives={perspective.kind !== 'initiative'}
          />
        </Suspense>
      ) : null}

      {isFiltering(filters) ? (
        <div className="rs-count">
          <p>{resultText(filtered, perspective, t)}</p>
          <Button appearance="subtle" onClick={() => changeFilters(NO_FILTERS)}>
            {t('filterClearAll')}
          </Button>
        </div>
      ) : null}

      {editing && manageOpen ? (
        <div id={managePanelId}>
          <Suspense fallback={null}>
            <ManagePanel
              initiatives={rows.map((r) => r.initiative)}
              showsArchived={config.showArchived}
              reload={reload}
              onAdd={() => openAction({ kind: 'initiative', initiativeId: null })}
              onEditDetails={(i) => openAction({ kind: 'initiative', initiativeId: i.id })}
              onHistory={(i) => openAction({ kind: 'history', initiativeId: i.id, regionCode: null, initiative: i })}
            />
          </Suspense>
        </div>
      ) : null}

      {filtered.rows.length === 0 ? (
        <p className="rs-no-matches">{t('noMatches')}</p>
      ) : perspective.kind === 'programme' ? (
        <>
          {page ? (
            <PageNav
              page={page}
              onChange={(index) => {
                setPageIndex(index);
                const p = grouped ? groupedAxis(filtered, isExpanded, index)?.page : participantPage(filtered, index).page;
                if (p) announce(t(p.unit === 'groups' ? 'pageStatusGroups' : 'pageStatus', { from: p.start + 1, to: p.end, total: p.total }));
              }}
            />
          ) : null}
          <MatrixTable
            grid={grid}
            caption={caption}
            editing={editing}
            anchorKey={popover?.key ?? null}
            pendingKeys={pendingKeys}
            onActivate={onActivate}
            chosenRegion={chosenRegion}
            onToggleGroup={toggleGroup}
            municipalities={groupable}
          />
        </>
      ) : (
        <ListTable
          view={filtered}
          by={perspective.kind}
          details={details}
          detailsScope={listScope!}
          caption={caption}
          editing={editing}
          anchorKey={popover?.key ?? null}
          pendingKeys={pendingKeys}
          onActivate={onActivate}
          chosenRegion={perspective.kind === 'initiative' ? chosenRegion : null}
        />
      )}

      <div className="rs-below">
        <StatusTotals totals={filtered.totals} stalenessDays={programme.stalenessDays} />
        <StaleList
          entries={currentStaleEntries(view.stale, effective)}
          initiatives={initiativesById}
          regions={regionsByCode}
          stalenessDays={programme.stalenessDays}
          onOpen={
            canEdit
              ? (initiativeId, regionCode) =>
                  openAction(regionCode ? { kind: 'cell', initiativeId, regionCode } : { kind: 'initiative', initiativeId })
              : undefined
          }
        />
      </div>

      {popoverMounted || popoverTarget ? (
        <Suspense fallback={null}>
          <CellPopover
            target={popoverTarget}
            stalenessDays={programme.stalenessDays}
            canEdit={canEdit}
            signedIn={signedIn}
            details={details}
            onClose={(key) => setPopover((p) => (p?.key === key ? null : p))}
            onEdit={(target) => {
              target.source.focus();
              setPopover(null);
              openAction({ kind: 'cell', initiativeId: target.initiative.id, regionCode: target.region.code });
            }}
            onHistory={(target) => {
              target.source.focus();
              setPopover(null);
              openAction({ kind: 'history', initiativeId: target.initiative.id, regionCode: target.region.code });
            }}
          />
        </Suspense>
      ) : null}
      {editorDialogs}
    </div>
  );
}

/** The getDetails scope that holds a list perspective's details; null for the matrix. Stable per perspective. */
function useListScope(regionCode: string | null, initiativeId: string | null): DetailsScope | null {
  return useMemo<DetailsScope | null>(() => {
    if (regionCode !== null) return { kind: 'region', regionCode };
    if (initiativeId !== null) return { kind: 'initiative', initiativeId };
    return null;
  }, [regionCode, initiativeId]);
}

/** How far the CSV's details have come, and a way out. Its own component: only it re-renders per page. */
function CsvProgress({ details, scope, onCancel }: { details: DetailsStore; scope: DetailsScope; onCancel(): void }) {
  const { t, i18n } = useText();
  useDetailsVersion(details);
  const state = details.scopeState(scope);
  return (
    <span className="rs-csv-progress">
      <span className="rs-csv-progress__text">{t('csvPreparing', { count: state.status === 'loading' ? state.fetched : 0 })}</span>
      <Button appearance="subtle" aria-label={t('csvCancel')} onClick={onCancel}>
        {i18n.t('cancel')}
      </Button>
    </span>
  );
}

function resultText(view: FilteredView, perspective: Perspective, t: ReturnType<typeof useText>['t']): string {
  if (view.rows.length === 0) return t('noMatches');
  if (perspective.kind === 'region') return t('resultCountRegion', { rows: view.rows.length });
  if (perspective.kind === 'initiative') return t('resultCountInitiative', { regions: view.regions.length });
  return t('resultCount', { rows: view.rows.length, regions: view.regions.length });
}

function FilterIcon() {
  return (
    <svg className="io-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M2 3h12l-4.5 5.5V13l-3 1.5v-6z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

function DownloadIcon() {
  return (
    <svg className="io-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function PencilIcon() {
  return (
    <svg className="io-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M11 2.5l2.5 2.5L6 12.5 3 13l.5-3z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}
