import { useId } from 'react';
import { ROLLOUT_STATUSES, type RolloutStatus } from '@shared/vocabulary';
import { StatusLozenge } from '../../components/status-lozenge';
import { useText } from './use-text';

/**
 * The legend and the totals in one: every status with its shape and label, and how many regions of the
 * shown initiatives are in it. Then what the two markers mean.
 */
export function StatusTotals({ totals, stalenessDays }: { totals: Record<RolloutStatus, number>; stalenessDays: number }) {
  const { t } = useText();
  const headingId = useId();
  return (
    <section className="rs-legend" aria-labelledby={headingId}>
      <h3 id={headingId} className="rs-section-title">
        {t('legendHeading')}
      </h3>
      <table className="io-table rs-totals">
        <caption className="io-visually-hidden">{t('totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnStatus')}</th>
            <th scope="col" className="io-num">
              {t('totalsCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROLLOUT_STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">
                <StatusLozenge status={s} />
              </th>
              <td className="io-num">{totals[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="rs-legend__markers">
        <li>
          <span className="rs-icon rs-icon--stale" />
          <span>{t('legendStale', { days: stalenessDays })}</span>
        </li>
        <li>
          <span className="rs-icon rs-icon--warning" />
          <span>{t('legendWarning')}</span>
        </li>
      </ul>
    </section>
  );
}
