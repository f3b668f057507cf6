import type { InitiativeHeader } from '@shared/contract';
import { ExternalLink } from '../../components/external-link';
import { StaleMarker } from './markers';
import { useText } from './use-text';

/** An initiative's name, linked to its information page when it has one, with its own markers. */
export function InitiativeName({ initiative, stalenessDays }: { initiative: InitiativeHeader; stalenessDays?: number }) {
  const { i18n } = useText();
  return (
    <span className="rs-initiative">
      {initiative.infoLink ? (
        <ExternalLink href={initiative.infoLink}>{initiative.name}</ExternalLink>
      ) : (
        <span>{initiative.name}</span>
      )}
      {initiative.archived ? <span className="rs-tag">{i18n.t('archived')}</span> : null}
      {initiative.stale && stalenessDays !== undefined ? <StaleMarker compact stalenessDays={stalenessDays} /> : null}
    </span>
  );
}
