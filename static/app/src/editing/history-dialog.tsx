import { useEffect, useId, useRef, useState } from 'react';
import type { InitiativeHeader } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { HistoryEntry, Participant } from '@shared/model';
import { invoke } from '../api';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { SelectField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { ScrollRegion } from '../components/scroll-region';
import { Spinner } from '../components/spinner';
import { keepMine } from './conflict';
import { conflictDialog } from './conflict-dialog';
import { formatStoredValue, type FieldText } from './fields';
import { ACTION_MESSAGE, historyLines, type ChangeKind, type ChangeKindRegistry, type HistoryLine, type RestoreAction } from './history';
import { historyMessages } from './history-messages';
import { HistoryValue, RedactDialog, type RedactTarget } from './history-redaction';
import { useEditingText } from './use-editing-text';
import { useMessages } from '../i18n';
import './editing.css';

export interface HistoryDialogProps {
  initiative: InitiativeHeader;
  regionCode: string | null;
  regions: Participant[];
  /** The view's change kinds: how each names, shows and restores its changes. */
  kinds: ChangeKindRegistry;
  /** Only one need's changes (its definition and its progress), within the initiative. */
  needId?: string;
  /**
   * Only the changes of these fields (e.g. the roadmap's window form: its four months). Filtered here, a page
   * at a time: "Visa fler" reaches older changes when a page held none of them.
   */
  fields?: readonly string[];
  /** The dialog's title when the view names what the history is of (e.g. one need); else the initiative's. */
  title?: string;
  /**
   * Offers "Ta bort ur historiken" per value (personal data written by mistake). The views open the history
   * for editors only; the server checks again. Default true.
   */
  canRedact?: boolean;
  reload(): Promise<void>;
  onClose(): void;
}

const PAGE = 25;

type Loaded = { key: string; entries: HistoryEntry[]; cursor: string | null; error: AppError | null };

/**
 * Who changed what, when, from what to what. "Återställ" applies an old value again as a new change
 * (recorded like any other), under the same conflict rule as the form.
 */
export function HistoryDialog({ initiative, regionCode, regions, kinds, needId, fields, title: fixedTitle, canRedact = true, reload, onClose }: HistoryDialogProps) {
  const { t, i18n } = useEditingText();
  const th = useMessages(historyMessages);
  const tableRef = useRef<HTMLTableElement>(null);
  const [redacting, setRedacting] = useState<RedactTarget | null>(null);
  const announce = useAnnounce();
  const captionId = useId();
  const [region, setRegion] = useState(regionCode ?? '');
  const [version, setVersion] = useState(0);
  const key = `${region}|${version}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<{ error: AppError; sent: RestoreAction } | null>(null);
  const regionName = (code: string | null) => (code ? (regions.find((r) => r.code === code)?.name ?? code) : '');
  const kindOf = (id: string | null): ChangeKind | undefined => kinds.find((k) => k.id === id);
  // A change no registered kind describes keeps its field's own name and plain values.
  const textOf = (id: string | null): FieldText => kindOf(id) ?? { label: (field) => field, format: (_field, value) => formatStoredValue(value, t) };

  useEffect(() => {
    let cancelled = false;
    void invoke('getHistory', { initiativeId: initiative.id, regionCode: region || undefined, needId, limit: PAGE }).then((res) => {
      if (cancelled) return;
      setLoaded(res.ok ? { key, entries: res.data.entries, cursor: res.data.cursor, error: null } : { key, entries: [], cursor: null, error: res.error });
    });
    return () => {
      cancelled = true;
    };
  }, [initiative.id, region, needId, key]);

  const loading = !loaded || loaded.key !== key;

  // After a redaction, focus goes where its button was: the "Borttaget av …" text that replaced the value.
  const focusRedacted = useRef<string | null>(null);
  useEffect(() => {
    const target = focusRedacted.current;
    if (!target) return;
    const found = tableRef.current?.querySelector<HTMLElement>(`[data-redacted="${CSS.escape(target)}"]`);
    if (!found) return;
    found.focus();
    focusRedacted.current = null;
  });

  const redacted = (target: RedactTarget, entry: HistoryEntry) => {
    setLoaded((current) => (current ? { ...current, entries: current.entries.map((e) => (e.id === entry.id ? entry : e)) } : current));
    setRedacting(null);
    focusRedacted.current = `${target.line.key}:${target.side}`;
    announce(th('redactDone'));
  };

  const more = async () => {
    if (!loaded?.cursor) return;
    setLoadingMore(true);
    const res = await invoke('getHistory', { initiativeId: initiative.id, regionCode: region || undefined, needId, limit: PAGE, cursor: loaded.cursor });
    setLoadingMore(false);
    if (res.ok) setLoaded({ ...loaded, entries: [...loaded.entries, ...res.data.entries], cursor: res.data.cursor });
    else setLoaded({ ...loaded, error: res.error });
  };

  const restore = async (action: RestoreAction, line: HistoryLine | null) => {
    setRestoring(line?.key ?? 'conflict');
    setRestoreError(null);
    const kind = kindOf(action.kind);
    if (!kind?.send) {
      setRestoring(null);
      return;
    }
    const res = await kind.send(action.payload);
    setRestoring(null);
    if (res.ok) {
      kind.saved?.(action.payload, res.data);
      const [field, value] = Object.entries(action.payload.patch)[0] ?? ['', null];
      announce(t('historyRestored', { field: kind.label(field), value: kind.format(field, value) }));
      setConflict(null);
      setVersion((v) => v + 1);
      void reload();
      return;
    }
    if (res.error.code === 'CONFLICT') {
      setConflict({ error: res.error, sent: action });
      return;
    }
    setRestoreError(res.error);
  };

  const title = fixedTitle
    ? region
      ? `${fixedTitle} – ${regionName(region)}`
      : fixedTitle
    : region
    ? t('historyTitleRegion', { initiative: initiative.name, region: regionName(region) })
    : t('historyTitle', { initiative: initiative.name });

  if (conflict) {
    return conflictDialog({
      t,
      conflict: { error: conflict.error, sent: conflict.sent.payload },
      text: textOf(conflict.sent.kind),
      saving: restoring !== null,
      // As before: unlike the edit forms, history keeps "take theirs" usable while a restore is pending.
      takeTheirsDisabled: false,
      onTakeTheirs: () => {
        setConflict(null);
        setVersion((v) => v + 1);
        announce(t('conflictTookTheirs'));
        void reload();
      },
      onKeepMine: () => restore({ kind: conflict.sent.kind, payload: keepMine(conflict.error, conflict.sent.payload) }, null),
      onClose,
    });
  }

  const lines = loaded && !loading ? historyLines(loaded.entries, kinds, fields) : [];
  return (
    <>
      <Dialog open size="large" title={title} onClose={onClose} footer={<Button onClick={onClose}>{i18n.t('close')}</Button>}>
        <SelectField
          label={t('historyRegion')}
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          options={[{ value: '', label: t('historyAllRegions') }, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
        />
        {restoreError ? <ErrorMessage error={restoreError} alert /> : null}
        {loading ? <Spinner label={t('historyLoading')} /> : null}
        {!loading && loaded?.error ? <ErrorMessage error={loaded.error} onRetry={() => setVersion((v) => v + 1)} /> : null}
        {!loading && !loaded?.error && lines.length === 0 && !(fields && loaded?.cursor) ? <p>{t('historyNone')}</p> : null}
        {lines.length > 0 ? (
          <ScrollRegion labelledBy={captionId} className="rs-scroll--list">
            <table ref={tableRef} className="io-table rs-history">
              <caption id={captionId} className="io-visually-hidden">
                {t('historyCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('historyWhen')}</th>
                  <th scope="col">{t('historyWho')}</th>
                  {region ? null : <th scope="col">{t('historyRegion')}</th>}
                  <th scope="col">{t('historyWhat')}</th>
                  <th scope="col">{t('historyOld')}</th>
                  <th scope="col">{t('historyNew')}</th>
                  <th scope="col">
                    <span className="io-visually-hidden">{t('historyActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const text = textOf(line.kind);
                  return (
                  <tr key={line.key}>
                    <td>
                      <time dateTime={line.entry.at}>{i18n.formatDateTime(line.entry.at)}</time>
                    </td>
                    <td>{line.entry.byName ?? <span className="io-muted">{t('historyUnknownPerson')}</span>}</td>
                    {region ? null : <td>{regionName(line.entry.regionCode)}</td>}
                    <th scope="row">{line.field ? text.label(line.field) : t(ACTION_MESSAGE[line.entry.action])}</th>
                    {(['old', 'new'] as const).map((side) => (
                      <td key={side} className="rs-note">
                        <HistoryValue line={line} side={side} text={text} busy={restoring !== null} onRedact={canRedact ? setRedacting : undefined} />
                      </td>
                    ))}
                    <td>
                      {line.restore ? (
                        <Button
                          appearance="subtle"
                          isLoading={restoring === line.key}
                          disabled={restoring !== null && restoring !== line.key}
                          aria-label={t('historyRestoreNamed', { field: text.label(line.field), value: text.format(line.field, line.old) })}
                          onClick={() => line.restore && void restore(line.restore, line)}
                        >
                          {t('historyRestore')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
        {!loading && loaded?.cursor ? (
          <div>
            <Button onClick={() => void more()} isLoading={loadingMore}>
              {t('historyMore')}
            </Button>
          </div>
        ) : null}
      </Dialog>
      {redacting ? (
        <RedactDialog target={redacting} text={textOf(redacting.line.kind)} onRedacted={(entry) => redacted(redacting, entry)} onClose={() => setRedacting(null)} />
      ) : null}
    </>
  );
}
