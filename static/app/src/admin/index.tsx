import { useCallback, useEffect, useState } from 'react';
import type { ProgrammeAdminPage } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { invoke } from '../api';
import { ErrorMessage } from '../components/error-message';
import { SectionMessage } from '../components/section-message';
import { Spinner } from '../components/spinner';
import { useI18n, useMessages } from '../i18n';
import { formatDate } from '../i18n/format';
import './admin.css';
import { BackupSection } from './backup-section';
import { CreateSection } from './create-section';
import { HistorySection } from './history-section';
import { ImportSection } from './import-section';
import { adminMessages } from './messages';
import { MilestoneTemplateSection } from './milestone-template-form';
import { ParticipantsForm } from './participants-form';
import { SettingsForm } from './settings-form';

/**
 * The space page (confluence:spacePage, decision 0022): the space's programmes for everyone who can open it,
 * and for the space's administrators the settings of each. Whether the form is offered comes from the
 * server's own check, so the page never offers what the server refuses.
 */
export default function SpacePage() {
  const { t, locale, timeZone } = useI18n();
  const m = useMessages(adminMessages);
  const [page, setPage] = useState<ProgrammeAdminPage | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  const show = useCallback((result: Awaited<ReturnType<typeof invoke<'getProgrammeAdmin'>>>) => {
    if (result.ok) {
      setPage(result.data);
      setError(null);
      // A new form for the saved settings: it starts from what is stored now.
      setVersion((v) => v + 1);
    } else setError(result.error);
  }, []);
  const load = useCallback(async () => show(await invoke('getProgrammeAdmin', {})), [show]);

  useEffect(() => {
    let live = true;
    invoke('getProgrammeAdmin', {})
      .then((result) => {
        if (live) show(result);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [show]);

  if (error) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!page) return <Spinner label={t('loading')} />;

  return (
    <div className="io-admin">
      <h1>{m('title')}</h1>
      <p>{m('intro')}</p>
      {!page.canAdminister && page.programmes.length > 0 ? <SectionMessage appearance="information" title={m('readOnly')} /> : null}
      {page.programmes.length === 0 ? (
        // Administrators create it right here (the create section below); others are told how it starts.
        <p>{m(page.canAdminister ? 'noneAdmin' : 'none')}</p>
      ) : (
        <table className="io-table">
          <caption>{m('tableCaption', { space: page.spaceKey })}</caption>
          <thead>
            <tr>
              <th scope="col">{m('colName')}</th>
              <th scope="col">{m('colParticipants')}</th>
              <th scope="col">{m('colInitiatives')}</th>
              <th scope="col">{m('colPublished')}</th>
              <th scope="col">{m('colLastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {page.programmes.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {p.isExample ? ` (${m('example')})` : ''}
                </th>
                <td>{p.participantCount}</td>
                <td>{p.initiativeCount}</td>
                <td>{p.published ? m('yes') : m('no')}</td>
                <td>{p.lastChangedAt ? formatDate(p.lastChangedAt, locale, timeZone) : m('never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* The history is for signed-in readers of the programme, administrators or not (decision 0030). */}
      {page.programmes.map((p) => (
        <HistorySection key={`history-${p.id}`} programme={p} />
      ))}
      {page.canAdminister ? <CreateSection programmes={page.programmes} onCreated={load} /> : null}
      {page.canAdminister ? <BackupSection programmes={page.programmes} onRestored={load} /> : null}
      {page.canAdminister
        ? page.programmes.map((p) => (
            <section key={`${p.id}-${version}`} aria-labelledby={`settings-${p.id}`}>
              <h2 id={`settings-${p.id}`}>{m('settingsHeading', { name: p.name })}</h2>
              <SettingsForm programme={p} onSaved={load} />
              <h3>{m('participantsHeading', { name: p.name })}</h3>
              <ParticipantsForm programme={p} onSaved={load} />
              <MilestoneTemplateSection programme={p} onSaved={load} />
              <ImportSection programme={p} />
            </section>
          ))
        : null}
    </div>
  );
}
