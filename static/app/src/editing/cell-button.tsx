import { memo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Spinner } from '../components/spinner';
import './editing.css';

export interface CellButtonProps<V extends string = string> {
  /** The cell's value (a status, a progress …): compared by identity, so memoised cells stay equal. */
  value: V;
  /**
   * Draws the value, hidden from assistive technology (the hidden name says it in words). A function
   * defined once at module level, not per render, or every cell re-renders.
   */
  renderValue(value: V, text: string): ReactNode;
  stale: boolean;
  warningCount: number;
  /** Words before and after the status, so the button's name is complete (see cellNameParts). */
  name: { prefix: string; suffix: string };
  /** The value in words: the full label is the name, the short one is what fits the cell. */
  label: { full: string; short: string };
  editing: boolean;
  /** The cell whose detail popover is open: it anchors the popover and reports aria-expanded. */
  isAnchor: boolean;
  pending: boolean;
  compact: boolean;
  tabIndex?: number;
  /** Grid coordinates for arrow-key movement in the matrix. */
  row?: number;
  col?: number;
  onActivate(el: HTMLButtonElement): void;
  onKeyDown?(e: KeyboardEvent<HTMLButtonElement>): void;
  onFocus?(row: number | undefined, col: number | undefined): void;
}

/**
 * One cell's value as a real button: in reading mode it opens the details, in edit mode the form. A matrix
 * has thousands of these, so each is as light as it can be: one hidden text names the button completely
 * (where, the full value, the markers), and what it shows is what the view draws (e.g. a dense lozenge
 * with the short label, hidden from assistive technology) plus CSS marker icons with no DOM of their own.
 * The name comes from content, not aria-label, so the visible short label never contradicts it (WCAG 2.5.3).
 */
export const CellButton = memo(function CellButton(props: CellButtonProps) {
  const { value, renderValue, stale, warningCount, name, label, editing, isAnchor, pending, compact } = props;
  const classes = ['rs-cell-button', editing ? 'rs-cell-button--edit' : '', isAnchor ? 'rs-anchor' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      tabIndex={props.tabIndex}
      data-r={props.row}
      data-c={props.col}
      aria-haspopup="dialog"
      aria-expanded={editing ? undefined : isAnchor}
      aria-busy={pending || undefined}
      onClick={(e: MouseEvent<HTMLButtonElement>) => props.onActivate(e.currentTarget)}
      onKeyDown={props.onKeyDown}
      onFocus={props.onFocus ? () => props.onFocus?.(props.row, props.col) : undefined}
    >
      <span className="io-visually-hidden">{`${name.prefix} ${label.full}${name.suffix}`}</span>
      {renderValue(value, compact ? label.short : label.full)}
      {stale ? <span className="rs-icon rs-icon--stale" /> : null}
      {warningCount > 0 ? <span className="rs-icon rs-icon--warning" /> : null}
      {pending ? <Spinner size="small" decorative /> : null}
      {editing ? <span className="rs-icon rs-icon--pencil" /> : null}
    </button>
  );
}, sameCellButton) as <V extends string>(props: CellButtonProps<V>) => ReactNode;

/**
 * The matrix rebuilds each cell's name and label objects on every render; comparing them by value keeps
 * a thousand buttons from re-rendering when nothing about them changed (e.g. when capabilities arrive).
 */
function sameCellButton(a: CellButtonProps, b: CellButtonProps): boolean {
  for (const key of Object.keys(a) as Array<keyof CellButtonProps>) {
    if (key === 'name' || key === 'label') continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  return (
    Object.keys(a).length === Object.keys(b).length &&
    a.name.prefix === b.name.prefix &&
    a.name.suffix === b.name.suffix &&
    a.label.full === b.label.full &&
    a.label.short === b.label.short
  );
}
