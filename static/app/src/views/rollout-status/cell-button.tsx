import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { RolloutStatus } from '@shared/vocabulary';
import { Spinner } from '../../components/spinner';
import { StatusLozenge } from '../../components/status-lozenge';

export interface CellButtonProps {
  status: RolloutStatus;
  stale: boolean;
  warningCount: number;
  /** Hidden words before and after the status, so the button's name is complete (see cellNameParts). */
  name: { prefix: string; suffix: string };
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
 * One status as a real button: in reading mode it opens the details, in edit mode the form. The markers
 * are CSS icons (no DOM of their own, which matters in a matrix of thousands of cells); what they mean
 * is in hidden text, part of the button's name.
 */
export const CellButton = memo(function CellButton(props: CellButtonProps) {
  const { status, stale, warningCount, name, editing, isAnchor, pending, compact } = props;
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
      <span className="io-visually-hidden">{name.prefix} </span>
      <StatusLozenge status={status} compact={compact} />
      {stale ? <span className="rs-icon rs-icon--stale" /> : null}
      {warningCount > 0 ? <span className="rs-icon rs-icon--warning" /> : null}
      {name.suffix ? <span className="io-visually-hidden">{name.suffix}</span> : null}
      {pending ? <Spinner size="small" decorative /> : null}
      {editing ? <span className="rs-icon rs-icon--pencil" /> : null}
    </button>
  );
});
