import { useEffect, useId, useRef, useState } from 'react';
import type { InitiativeHeader } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { invoke } from '../../api';
import { announcingSave } from '../../editing/use-patch-save';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { useAnnounce } from '../../components/live-region';
import { moveId } from './ordering';
import { useEditorText } from './use-editor-text';

export interface ManagePanelProps {
  initiatives: InitiativeHeader[];
  showsArchived: boolean;
  reload(): Promise<void>;
  onAdd(): void;
  onEditDetails(initiative: InitiativeHeader): void;
  onHistory(initiative: InitiativeHeader): void;
}

/**
 * Add, reorder, edit details, archive. Inline in the page (not a dialog), so that the details form can
 * open as the only modal. After a move, focus stays on the moved initiative's button.
 */
export default function ManagePanel({ initiatives, showsArchived, reload, onAdd, onEditDetails, onHistory }: ManagePanelProps) {
  const { t, r, locale } = useEditorText();
  const announce = useAnnounce();
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<string | null>(null);
  const ids = initiatives.map((i) => i.id);
  const order = ids.join(',');
  // When the macro hides archived initiatives, they are fetched here, so that they can still be restored.
  const [archived, setArchivedList] = useState<InitiativeHeader[] | null>(null);
  const [archivedSeq, setArchivedSeq] = useState(0);
  useEffect(() => {
    if (showsArchived) return;
    let live = true;
    void invoke('getView', { locale, includeArchived: true }).then((res) => {
      if (!live) return;
      if (res.ok && res.data.state === 'ready' && res.data.view.macro === 'rollout-status') {
        setArchivedList(res.data.view.rows.map((row) => row.initiative).filter((i) => i.archived));
      } else {
        setArchivedList(null);
        if (!res.ok) setError(res.error);
      }
    });
    return () => {
      live = false;
    };
  }, [showsArchived, locale, archivedSeq]);

  // After the reload has re-rendered the list and the buttons are enabled again.
  useEffect(() => {
    const want = refocus.current;
    if (!want || busy !== null || !listRef.current) return;
    const [id, dir] = want.split('|');
    const el =
      listRef.current.querySelector<HTMLButtonElement>(`button[data-focus="${id}|${dir}"]:not([disabled])`) ??
      listRef.current.querySelector<HTMLButtonElement>(`button[data-focus^="${id}|"]:not([disabled])`);
    el?.focus();
    refocus.current = null;
  }, [order, busy]);

  const run = async (key: string, action: () => Promise<{ ok: boolean; error?: AppError }>, done: string) => {
    setBusy(key);
    setError(null);
    const res = await action();
    if (res.ok) {
      await reload();
      setArchivedSeq((n) => n + 1);
      announce(done);
    } else {
      setError(res.error ?? null);
    }
    setBusy(null);
  };

  const move = (initiative: InitiativeHeader, delta: -1 | 1) => {
    const payload = moveId(ids, initiative.id, delta);
    if (!payload) return;
    refocus.current = `${initiative.id}|${delta < 0 ? 'up' : 'down'}`;
    const position = payload.ids.indexOf(initiative.id) + 1;
    void run(`${initiative.id}|move`, () => invoke('reorderInitiatives', payload).then(announcingSave), t('moved', { name: initiative.name, position }));
  };

  const setArchived = (initiative: InitiativeHeader, archived: boolean) =>
    void run(
      `${initiative.id}|archive`,
      () => invoke('setInitiativeArchived', { id: initiative.id, archived }).then(announcingSave),
      archived ? t('archivedDone', { name: initiative.name }) : t('unarchivedDone', { name: initiative.name }),
    );

  return (
    <section className="rs-manage" aria-labelledby={headingId}>
      <div className="rs-manage__header">
        <h3 id={headingId} className="rs-section-title">
          {t('manageTitle')}
        </h3>
        <Button appearance="primary" onClick={onAdd}>
          {r('addInitiative')}
        </Button>
      </div>
      <p className="io-muted">{t('manageIntro')}</p>
      {error ? <ErrorMessage error={error} alert /> : null}
      <ol className="rs-manage__list" ref={listRef}>
        {initiatives.map((initiative, index) => (
          <li key={initiative.id} className="rs-manage__item">
            <span className="rs-manage__name">
              {initiative.name}
              {initiative.archived ? <span className="rs-tag">{t('fieldArchived')}</span> : null}
            </span>
            <span className="rs-manage__actions">
              <Button
                appearance="subtle"
                data-focus={`${initiative.id}|up`}
                disabled={index === 0 || busy !== null}
                aria-label={t('moveUpNamed', { name: initiative.name })}
                onClick={() => move(initiative, -1)}
              >
                <Arrow up />
                <span className="rs-compact-hide">{t('moveUp')}</span>
              </Button>
              <Button
                appearance="subtle"
                data-focus={`${initiative.id}|down`}
                disabled={index === initiatives.length - 1 || busy !== null}
                aria-label={t('moveDownNamed', { name: initiative.name })}
                onClick={() => move(initiative, 1)}
              >
                <Arrow />
                <span className="rs-compact-hide">{t('moveDown')}</span>
              </Button>
              <Button appearance="subtle" data-focus={`${initiative.id}|edit`} aria-label={t('editInitiativeNamed', { name: initiative.name })} onClick={() => onEditDetails(initiative)}>
                {t('editInitiative')}
              </Button>
              <HistoryAndArchive initiative={initiative} busy={busy} onHistory={onHistory} onToggle={() => setArchived(initiative, !initiative.archived)} />
            </span>
          </li>
        ))}
      </ol>
      {showsArchived ? null : (
        <ArchivedList
          initiatives={archived}
          busy={busy}
          onRestore={(initiative) => setArchived(initiative, false)}
          onHistory={onHistory}
        />
      )}
    </section>
  );
}

