import type { InitiativeHeader } from '@shared/contract';
import { ExternalLink } from '../../components/external-link';
import { interpolateNodes } from '../../i18n';
import { useText } from './use-text';

/**
 * An initiative's name, linked to its information page when it has one, with its own markers and, in the
 * matrix's headers, when its details were last updated (each cell's own date is in its popover).
 */
export function InitiativeName({ initiative, showStale = false, showUpdated = false }: { initiative: InitiativeHeader; showStale?: boolean; showUpdated?: boolean }) {
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
      {showUpdated && initiative.updatedAt ? (
        <span className="rs-initiative__updated">
          {interpolateNodes(t('initiativeUpdated'), {
            date: (
              <time dateTime={initiative.updatedAt} title={i18n.formatDateTime(initiative.updatedAt)}>
                {i18n.formatDate(initiative.updatedAt)}
              </time>
            ),
          })}
        </span>
      ) : null}
    </span>
  );
}
