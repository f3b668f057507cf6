import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES } from '@shared/vocabulary';
import { GroupToggle } from '../../components/group-toggle';
import { RolloutStatusIcon } from '../../components/status-icon';
import { useProgressiveList } from '../progressive';
import { ScrollRegion } from '../../components/scroll-region';
import { CellButton } from '../../editing/cell-button';
import { YourRegionTag } from '../../shell/region-chooser';
import { InitiativeName } from './initiative-name';
import { cellNameParts } from './labels';
import { renderStatus } from './status-face';
import { useStatusLabels } from './use-status-labels';
import { useText } from './use-text';
import { cellKey, isRollup, type AxisItem, type Grid, type GridCell, type RollupCell, type RowSummary } from './view-model';

/** Rows in the first paint: more than the scroll box (36rem) shows at once (see useProgressiveList). */
const FIRST_PAINT_ROWS = 16;

export interface MatrixTableProps {
  grid: Grid;
  caption: string;
  editing: boolean;
  anchorKey: string | null;
  pendingKeys: ReadonlySet<string>;
  onActivate(cell: GridCell, el: HTMLButtonElement): void;
  /** The reader's region (or county): its column or row (first, as the view orders it) is marked. */
  chosenRegion?: string | null;
  /** Grouped by county: a county's disclosure button was pressed. */
  onToggleGroup?(code: string): void;
  /** The participants are municipalities (they have counties): the summaries count "kommuner". */
  municipalities?: boolean;
}

/**
 * The matrix as a real table. Sticky header row and first column; at narrow widths the table scrolls
 * sideways inside a focusable, labelled region (WCAG 1.4.10). Only one cell is in the Tab order at a
 * time and the arrow keys move between cells, so a keyboard user does not tab through a thousand cells.
 */
