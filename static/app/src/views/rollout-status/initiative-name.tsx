import type { InitiativeHeader } from '@shared/contract';
import { ExternalLink } from '../../components/external-link';
import { useText } from './use-text';

/** An initiative's name, linked to its information page when it has one, with its own markers. */
export function InitiativeName({ initiative, showStale = false }: { initiative: InitiativeHeader; showStale?: boolean }) {
  const { t, i18n } = useText();
  return (
    <span className="rs-initiative">
      {initiative.infoLink ? (
        <ExternalLink href={initiative.infoLink}>{initiative.name}</ExternalLink>
      ) : (
        <span>{initiative.name}</span>
      )}
      {initiative.archived ? <span className="rs-tag">{i18n.t('archived')}</span> : null}
      {initiative.stale && showStale ? (
        <>
          <span className="rs-icon rs-icon--stale" />
          <span className="io-visually-hidden">{t('cellStale')}</span>
        </>
      ) : null}
    </span>
  );
}
