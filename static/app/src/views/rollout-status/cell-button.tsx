import type { KeyboardEvent, MouseEvent } from 'react';
import type { CellView } from '@shared/contract';
import { Spinner } from '../../components/spinner';
import { StatusLozenge } from '../../components/status-lozenge';
import { StaleMarker, WarningMarker } from './markers';
import { useText } from './use-text';

export interface CellButtonProps {
  cell: CellView;
  regionName: string;
  initiativeName: string;
  editing: boolean;
  /** The cell whose detail popover is open: it anchors the popover and reports aria-expanded. */
  isAnchor: boolean;
  pending: boolean;
  compact: boolean;
  stalenessDays: number;
  tabIndex?: number;
  /** Grid coordinates for arrow-key movement in the matrix. */
  row?: number;
  col?: number;
  onActivate(el: HTMLButtonElement): void;
  onKeyDown?(e: KeyboardEvent<HTMLButtonElement>): void;
  onFocus?(): void;
}

/**
 * One status as a real button: in reading mode it opens the details, in edit mode the form. The
 * accessible name carries region, initiative, full status and markers, so it makes sense out of the table.
 */
export function CellButton(props: CellButtonProps) {
  const { cell, regionName, initiativeName, editing, isAnchor, pending, compact, stalenessDays } = props;
  const { t } = useText();
  const classes = ['rs-cell-button', editing ? 'rs-cell-button--edit' : '', isAnchor ? 'rs-anchor' : '', pending ? 'rs-cell-button--pending' : '']
    .filter(Boolean)
    .join(' ');
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
      onFocus={props.onFocus}
    >
      <span className="io-visually-hidden">
        {editing ? `${t('cellEditPrefix')} ` : ''}
        {t('cellPrefix', { region: regionName, initiative: initiativeName })}{' '}
      </span>
      <StatusLozenge status={cell.status} compact={compact} />
      {cell.stale ? <StaleMarker compact stalenessDays={stalenessDays} /> : null}
      <WarningMarker count={cell.warnings.length} compact />
      {pending ? (
        <>
          <Spinner size="small" decorative />
          <span className="io-visually-hidden">{t('cellPending')}</span>
        </>
      ) : null}
      {editing ? (
        <svg className="io-icon rs-cell-button__pencil" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M11 2.5l2.5 2.5L6 12.5 3 13l.5-3z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
      ) : null}
    </button>
  );
}
