/**
 * Backup and restore on the space page (decision 0029), for the space's administrators. A backup is
 * fetched in pages and saved as one file; a restore is offered only in a space without a programme, next to
 * "create", and goes: choose the file → check it here and on the server (the dry run, nothing written) →
 * confirm → the parts are written → the programme appears. A failed restore can be started again with the
 * same file: parts already written are written again and nothing shows until the last step.
 */
import { useState, type ChangeEvent } from 'react';
import {
  assembleBackup,
  backupFileName,
  checkBackupDocument,
  type BackupDocument,
  type BackupPart,
  type BackupProblem,
} from '@shared/backup-format';
import type { ProgrammeAdminItem, Programme } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { SectionMessage } from '../components/section-message';
import { downloadText } from '../editing/csv-download';
import { useMessages } from '../i18n';
import { backupMessages } from './backup-messages';
import { patiently } from './patient-invoke';

/** SHA-256 in the browser, in the form the server writes ('sha256:<hex>'). */
async function sha256(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function BackupSection({ programmes, onRestored }: { programmes: ReadonlyArray<ProgrammeAdminItem>; onRestored(): Promise<void> | void }) {
  const m = useMessages(backupMessages);
  return (
    <section aria-labelledby="io-admin-backup">
      <h2 id="io-admin-backup">{programmes.length > 0 ? m('heading') : m('restoreHeading')}</h2>
      {programmes.length > 0 ? (
        <>
          <p>{m('intro')}</p>
          {programmes.map((p) => (
            <DownloadButton key={p.id} programme={p} />
          ))}
        </>
      ) : (
        <RestoreForm onRestored={onRestored} />
      )}
    </section>
  );
}

function DownloadButton({ programme }: { programme: ProgrammeAdminItem }) {
  const m = useMessages(backupMessages);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      let cursor: string | undefined;
      let record: Programme | null = null;
      let exportedAt = '';
      const parts: BackupPart[] = [];
      for (let n = 1; ; n++) {
        setStatus(m('downloading', { n }));
        const from = cursor;
        const result = await patiently(() => invoke('getBackupPart', from ? { programmeId: programme.id, cursor: from } : { programmeId: programme.id }), setWaiting);
        if (!result.ok) {
          setError(result.error);
          setStatus(null);
          return;
        }
        record ??= result.data.programme;
        exportedAt ||= result.data.exportedAt;
        parts.push(...result.data.parts.map((p) => p.part));
        if (!result.data.cursor) break;
        cursor = result.data.cursor;
      }
      if (!record) return;
      const document = await assembleBackup(record, exportedAt, parts, sha256);
      const file = backupFileName(record.name, exportedAt);
      downloadText(JSON.stringify(document), file, 'application/json;charset=utf-8');
      setStatus(m('downloaded', { file }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="io-admin-backup">
      <Button onClick={() => void download()} isLoading={busy} disabled={busy}>
        {m('download', { name: programme.name })}
      </Button>
      <p role="status">{waiting ? m('waiting') : status}</p>
      {error ? <ErrorMessage error={error} onClose={() => setError(null)} /> : null}
    </div>
  );
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'problems'; problems: BackupProblem[] }
  | { kind: 'error'; error: AppError }
  | { kind: 'ready'; document: BackupDocument }
  | { kind: 'done'; name: string };

const headerOf = ({ parts: _parts, ...header }: BackupDocument) => header;

function RestoreForm({ onRestored }: { onRestored(): Promise<void> | void }) {
  const m = useMessages(backupMessages);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [waiting, setWaiting] = useState(false);

  /** The dry run: the file checked here, then every part checked by the server, which writes nothing. */
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setStage({ kind: 'busy', text: m('checking', { n: 0, total: '…' }) });
    const { document, problems } = await checkBackupDocument(await file.text(), sha256);
    if (!document) {
      setStage({ kind: 'problems', problems });
      return;
    }
    const header = headerOf(document);
    for (let index = 0; index < document.parts.length; index++) {
      setStage({ kind: 'busy', text: m('checking', { n: index + 1, total: document.parts.length }) });
      const part = document.parts[index];
      const result = await patiently(() => invoke('restoreBackup', { step: 'check', header, index, part }), setWaiting);
      if (!result.ok) {
        setStage({ kind: 'error', error: result.error });
        return;
      }
    }
    setStage({ kind: 'ready', document });
  }

  async function restore(document: BackupDocument) {
    const header = headerOf(document);
    for (let index = 0; index < document.parts.length; index++) {
      setStage({ kind: 'busy', text: m('restoring', { n: index + 1, total: document.parts.length }) });
      const part = document.parts[index];
      const result = await patiently(() => invoke('restoreBackup', { step: 'write', header, index, part }), setWaiting);
      if (!result.ok) {
        setStage({ kind: 'error', error: result.error });
        return;
      }
    }
    const done = await patiently(() => invoke('restoreBackup', { step: 'finish', header }), setWaiting);
    if (!done.ok) {
      setStage({ kind: 'error', error: done.error });
      return;
    }
    setStage({ kind: 'done', name: document.programme.name });
    await onRestored();
  }

  const problemText = (p: BackupProblem) =>
    `${p.part === null ? m('fileLabel') : m('partLabel', { n: p.part + 1 })}: ${m(p.kind, { path: p.path })}`;

  return (
    <>
      <p>{m('restoreIntro')}</p>
      <label className="io-field">
        <span>{m('file')}</span>
        <input type="file" accept="application/json,.json" onChange={(e) => void choose(e)} disabled={stage.kind === 'busy'} />
      </label>
      {stage.kind === 'busy' ? <p role="status">{waiting ? m('waiting') : stage.text}</p> : null}
      {stage.kind === 'problems' ? (
        <SectionMessage appearance="error" title={m('problemsHeading')} role="alert">
          <ul>
            {stage.problems.slice(0, 100).map((p, k) => (
              <li key={k}>{problemText(p)}</li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}
      {stage.kind === 'error' ? <ErrorMessage error={stage.error} alert onClose={() => setStage({ kind: 'idle' })} /> : null}
      {stage.kind === 'ready' ? (
        <SectionMessage appearance="information" title={m('checked', { name: stage.document.programme.name, ...stage.document.counts })}>
          <Button appearance="primary" onClick={() => void restore(stage.document)}>
            {m('restore')}
          </Button>
        </SectionMessage>
      ) : null}
      {stage.kind === 'done' ? <SectionMessage appearance="success" title={m('restored', { name: stage.name })} role="status" /> : null}
    </>
  );
}
