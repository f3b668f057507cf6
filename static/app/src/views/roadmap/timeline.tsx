import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ConsistencyWarning } from '@shared/contract';
import type { RolloutStatus } from '@shared/vocabulary';
import { useI18n, useMessages } from '../../i18n';
import { BarPopover, type BarDetails } from './bar-popover';
import { roadmapMessages } from './messages';
import { BAR_KEYS, makeAxis, nextBar, todayLabel, todayX, windowBar, type Bar, type BarKey, type BarRef } from './timeline-model';

export interface TimelineRow {
  key: string;
  /** Short name, drawn in the label column. */
  label: string;
  /** Full name, in the bars' accessible names and the popover. */
  name: string;
  national: boolean;
  pilot: [string | null, string | null];
  broad: [string | null, string | null];
  /** Participant rows only. */
  status: RolloutStatus | null;
  warnings: ReadonlyArray<ConsistencyWarning>;
  /** The reader's region: tinted, with a bar at its start and its label in bold (the table names it in words). */
  chosen: boolean;
  /**
   * A county's roll-up row (decision 0027): its bars span its municipalities' plans, are disclosure buttons
   * (Enter, Space or a click shows or hides the municipalities) and say in words how many have a plan.
   */
  group?: { code: string; expanded: boolean; pilotText: string; broadText: string };
  /** A municipality under its open county: the label is indented. */
  member?: boolean;
}

// roadmap.css repeats LABEL_WIDTH, AXIS_HEIGHT and ROW_HEIGHT for the edit-mode row buttons.
const LABEL_WIDTH = 150;
const QUARTER_WIDTH = 66;
/** Two lanes: quarter labels (to y 20), then the "today" label (to y 38), so the two never meet. */
const AXIS_HEIGHT = 40;
const QUARTER_LANE = 20;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 9;
/** Room after the last quarter, so its gridline and label are never cut off. */
const RIGHT_PAD = 12;
/** Generous estimate of the "today" label's width at 11px (no measuring: the drawing renders once). */
const TODAY_LABEL_WIDTH = 44;
/** How long a bar's details stay after the pointer leaves it, so the pointer can move onto them. */
const HOVER_GRACE_MS = 300;

interface DrawnBar extends BarRef {
  bar: Bar;
  rowKey: string;
  y: number;
}

/**
 * The quarter-by-quarter drawing. Pilot and broad rollout differ by shape and position as well as colour:
 * the pilot is an outlined bar in the upper half of a row, broad rollout a solid bar in the lower half.
 *
 * Keyboard model (decision 0023): the bars are one tab stop per timeline (roving tabindex); the arrow keys
 * move between them in reading order, row by row, pilot before broad; Home and End go to the first and
 * last. Each bar has an accessible name ("Region Skåne: pilot March 2026 – June 2026") and shows its
 * details in a popover on hover and focus; Escape hides them and focus stays. In edit mode Enter, Space
 * or a click on a bar opens its row's window form. Everything is also in the table next to the drawing.
 */
