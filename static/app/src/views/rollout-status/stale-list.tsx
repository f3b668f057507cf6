import { useId, useState } from 'react';
import type { InitiativeHeader, RolloutStatusView } from '@shared/contract';
import type { Participant } from '@shared/model';
import { Button } from '../../components/button';
import { useText } from './use-text';

const STEP = 100;

export interface StaleListProps {
  entries: RolloutStatusView['stale'];
  initiatives: ReadonlyMap<string, InitiativeHeader>;
  regions: ReadonlyMap<string, Participant>;
  stalenessDays: number;
  /** Editors jump from an entry to its form; readers get plain text. */
  onOpen?: (initiativeId: string, regionCode: string | null) => void;
}

/** "Behöver ses över": what nobody has confirmed within the programme's threshold, behind a disclosure. */
export function StaleList({ entries, initiatives, regions, stalenessDays, onOpen }: StaleListProps) {
  const { t, i18n } = useText();
  const [open, setOpen] = useState(false);
  // A programme of hundreds of participants can have thousands of stale entries: show them in steps.
  const [shown, setShown] = useState(STEP);
  const panelId = useId();
  const items = entries
    .map((e) => ({ ...e, initiative: initiatives.get(e.initiativeId) }))
    .filter((e): e is typeof e & { initiative: InitiativeHeader } => Boolean(e.initiative));
  if (items.length === 0) return null;

  return (
    <section className="rs-stale">
      <h3 className="rs-section-title">
        <button type="button" className="rs-disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <svg className="io-icon rs-disclosure__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <svg className="io-icon rs-stale__clock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M8 4.5V8l2.5 1.75" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          {t('staleHeading', { count: items.length })}
        </button>
      </h3>
      {/* Rendered only when open: the list can be long and nobody reads it hidden. */}
      <div id={panelId} hidden={!open} className="rs-stale__panel">
        {open ? (
          <>
            <p className="io-muted">{t('staleIntro', { days: stalenessDays })}</p>
            <ul className="rs-stale__list">
              {items.slice(0, shown).map((e) => {
                const region = e.regionCode ? regions.get(e.regionCode) : undefined;
                const what = e.regionCode
                  ? t('staleCellItem', { initiative: e.initiative.name, region: region?.name ?? e.regionCode })
                  : t('staleInitiativeItem', { initiative: e.initiative.name });
                // A cell's "updated" is kept per day; an initiative's is an instant.
                const date = e.regionCode ? i18n.formatDay(e.updatedAt) : i18n.formatDate(e.updatedAt);
                const when = e.updatedAt ? t('staleUpdated', { date }) : t('staleNever');
                return (
                  <li key={`${e.initiativeId}:${e.regionCode ?? ''}`}>
                    {onOpen ? (
                      <button type="button" className="rs-link-button" onClick={() => onOpen(e.initiativeId, e.regionCode)}>
                        {what}
                      </button>
                    ) : (
                      <span>{what}</span>
                    )}
                    <span className="io-muted"> – {when}</span>
                  </li>
                );
              })}
            </ul>
            {items.length > shown ? (
              <div>
                <Button appearance="subtle" onClick={() => setShown(shown + STEP)}>
                  {t('staleMore', { count: Math.min(STEP, items.length - shown) })}
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
