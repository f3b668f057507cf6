import type { InitiativeHeader } from '@shared/contract';
import { INITIATIVE_KIND_LABELS } from '@shared/vocabulary';
import { useI18n } from '../i18n';
import { ExternalLink } from './external-link';
import { LastUpdated } from './last-updated';
import { StaleMarker } from './stale-marker';

export interface InitiativeHeadingProps {
  initiative: InitiativeHeader;
  /** 3 under the macro's h2. */
  level?: 3 | 4;
  stalenessDays?: number;
  /** Heading id, so a table's caption or a section can point at it. */
  id?: string;
}

/** An initiative's name, kind, archived and stale markers, info link and when it was last updated. */
export function InitiativeHeading({ initiative, level = 3, stalenessDays, id }: InitiativeHeadingProps) {
  const { t, label } = useI18n();
  const Heading = `h${level}` as 'h3';
  return (
    <div className={`io-initiative-heading${initiative.archived ? ' io-initiative-heading--archived' : ''}`}>
      <div className="io-initiative-heading__title">
        {/* tabIndex -1: in-page links move focus (and the view) here. */}
        <Heading id={id} tabIndex={id ? -1 : undefined}>
          {initiative.name}
        </Heading>
        <span className="io-initiative-heading__kind">{label(INITIATIVE_KIND_LABELS, initiative.kind)}</span>
        {initiative.archived ? <span className="io-tag">{t('archived')}</span> : null}
        {initiative.stale ? <StaleMarker stalenessDays={stalenessDays} /> : null}
      </div>
      <div className="io-initiative-heading__meta">
        <LastUpdated at={initiative.updatedAt} by={initiative.updatedByName} />
        {initiative.infoLink ? <ExternalLink href={initiative.infoLink}>{t('openLink')}</ExternalLink> : null}
      </div>
    </div>
  );
}
