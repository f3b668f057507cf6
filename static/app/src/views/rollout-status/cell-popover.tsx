import { useEffect, useId, useMemo, useRef } from 'react';
import type { CellView, InitiativeHeader } from '@shared/contract';
import type { Participant } from '@shared/model';
import { Button } from '../../components/button';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { ExternalLink } from '../../components/external-link';
import { InlineError } from '../../components/inline-error';
import { Skeleton } from '../../components/skeleton';
import { StaleMarker } from '../../components/stale-marker';
import { StatusLozenge } from '../../components/status-lozenge';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useDetailsVersion } from '../../details/use-details';
import { formatRange } from './labels';
import { UpdatedAt } from './updated-at';
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
  /** Signed-in readers are told who updated a cell; anonymous readers are not (names are not published). */
  signedIn: boolean;
  /** The view's details: note, link and contacts are fetched when a cell that has them is opened. */
  details: DetailsStore;
  onClose(key: string): void;
  onEdit(target: PopoverTarget): void;
  onHistory(target: PopoverTarget): void;
}

/**
 * A cell's details, next to the cell. A native popover in the top layer, so the scroll container cannot
 * clip it; anchored to the cell with CSS anchor positioning (centred where that is unsupported). It opens
 * on Enter/Space/click, stays until dismissed (Escape, close button, click elsewhere) and can be hovered
 * and selected (WCAG 1.4.13); focus goes into it and back to the cell when it closes.
 *
 * The plan is drawn at once from the view. Note, link and contacts (and, for signed-in readers, who made
 * the last change) are details: fetched for this cell when it has any, kept for the life of the view.
 */
export function CellPopover({ target, stalenessDays, canEdit, signedIn, details, onClose, onEdit, onHistory }: CellPopoverProps) {
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
            {target.cell.openRequiredNeeds > 0 ? (
              <>
                <dt>{t('detailOpenNeeds')}</dt>
                <dd>{target.cell.openRequiredNeeds}</dd>
              </>
            ) : null}
          </dl>
          <CellDetailsPart target={target} details={details} signedIn={signedIn} />
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

/**
 * Note, link, contacts and "Senast uppdaterad", fetched on demand. Cells without details need no fetch
 * (the view says so), nor do anonymous readers for the "updated" line (they get the day from the view).
 */
function CellDetailsPart({ target, details, signedIn }: { target: PopoverTarget; details: DetailsStore; signedIn: boolean }) {
  const { t } = useText();
  useDetailsVersion(details);
  const { cell } = target;
  const initiativeId = target.initiative.id;
  const regionCode = target.region.code;
  const scope = useMemo<DetailsScope>(() => ({ kind: 'cell', initiativeId, regionCode }), [initiativeId, regionCode]);
  const known = details.lookup(initiativeId, regionCode, cell.hasDetails);
  const change = details.lastChange(initiativeId, regionCode);
  // A cell never updated has no "who"; otherwise a signed-in reader is told, once the history has said.
  const wantsName = signedIn && cell.updatedAt !== null && change === undefined;
  const needed = !known || wantsName;
  const state = details.scopeState(scope);
  const failed = needed && state.status === 'failed';
  const loading = needed && (state.status === 'idle' || state.status === 'loading');

  useEffect(() => {
    if (needed && state.status === 'idle') void details.load(scope);
  }, [details, scope, needed, state.status]);

  if (!known) {
    return (
      <div className="rs-popover__more" aria-busy={loading || undefined}>
        {failed ? (
          <InlineError text={t('detailsFailed')} onRetry={() => void details.load(scope)} />
        ) : (
          <>
            <span className="io-visually-hidden">{t('detailsLoading')}</span>
            <div className="rs-details rs-details--skeleton">
              <Skeleton width="short" />
              <Skeleton width="long" />
              <Skeleton width="short" />
              <Skeleton width="full" />
              <Skeleton width="short" />
              <Skeleton width="medium" />
            </div>
          </>
        )}
      </div>
    );
  }

  const { note, link, regionalContact, nationalContact } = known.cell;
  return (
    <div className="rs-popover__more" aria-busy={loading || undefined}>
      <dl className="rs-details">
        {regionalContact ? (
          <>
            <dt>{t('detailRegionalContact')}</dt>
            <dd>{regionalContact}</dd>
          </>
        ) : null}
        {nationalContact ? (
          <>
            <dt>{t('detailNationalContact')}</dt>
            <dd>{nationalContact}</dd>
          </>
        ) : null}
        {note ? (
          <>
            <dt>{t('detailNote')}</dt>
            <dd className="rs-note">{note}</dd>
          </>
        ) : null}
        {link ? (
          <>
            <dt>{t('detailLink')}</dt>
            <dd className="rs-break">
              <ExternalLink href={link}>{link}</ExternalLink>
            </dd>
          </>
        ) : null}
        <dt>{t('detailUpdated')}</dt>
        <dd>
          {/* The day is known from the view; who changed it follows (a failed read leaves the day alone). */}
          <UpdatedAt day={cell.updatedAt} change={change} />
          {loading ? (
            <>
              {' '}
              <Skeleton width="medium" />
            </>
          ) : null}
        </dd>
      </dl>
    </div>
  );
}
