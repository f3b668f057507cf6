import { useI18n, useMessages } from '../../i18n';
import { roadmapMessages } from './messages';
import { makeAxis, todayX, windowBar, type Bar } from './timeline-model';

export interface TimelineRow {
  key: string;
  label: string;
  national: boolean;
  pilot: [string | null, string | null];
  broad: [string | null, string | null];
  warning: boolean;
  /** The reader's region: tinted, with a bar at its start and its label in bold (the table names it in words). */
  chosen: boolean;
}

// roadmap.css repeats LABEL_WIDTH, AXIS_HEIGHT and ROW_HEIGHT for the edit-mode row buttons.
const LABEL_WIDTH = 150;
const QUARTER_WIDTH = 84;
const AXIS_HEIGHT = 28;
const ROW_HEIGHT = 22;

/**
 * The quarter-by-quarter drawing. Pilot and broad rollout differ by shape as well as colour: the pilot is
 * an outlined bar in the upper half of a row, broad rollout a solid bar in the lower half. All text and
 * meaning is repeated in the table next to it, so the SVG is hidden from assistive technology.
 */
export function Timeline({
  quarters,
  rows,
  now,
  label,
  onEdit,
}: {
  quarters: string[];
  rows: TimelineRow[];
  now: Date;
  label: string;
  /** In edit mode: each row's label becomes a button that opens the row's window form. */
  onEdit?: ((rowKey: string) => void) | null;
}) {
  const { formatQuarter } = useI18n();
  const tv = useMessages(roadmapMessages);
  const axis = makeAxis(quarters, { left: LABEL_WIDTH, quarterWidth: QUARTER_WIDTH });
  if (!axis) return null;
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 4;
  const today = todayX(axis, now);
  return (
    // Focusable so keyboard users can scroll a timeline wider than the page (its content is in the table too).
    <div className="io-timeline-scroll" role="region" aria-label={label} tabIndex={0}>
      <div className="io-tl__frame">
      <svg className="io-tl" width={axis.width} height={height} viewBox={`0 0 ${axis.width} ${height}`} aria-hidden="true" focusable="false">
        {rows.map((row, i) =>
          row.national ? (
            <rect key={`bg-${row.key}`} className="io-tl__national-bg" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={axis.width} height={ROW_HEIGHT} />
          ) : row.chosen ? (
            <g key={`bg-${row.key}`}>
              <rect className="io-tl__chosen-bg" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={axis.width} height={ROW_HEIGHT} />
              <rect className="io-tl__chosen-bar" x="0" y={AXIS_HEIGHT + i * ROW_HEIGHT} width={3} height={ROW_HEIGHT} />
            </g>
          ) : null,
        )}
        {quarters.map((q, i) => {
          const x = LABEL_WIDTH + i * QUARTER_WIDTH;
          return (
            <g key={q}>
              <line className={q.endsWith('Q1') ? 'io-tl__grid io-tl__grid--year' : 'io-tl__grid'} x1={x} y1={4} x2={x} y2={height} />
              <text className="io-tl__axis-label" x={x + 4} y={18}>
                {formatQuarter(q)}
              </text>
            </g>
          );
        })}
        {rows.map((row, i) => {
          const y = AXIS_HEIGHT + i * ROW_HEIGHT;
          return (
            <g key={row.key} data-row={row.key}>
              <line className="io-tl__row-line" x1={0} y1={y + ROW_HEIGHT} x2={axis.width} y2={y + ROW_HEIGHT} />
              {onEdit ? null : <text className={row.national ? 'io-tl__label io-tl__label--national' : row.chosen ? 'io-tl__label io-tl__label--chosen' : 'io-tl__label'} x={row.chosen ? 7 : 4} y={y + 15}>
                {row.label}
              </text>}
              {row.warning ? <path className="io-tl__warning" d={`M${LABEL_WIDTH - 16} ${y + 16}l5 -10l5 10z`} /> : null}
              <BarRect bar={windowBar(axis, row.pilot[0], row.pilot[1])} y={y + 3} kind="pilot" />
              <BarRect bar={windowBar(axis, row.broad[0], row.broad[1])} y={y + 12} kind="broad" />
            </g>
          );
        })}
        {today !== null ? (
          <g>
            <line className="io-tl__today" x1={today} y1={AXIS_HEIGHT - 4} x2={today} y2={height} />
            <text className="io-tl__today-label" x={today + 3} y={AXIS_HEIGHT - 4}>
              {tv('today')}
            </text>
          </g>
        ) : null}
      </svg>
      {onEdit ? (
        // The drawing is hidden from assistive technology; its row labels become real buttons, in row order.
        // Laid out by roadmap.css (no inline styles under Forge's CSP): it knows AXIS_HEIGHT and ROW_HEIGHT.
        <ul className="io-tl__edit">
          {rows.map((row) => (
            <li key={row.key}>
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
          ))}
        </ul>
      ) : null}
      </div>
    </div>
  );
}

function BarRect({ bar, y, kind }: { bar: Bar | null; y: number; kind: 'pilot' | 'broad' }) {
  if (!bar) return null;
  return (
    <rect
      className={`io-tl__${kind}${bar.openEnded ? ' io-tl__bar--open' : ''}`}
      x={bar.x + 1}
      y={y}
      width={Math.max(bar.width - 2, 2)}
      height={7}
      rx={1.5}
    />
  );
}