/** Archived initiatives the macro does not show: listed so that they can be reactivated from here. */
function ArchivedList({
  initiatives,
  busy,
  onRestore,
  onHistory,
}: {
  initiatives: InitiativeHeader[] | null;
  busy: string | null;
  onRestore(initiative: InitiativeHeader): void;
  onHistory(initiative: InitiativeHeader): void;
}) {
  const { t } = useEditorText();
  const headingId = useId();
  return (
    <section className="rs-manage__archived" aria-labelledby={headingId} aria-busy={initiatives === null || undefined}>
      <h4 id={headingId} className="rs-section-title">
        {t('archivedTitle')}
      </h4>
      {initiatives === null ? null : initiatives.length === 0 ? (
        <p className="io-muted">{t('noArchived')}</p>
      ) : (
        <ul className="rs-manage__list">
          {initiatives.map((initiative) => (
            <li key={initiative.id} className="rs-manage__item">
              <span className="rs-manage__name">{initiative.name}</span>
              <span className="rs-manage__actions">
                <HistoryAndArchive initiative={initiative} busy={busy} onHistory={onHistory} onToggle={() => onRestore(initiative)} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** History, and archive or reactivate (whichever the initiative's state calls for). */
function HistoryAndArchive({
  initiative,
  busy,
  onHistory,
  onToggle,
}: {
  initiative: InitiativeHeader;
  busy: string | null;
  onHistory(initiative: InitiativeHeader): void;
  onToggle(): void;
}) {
  const { t, r } = useEditorText();
  const key = `${initiative.id}|archive`;
  return (
    <>
      <Button appearance="subtle" onClick={() => onHistory(initiative)} aria-label={`${r('detailHistory')}: ${initiative.name}`}>
        {r('detailHistory')}
      </Button>
      <Button
        appearance="subtle"
        isLoading={busy === key}
        disabled={busy !== null && busy !== key}
        aria-label={initiative.archived ? t('unarchiveNamed', { name: initiative.name }) : t('archiveNamed', { name: initiative.name })}
        onClick={onToggle}
      >
        {initiative.archived ? t('unarchive') : t('archive')}
      </Button>
    </>
  );
}

function Arrow({ up = false }: { up?: boolean }) {
  return (
    <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={up ? 'M8 13V3M4 7l4-4 4 4' : 'M8 3v10M4 9l4 4 4-4'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