export function Timeline({
  quarters,
  rows,
  now,
  label,
  helpId,
  onEdit,
  onToggleGroup,
}: {
  quarters: string[];
  rows: TimelineRow[];
  now: Date;
  label: string;
  /** The keyboard help in the legend, shown once for all timelines. */
  helpId: string;
  /** In edit mode: each row's label becomes a button, and each bar opens the row's window form. */
  onEdit?: ((rowKey: string) => void) | null;
  /** Shows or hides a county's municipalities (its rows carry `group`). */
  onToggleGroup?: ((code: string) => void) | null;
}) {
  const { formatQuarter, formatMonth } = useI18n();
  const tv = useMessages(roadmapMessages);
  const popoverId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const axis = useMemo(() => makeAxis(quarters, { left: LABEL_WIDTH, quarterWidth: QUARTER_WIDTH }), [quarters]);

  const bars = useMemo<DrawnBar[]>(() => {
    if (!axis) return [];
    const out: DrawnBar[] = [];
    rows.forEach((row, i) => {
      const y = AXIS_HEIGHT + i * ROW_HEIGHT;
      const pilot = windowBar(axis, row.pilot[0], row.pilot[1]);
      const broad = windowBar(axis, row.broad[0], row.broad[1]);
      if (pilot) out.push({ id: `${row.key}:pilot`, row: i, kind: 'pilot', bar: pilot, rowKey: row.key, y: y + 3 });
      if (broad) out.push({ id: `${row.key}:broad`, row: i, kind: 'broad', bar: broad, rowKey: row.key, y: y + 5 + BAR_HEIGHT + 1 });
    });
    return out;
  }, [axis, rows]);

  // Roving tabindex: the bar that takes Tab; the first bar until the reader moves.
  const [active, setActive] = useState<string | null>(null);
  const activeId = active && bars.some((b) => b.id === active) ? active : (bars[0]?.id ?? null);
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [overPopover, setOverPopover] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [lastShown, setLastShown] = useState<string | null>(null);
  const hideTimer = useRef<number | null>(null);

  const wanted = overPopover ? lastShown : (hovered ?? focused);
  const shown = wanted !== null && wanted !== dismissed && bars.some((b) => b.id === wanted) ? wanted : null;

  const cancelHide = () => {
    if (hideTimer.current !== null) window.clearTimeout(hideTimer.current);
    hideTimer.current = null;
  };
  const hideSoon = (then: () => void) => {
    cancelHide();
    hideTimer.current = window.setTimeout(then, HOVER_GRACE_MS);
  };
  useEffect(() => cancelHide, []);

  // Escape hides the details wherever focus is (a hovered bar need not have it), and moves nothing.
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setDismissed(shown);
      setOverPopover(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);

  const barElement = useCallback((id: string | null) => (id ? (svgRef.current?.querySelector(`[data-bar="${CSS.escape(id)}"]`) ?? null) : null), []);

  const period = (start: string | null, end: string | null) => {
    if (start && end) return tv('range', { start: formatMonth(start), end: formatMonth(end) });
    if (start) return tv('fromMonth', { start: formatMonth(start) });
    return tv('notPlanned');
  };
  const detailsOf = (b: DrawnBar): BarDetails => {
    const row = rows[b.row];
    const [start, end] = b.kind === 'pilot' ? row.pilot : row.broad;
    const note = row.group ? (b.kind === 'pilot' ? row.group.pilotText : row.group.broadText) : undefined;
    return { name: row.name, kind: b.kind, period: period(start, end), status: row.status, warnings: row.warnings, note, group: !!row.group };
  };
  const barName = (b: DrawnBar) => {
    const d = detailsOf(b);
    const name = tv('barName', { participant: d.name, kind: tv(b.kind === 'pilot' ? 'kindPilot' : 'kindBroad'), period: d.period });
    return d.note ? `${name}. ${d.note}` : name;
  };
  const groupOf = (b: DrawnBar) => rows[b.row]?.group ?? null;
  const activate = (b: DrawnBar) => {
    const group = groupOf(b);
    if (group) onToggleGroup?.(group.code);
    else onEdit?.(b.rowKey);
  };

  if (!axis) return null;
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 4;
  const width = axis.width + RIGHT_PAD;
  const today = todayX(axis, now);
  const todayText = today !== null ? todayLabel(axis, today, TODAY_LABEL_WIDTH) : null;
  const shownBar = shown ? (bars.find((b) => b.id === shown) ?? null) : null;

  const onKeyDown = (e: KeyboardEvent<SVGElement>, b: DrawnBar) => {
    if (BAR_KEYS.includes(e.key)) {
      e.preventDefault();
      const to = nextBar(bars, b.id, e.key as BarKey);
      setActive(to);
      (barElement(to) as SVGElement | null)?.focus();
    } else if ((groupOf(b) ? onToggleGroup : onEdit) && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      activate(b);
    }
  };

  return (
    <>
      {/* Keyboard users scroll the drawing by moving through its bars; without bars the region itself takes focus. */}
      <div className="io-timeline-scroll" {...(bars.length === 0 ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
        <div className="io-tl__frame">
          <svg ref={svgRef} className="io-tl" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} aria-describedby={helpId} focusable="false">
            <g aria-hidden="true">
              {rows.map((row, i) =>
                row.national ? (
                  <rect key={`bg-${row.key}`} className="io-tl__national-bg" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={width} height={ROW_HEIGHT} />
                ) : row.chosen ? (
                  <g key={`bg-${row.key}`}>
                    <rect className="io-tl__chosen-bg" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={width} height={ROW_HEIGHT} />
                    <rect className="io-tl__chosen-bar" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={3} height={ROW_HEIGHT} />
                  </g>
                ) : null,
              )}
              {quarters.map((q, i) => {
                const x = LABEL_WIDTH + i * QUARTER_WIDTH;
                const grid = q.endsWith('Q1') ? 'io-tl__grid io-tl__grid--year' : 'io-tl__grid';
                return (
                  <g key={q}>
                    {/* The gridline leaves the "today" lane free, so the label never meets it. */}
                    <line className={grid} x1={x} y1={2} x2={x} y2={QUARTER_LANE} />
                    <line className={grid} x1={x} y1={AXIS_HEIGHT} x2={x} y2={height} />
                    <text className="io-tl__axis-label" x={x + QUARTER_WIDTH / 2} y={15} textAnchor="middle">
                      {formatQuarter(q)}
                    </text>
                  </g>
                );
              })}
              <line className="io-tl__grid" x1={axis.width} y1={2} x2={axis.width} y2={QUARTER_LANE} />
              <line className="io-tl__grid" x1={axis.width} y1={AXIS_HEIGHT} x2={axis.width} y2={height} />
              {rows.map((row, i) => {
                const y = AXIS_HEIGHT + i * ROW_HEIGHT;
                return (
                  <g key={row.key} data-row={row.key}>
                    <line className="io-tl__row-line" x1={0} y1={y + ROW_HEIGHT} x2={width} y2={y + ROW_HEIGHT} />
                    {onEdit ? null : (
                      <text
                        className={row.national ? 'io-tl__label io-tl__label--national' : row.chosen || row.group ? 'io-tl__label io-tl__label--chosen' : 'io-tl__label'}
                        x={(row.chosen ? 7 : 4) + (row.member ? 10 : 0)}
                        y={y + 17}
                      >
                        {row.group ? `${row.group.expanded ? '▾' : '▸'} ${row.label}` : row.label}
                      </text>
                    )}
                    {row.warnings.length > 0 ? <path className="io-tl__warning" d={`M${LABEL_WIDTH - 16} ${y + 18}l5 -10l5 10z`} /> : null}
                  </g>
                );
              })}
              {today !== null && todayText ? (
                <g>
                  <line className="io-tl__today" x1={today} y1={QUARTER_LANE + 2} x2={today} y2={height} />
                  <text className="io-tl__today-label" x={todayText.x} y={34} textAnchor={todayText.anchor}>
                    {tv('today')}
                  </text>
                </g>
              ) : null}
            </g>
            {bars.map((b) => {
              const group = groupOf(b);
              const button = group ? !!onToggleGroup : !!onEdit;
              return (
              <rect
                key={b.id}
                data-bar={b.id}
                data-row={b.rowKey}
                className={`io-tl__bar io-tl__${b.kind}${b.bar.openEnded ? ' io-tl__bar--open' : ''}`}
                x={b.bar.x + 1}
                y={b.y}
                width={Math.max(b.bar.width - 2, 2)}
                height={BAR_HEIGHT}
                rx={1.5}
                role={button ? 'button' : 'img'}
                aria-label={barName(b)}
                aria-describedby={shown === b.id ? popoverId : undefined}
                aria-haspopup={onEdit && !group ? 'dialog' : undefined}
                aria-expanded={group && onToggleGroup ? group.expanded : undefined}
                tabIndex={b.id === activeId ? 0 : -1}
                onFocus={() => {
                  setActive(b.id);
                  setFocused(b.id);
                  setDismissed(null);
                }}
                onBlur={() => setFocused((f) => (f === b.id ? null : f))}
                onPointerEnter={() => {
                  cancelHide();
                  setHovered(b.id);
                  setDismissed(null);
                }}
                onPointerLeave={() => hideSoon(() => setHovered((h) => (h === b.id ? null : h)))}
                onKeyDown={(e) => onKeyDown(e, b)}
                onClick={button ? () => activate(b) : undefined}
              />
              );
            })}
            {/* Drawn over the bar (an outline on an SVG shape is not drawn everywhere). */}
            {focused
              ? bars
                  .filter((b) => b.id === focused)
                  .map((b) => (
                    <rect key="focus" className="io-tl__focus-ring" aria-hidden="true" x={b.bar.x - 2} y={b.y - 3} width={Math.max(b.bar.width - 2, 2) + 6} height={BAR_HEIGHT + 6} rx={3} />
                  ))
              : null}
          </svg>
          {onEdit ? (
            // The row labels become real buttons, in row order, after the bars.
            // Laid out by roadmap.css (no inline styles under Forge's CSP): it knows AXIS_HEIGHT and ROW_HEIGHT.
            <ul className="io-tl__edit">
              {rows.map((row) =>
                row.group ? (
                  // A county has no window of its own to edit: its label opens and closes it here too.
                  <li key={row.key}>
                    <button
                      type="button"
                      className="io-tl__edit-button io-tl__label--chosen"
                      aria-expanded={row.group.expanded}
                      data-row={row.key}
                      onClick={() => onToggleGroup?.(row.group!.code)}
                    >
                      <span aria-hidden="true">{row.group.expanded ? '▾ ' : '▸ '}</span>
                      {row.label}
                    </button>
                  </li>
                ) : (
                  <li key={row.key} className={row.member ? 'io-tl__edit-member' : undefined}>
                    <button
                      type="button"
                      className={row.national ? 'io-tl__edit-button io-tl__label--national' : row.chosen ? 'io-tl__edit-button io-tl__label--chosen' : 'io-tl__edit-button'}
                      aria-label={tv('editRowName', { region: row.label })}
                      data-row={row.key}
                      onClick={() => onEdit(row.key)}
                    >
                      {row.label}
                    </button>
                  </li>
                ),
              )}
            </ul>
          ) : null}
        </div>
      </div>
      <BarPopover
        id={popoverId}
        details={shownBar ? detailsOf(shownBar) : null}
        barId={shownBar?.id ?? null}
        sourceOf={barElement}
        editing={!!onEdit}
        onPointerEnter={() => {
          cancelHide();
          // The bar whose details these are stays the one shown while the pointer is on them.
          setLastShown(shown);
          setOverPopover(true);
        }}
        onPointerLeave={() => {
          setOverPopover(false);
          hideSoon(() => setHovered(null));
        }}
      />
    </>
  );
}