export function MatrixTable({ grid, caption, editing, anchorKey, pendingKeys, onActivate, chosenRegion = null, onToggleGroup, municipalities = false }: MatrixTableProps) {
  const { t } = useText();
  const statusLabels = useStatusLabels();
  const captionId = useId();
  const hintId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const rowCount = grid.rows.length;
  const colCount = grid.columns.length;
  // The grid changes under filters; keep the Tab stop on a cell that exists.
  const clampedR = Math.min(active.r, Math.max(0, rowCount - 1));
  const clampedC = Math.min(active.c, Math.max(0, colCount - 1));
  // The Tab stop must be a cell with a button: a county's roll-up or a filtered-out cell has none, and
  // without this a grouped matrix (the roll-up first) or a status filter left no cell reachable by Tab.
  const [activeR, activeC] = hasButton(grid.rows[clampedR]?.cells[clampedC]) ? [clampedR, clampedC] : firstButtonCell(grid);
  const initiativesAsRows = grid.layout === 'initiatives-as-rows';
  const shownRows = useProgressiveList(grid.rows, FIRST_PAINT_ROWS);

  // Stable handlers, so that memoised cells re-render only when their own props change.
  const activate = useCallback(
    (el: HTMLButtonElement) => {
      const gc = grid.rows[Number(el.dataset.r)]?.cells[Number(el.dataset.c)];
      if (gc && !isRollup(gc)) onActivate(gc, el);
    },
    [grid, onActivate],
  );
  const onCellFocus = useCallback((r?: number, c?: number) => {
    if (r === undefined || c === undefined) return;
    setActive((a) => (a.r === r && a.c === c ? a : { r, c }));
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLButtonElement>) => {
      const table = tableRef.current;
      const cellAt = (r: number, c: number) => table?.querySelector<HTMLButtonElement>(`button[data-r="${r}"][data-c="${c}"]`) ?? null;
      /** The nearest cell with a button in the given direction (filtered-out cells have none). */
      const move = (r: number, c: number, dr: number, dc: number) => {
        for (let nr = r + dr, nc = c + dc; nr >= 0 && nr < rowCount && nc >= 0 && nc < colCount; nr += dr, nc += dc) {
          const el = cellAt(nr, nc);
          if (el) {
            el.focus();
            return;
          }
        }
      };
      const r = Number(e.currentTarget.dataset.r);
      const c = Number(e.currentTarget.dataset.c);
      const keys: Record<string, () => void> = {
        ArrowRight: () => move(r, c, 0, 1),
        ArrowLeft: () => move(r, c, 0, -1),
        ArrowDown: () => move(r, c, 1, 0),
        ArrowUp: () => move(r, c, -1, 0),
        Home: () => (e.ctrlKey ? move(-1, 0, 1, 0) : move(r, -1, 0, 1)),
        End: () => (e.ctrlKey ? move(rowCount, colCount - 1, -1, 0) : move(r, colCount, 0, -1)),
      };
      const action = keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    },
    [rowCount, colCount],
  );

  return (
    <>
      {/* The title sits outside the scroller so it wraps at narrow widths instead of scrolling away. */}
      <h3 id={captionId} className="rs-table-title">
        {caption}
      </h3>
      <ScrollRegion labelledBy={captionId} describedBy={hintId}>
        <p className="io-visually-hidden" id={hintId}>
          {t('scrollHint')}
        </p>
        <table className="io-table rs-matrix" ref={tableRef}>
          <caption className="io-visually-hidden">{caption}</caption>
          {/* Fixed column widths: the browser lays out a thousand-cell table without measuring every cell. */}
          <colgroup>
            <col className="rs-colw-head" />
            {/* The summary comes right after the initiative, so it is on screen before any sideways scrolling. */}
            {initiativesAsRows ? <col className="rs-colw-summary" /> : null}
            {grid.columns.map((col) => (
              <col key={col.key} className={col.kind === 'initiative' ? 'rs-colw-initiative' : 'rs-colw-region'} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="rs-corner">
                {initiativesAsRows ? t('columnInitiative') : t('columnRegion')}
              </th>
              {initiativesAsRows ? (
                <th scope="col" className="rs-summary-head">
                  {t('columnSummary')}
                </th>
              ) : null}
              {grid.columns.map((col) => (
                <ColumnHeader key={col.key} item={col} chosen={isChosen(col, chosenRegion)} onToggleGroup={onToggleGroup} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((row, r) => (
              <tr key={row.header.key} className={rowClass(row.header, chosenRegion)}>
                <RowHeader item={row.header} chosen={isChosen(row.header, chosenRegion)} onToggleGroup={onToggleGroup} />
                {row.header.kind === 'initiative' ? (
                  <td className="rs-summary">
                    <SummaryText summary={row.header.summary} municipalities={municipalities} />
                  </td>
                ) : null}
                {row.cells.map((gc, c) => {
                  const column = grid.columns[c]!;
                  const key = column.key;
                  const inChosenColumn = initiativesAsRows && isChosen(column, chosenRegion);
                  if (!gc) {
                    return (
                      <td key={key} className={`rs-cell rs-cell--empty${inChosenColumn ? ' io-chosen-cell' : ''}`}>
                        <span aria-hidden="true">–</span>
                        <span className="io-visually-hidden">{t('noCell')}</span>
                      </td>
                    );
                  }
                  if (isRollup(gc)) {
                    return (
                      <td key={key} className={`rs-cell rs-rollup${inChosenColumn ? ' io-chosen-cell' : ''}`}>
                        <RollupFace cell={gc} />
                      </td>
                    );
                  }
                  if (!gc.matches) {
                    return (
                      <td key={key} className={`rs-cell rs-cell--filtered${inChosenColumn ? ' io-chosen-cell' : ''}`}>
                        <span aria-hidden="true">·</span>
                        <span className="io-visually-hidden">{t('filteredOut')}</span>
                      </td>
                    );
                  }
                  const k = cellKey(gc.initiative.id, gc.region.code);
                  const pending = pendingKeys.has(k);
                  return (
                    <td key={key} className={`rs-cell${inChosenColumn ? ' io-chosen-cell' : ''}`}>
                      <CellButton
                        value={gc.cell.status}
                        renderValue={renderStatus}
                        stale={gc.cell.stale}
                        warningCount={gc.cell.warnings.length}
                        name={cellNameParts(gc.cell, { region: gc.region.name, initiative: gc.initiative.name }, { editing, pending }, t)}
                        label={statusLabels[gc.cell.status]}
                        editing={editing}
                        isAnchor={anchorKey === k}
                        pending={pending}
                        compact
                        row={r}
                        col={c}
                        tabIndex={r === activeR && c === activeC ? 0 : -1}
                        onKeyDown={onKeyDown}
                        onFocus={onCellFocus}
                        onActivate={activate}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {!initiativesAsRows ? (
            <tfoot>
              <tr>
                <th scope="row" className="rs-row-head">
                  {t('summaryRow')}
                </th>
                {grid.columns.map((col) =>
                  col.kind === 'initiative' ? (
                    <td key={col.key} className="rs-summary">
                      <span aria-hidden="true">{t('liveOfShort', { live: col.summary.counts.live, total: col.summary.total })}</span>
                      <span className="io-visually-hidden">
                        <SummaryText summary={col.summary} municipalities={municipalities} />
                      </span>
                    </td>
                  ) : (
                    <td key={col.key} />
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
    </ScrollRegion>
    </>
  );
}

function hasButton(cell: GridCell | RollupCell | null | undefined): boolean {
  return cell != null && !isRollup(cell) && cell.matches;
}

/** The first cell, row by row, that is a button; (0, 0) when there is none. */
function firstButtonCell(grid: Grid): [number, number] {
  for (let r = 0; r < grid.rows.length; r++) {
    const c = grid.rows[r]!.cells.findIndex(hasButton);
    if (c >= 0) return [r, c];
  }
  return [0, 0];
}

/** A county's or participant's column or row is the reader's choice. */
function isChosen(item: AxisItem, chosen: string | null): boolean {
  if (chosen === null) return false;
  if (item.kind === 'region') return item.key === chosen;
  return item.kind === 'group' && item.group.code === chosen;
}

function rowClass(item: AxisItem, chosen: string | null): string | undefined {
  const classes = [isChosen(item, chosen) ? 'io-chosen' : '', item.kind === 'group' ? 'rs-group-row' : ''].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

type HeaderProps = { item: AxisItem; chosen: boolean; onToggleGroup?: (code: string) => void };

function ColumnHeader({ item, chosen, onToggleGroup }: HeaderProps) {
  if (item.kind === 'group') {
    return (
      <th scope="col" className={`rs-col-head rs-group-head${chosen ? ' io-chosen-cell rs-col-head--chosen' : ''}`}>
        <GroupToggle group={item.group} expanded={item.expanded} onToggle={onToggleGroup} />
        {chosen ? <YourRegionTag /> : null}
      </th>
    );
  }
  if (item.kind === 'region') {
    // The short name fits the column; the full official name is what assistive technology reads.
    return (
      <th scope="col" className={chosen ? 'rs-col-head io-chosen-cell rs-col-head--chosen' : 'rs-col-head'} title={item.region.name}>
        <span aria-hidden="true">{item.region.short || item.region.name}</span>
        <span className="io-visually-hidden">{item.region.name}</span>
        {chosen ? <YourRegionTag /> : null}
      </th>
    );
  }
  return (
    <th scope="col" className="rs-col-head rs-col-head--initiative">
      <InitiativeName initiative={item.initiative} showUpdated />
    </th>
  );
}

function RowHeader({ item, chosen, onToggleGroup }: HeaderProps) {
  if (item.kind === 'group') {
    return (
      <th scope="row" className="rs-row-head rs-group-head">
        <GroupToggle group={item.group} expanded={item.expanded} onToggle={onToggleGroup} />
        {chosen ? <YourRegionTag /> : null}
      </th>
    );
  }
  if (item.kind === 'region') {
    return (
      <th scope="row" className="rs-row-head">
        {item.region.name}
        {chosen ? <YourRegionTag /> : null}
      </th>
    );
  }
  return (
    <th scope="row" className="rs-row-head">
      <InitiativeName initiative={item.initiative} showStale showUpdated />
    </th>
  );
}

export function SummaryText({ summary, municipalities = false }: { summary: RowSummary; municipalities?: boolean }) {
  const { t } = useText();
  const declined = summary.counts.declined;
  return (
    <>
      {t(municipalities ? 'rollupLiveOf' : 'liveOf', { live: summary.counts.live, total: summary.total })}
      {declined > 0 ? `, ${t('declinedCount', { count: declined })}` : ''}
    </>
  );
}

/**
 * Where an initiative meets a county: "12 av 33" with the live shape, then each other status that occurs
 * with its shape and count, so a status is told by shape and number, never by colour alone. Assistive
 * technology reads it in words: "Infört i 12 av 33 kommuner, Pilot (tidigt införande): 3".
 */
export function RollupFace({ cell }: { cell: RollupCell }) {
  const { t, i18n } = useText();
  const label = i18n.label;
  const { counts, total } = cell.rollUp;
  const others = ROLLOUT_STATUSES.filter((s) => s !== 'live' && counts[s] > 0);
  const spoken = [t('rollupLiveOf', { live: counts.live, total }), ...others.map((s) => t('rollupStatus', { status: label(ROLLOUT_STATUS_LABELS, s), count: counts[s] }))];
  return (
    <>
      <span className="rs-rollup__face" aria-hidden="true">
        <span className="rs-rollup__live" data-status="live">
          <RolloutStatusIcon status="live" />
          {t('liveOfShort', { live: counts.live, total })}
        </span>
        {others.length > 0 ? (
          <span className="rs-rollup__others">
            {others.map((s) => (
              <span key={s} className="rs-rollup__status" data-status={s} title={label(ROLLOUT_STATUS_LABELS, s)}>
                <RolloutStatusIcon status={s} />
                {counts[s]}
              </span>
            ))}
          </span>
        ) : null}
      </span>
      <span className="io-visually-hidden">{spoken.join(', ')}</span>
    </>
  );
}
