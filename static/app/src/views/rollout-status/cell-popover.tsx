import { useEffect, useId, useRef } from 'react';
import type { CellView, InitiativeHeader } from '@shared/contract';
import type { Participant } from '@shared/model';
import { Button } from '../../components/button';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { ExternalLink } from '../../components/external-link';
import { StatusLozenge } from '../../components/status-lozenge';
import { formatRange } from './labels';
import { UpdatedAt } from './list-table';
import { StaleMarker } from '../../components/stale-marker';
import { useText } from './use-text';

export interface PopoverTarget {
  key: string;
  initiative: InitiativeHeader;
  region: Participant;
  cell: CellView;
  source: HTMLElement;
}

export interface CellPopoverProps {
  target: PopoverTarget | null;
  stalenessDays: number;
  canEdit: boolean;
  onClose(key: string): void;
  onEdit(target: PopoverTarget): void;
  onHistory(target: PopoverTarget): void;
}

/**
 * A cell's details, next to the cell. A native popover in the top layer, so the scroll container cannot
 * clip it; anchored to the cell with CSS anchor positioning (centred where that is unsupported). It opens
 * on Enter/Space/click, stays until dismissed (Escape, close button, click elsewhere) and can be hovered
 * and selected (WCAG 1.4.13); focus goes into it and back to the cell when it closes.
 */
export function CellPopover({ target, stalenessDays, canEdit, onClose, onEdit, onHistory }: CellPopoverProps) {
  const { t, i18n, locale } = useText();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  const key = target?.key ?? null;
  const source = target?.source ?? null;
  useEffect(() => {
    const el = ref.current;
    if (!el || !key || !source) return;
    try {
      el.showPopover({ source });
    } catch {
      // Browsers without the `source` option, or already open: the plain call still works.
      if (!el.matches(':popover-open')) el.showPopover();
    }
    el.focus();
    const onToggle = (e: Event) => {
      if ((e as ToggleEvent).newState !== 'closed' || el.matches(':popover-open')) return;
      const active = document.activeElement;
      if (!active || active === document.body || el.contains(active)) source.focus();
      onCloseRef.current(key);
    };
    el.addEventListener('toggle', onToggle);
    return () => {
      el.removeEventListener('toggle', onToggle);
      if (el.matches(':popover-open')) el.hidePopover();
    };
    // Keyed on the cell and its button, not on `target`, which is rebuilt on every render.
  }, [key, source]);

  const close = () => ref.current?.hidePopover();

  return (
    <div ref={ref} popover="auto" className="rs-popover" role="dialog" aria-labelledby={titleId} tabIndex={-1}>
      {target ? (
        <>
          <div className="rs-popover__header">
            <h3 id={titleId} className="rs-popover__title">
              {t('detailTitle', { initiative: target.initiative.name, region: target.region.name })}
            </h3>
            <button type="button" className="io-icon-button" onClick={close} aria-label={i18n.t('close')}>
              <svg className="io-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
            </button>
          </div>
          <dl className="rs-details">
            <dt>{t('detailStatus')}</dt>
            <dd className="rs-details__status">
              <StatusLozenge status={target.cell.status} />
              {target.cell.stale ? <StaleMarker stalenessDays={stalenessDays} /> : null}
            </dd>
            <dt>{t('detailPilot')}</dt>
            <dd>{formatRange(target.cell.pilotStart, target.cell.pilotEnd, locale, t)}</dd>
            <dt>{t('detailBroad')}</dt>
            <dd>{formatRange(target.cell.broadStart, target.cell.broadEnd, locale, t)}</dd>
            <dt>{t('detailContact')}</dt>
            <dd>
              {target.cell.contactEstablished
                ? target.cell.contactSince
                  ? t('contactYesSince', { date: i18n.formatDate(target.cell.contactSince) })
                  : t('contactYes')
                : t('contactNo')}
            </dd>
            {target.cell.regionalContact ? (
              <>
                <dt>{t('detailRegionalContact')}</dt>
                <dd>{target.cell.regionalContact}</dd>
              </>
            ) : null}
            {target.cell.nationalContact ? (
              <>
                <dt>{t('detailNationalContact')}</dt>
                <dd>{target.cell.nationalContact}</dd>
              </>
            ) : null}
            {target.cell.openRequiredNeeds > 0 ? (
              <>
                <dt>{t('detailOpenNeeds')}</dt>
                <dd>{target.cell.openRequiredNeeds}</dd>
              </>
            ) : null}
            {target.cell.note ? (
              <>
                <dt>{t('detailNote')}</dt>
                <dd className="rs-note">{target.cell.note}</dd>
              </>
            ) : null}
            {target.cell.link ? (
              <>
                <dt>{t('detailLink')}</dt>
                <dd className="rs-break">
                  <ExternalLink href={target.cell.link}>{target.cell.link}</ExternalLink>
                </dd>
              </>
            ) : null}
            <dt>{t('detailUpdated')}</dt>
            <dd>
              <UpdatedAt at={target.cell.updatedAt} by={target.cell.updatedByName} />
            </dd>
          </dl>
          {target.cell.warnings.length > 0 ? (
            <section className="rs-popover__warnings" aria-labelledby={`${titleId}-w`}>
              <h4 id={`${titleId}-w`}>{t('detailWarnings')}</h4>
              <ConsistencyWarnings warnings={target.cell.warnings} />
            </section>
          ) : null}
          {canEdit ? (
            <div className="rs-popover__actions">
              <Button appearance="primary" onClick={() => onEdit(target)}>
                {t('detailEdit')}
              </Button>
              <Button onClick={() => onHistory(target)}>{t('detailHistory')}</Button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
