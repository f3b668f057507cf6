import { useId } from 'react';
import { InlineError } from '../../components/inline-error';
import { Skeleton } from '../../components/skeleton';
import type { DetailsScope } from '../../details/details-cache';
import type { DetailsStore } from '../../details/details-store';
import { useScopeLoad } from '../../details/use-details';
import { ScrollRegion } from '../../components/scroll-region';
import { CellButton } from '../../editing/cell-button';
import { YourRegionTag } from '../../shell/region-chooser';
import { InitiativeName } from './initiative-name';
import { cellNameParts, formatRange } from './labels';
import { renderStatus } from './status-face';
import { useStatusLabels } from './use-status-labels';
import { UpdatedAt } from './updated-at';
import { useText } from './use-text';
import { cellKey, type FilteredView, type GridCell } from './view-model';

export interface ListTableProps {
  view: FilteredView;
  /** 'region': one line per initiative in one region; 'initiative': one line per region. */
  by: 'region' | 'initiative';
  caption: string;
  editing: boolean;
  anchorKey: string | null;
  pendingKeys: ReadonlySet<string>;
  onActivate(cell: GridCell, el: HTMLButtonElement): void;
  /** The view's details, and the scope that holds this list's (the region's, or the initiative's). */
  details: DetailsStore;
  detailsScope: DetailsScope;
  /** The reader's region, marked where it is a line of the list (it comes first: the view orders it so). */
  chosenRegion?: string | null;
}

/**
 * The region and single-initiative perspectives: fewer cells, so each line can say more. The table is
 * drawn at once from the view; the regional contacts are details, read for the whole list in one go (every
 * page of it) right after, and fill in when they arrive.
 */
export function ListTable({ view, by, caption, editing, anchorKey, pendingKeys, onActivate, details, detailsScope, chosenRegion = null }: ListTableProps) {
  const { t, i18n, locale } = useText();
  const { state, retry } = useScopeLoad(details, detailsScope, true);
  const statusLabels = useStatusLabels();
  const captionId = useId();
  const lines = view.rows.flatMap((row) =>
    row.cells.filter((c) => c.matches).map((c) => ({ initiative: row.initiative, region: c.region, cell: c.cell, matches: true })),
  );
  return (
    <>
      <h3 id={captionId} className="rs-table-title">
        {caption}
      </h3>
      {state.status === 'failed' ? <InlineError text={t('contactsFailed')} onRetry={retry} /> : null}
      <ScrollRegion labelledBy={captionId} className="rs-scroll--list">
        <table className="io-table rs-list">
          <caption className="io-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{by === 'region' ? t('columnInitiative') : t('columnRegion')}</th>
              <th scope="col">{t('columnStatus')}</th>
              <th scope="col">{t('columnPilot')}</th>
              <th scope="col">{t('columnBroad')}</th>
              <th scope="col" className="io-num">
                {t('columnOpenNeeds')}
              </th>
              <th scope="col">{t('columnContact')}</th>
              <th scope="col">{t('columnUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const k = cellKey(line.initiative.id, line.region.code);
              const { cell } = line;
              // While the list reads again after a save, what it had stays on screen rather than blinking.
              const known = details.lookup(line.initiative.id, line.region.code, cell.hasDetails, { allowStale: true });
              const chosen = by === 'initiative' && line.region.code === chosenRegion;
              return (
                <tr key={k} className={chosen ? 'io-chosen' : undefined}>
                  <th scope="row" className="rs-row-head">
                    {by === 'region' ? (
                      <InitiativeName initiative={line.initiative} showStale />
                    ) : (
                      <>
                        {line.region.name}
                        {chosen ? <YourRegionTag /> : null}
                      </>
                    )}
                  </th>
                  <td>
                    <CellButton
                      value={cell.status}
                        renderValue={renderStatus}
                      stale={cell.stale}
                      warningCount={cell.warnings.length}
                      name={cellNameParts(cell, { region: line.region.name, initiative: line.initiative.name }, { editing, pending: pendingKeys.has(k) }, t)}
                      label={statusLabels[cell.status]}
                      editing={editing}
                      isAnchor={anchorKey === k}
                      pending={pendingKeys.has(k)}
                      compact={false}
                      onActivate={(el) => onActivate(line, el)}
                    />
                  </td>
                  <td>{formatRange(cell.pilotStart, cell.pilotEnd, locale, t)}</td>
                  <td>{formatRange(cell.broadStart, cell.broadEnd, locale, t)}</td>
                  <td className="io-num">{cell.openRequiredNeeds > 0 ? t('openNeedsCount', { count: cell.openRequiredNeeds }) : t('none')}</td>
                  <td>
                    {cell.contactEstablished
                      ? cell.contactSince
                        ? t('contactYesSince', { date: i18n.formatDate(cell.contactSince) })
                        : t('contactYes')
                      : t('contactNo')}
                    {known?.cell.regionalContact ? (
                      <span className="rs-sub">{known.cell.regionalContact}</span>
                    ) : !known && state.status !== 'failed' ? (
                      <span className="rs-sub">
                        <Skeleton width="medium" />
                        <span className="io-visually-hidden">{t('contactsLoading')}</span>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <UpdatedAt day={cell.updatedAt} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
