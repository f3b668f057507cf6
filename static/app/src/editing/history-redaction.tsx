/**
 * Removing a value from the history (issue 12): the value cell of a history line (the value, or who removed
 * it and when, with the action for editors) and the confirmation dialog. The server overwrites the value and
 * records the redaction; the current data is not touched, which the dialog says.
 */
import { useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { HistoryEntry, HistorySide } from '@shared/model';
import { invoke } from '../api';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { useI18n, useMessages } from '../i18n';
import type { FieldText } from './fields';
import { isRedactable, type HistoryLine } from './history';
import { historyMessages } from './history-messages';

export interface RedactTarget {
  line: HistoryLine;
  side: HistorySide;
}

interface HistoryValueProps {
  line: HistoryLine;
  side: HistorySide;
  text: FieldText;
  /** Offers "Ta bort ur historiken" for a value that has one; absent: the value is only shown. */
  onRedact?(target: RedactTarget): void;
  /** Disables the action while another request runs. */
  busy: boolean;
}

/** One value of a history line: the value with its redact action, or "Borttaget av … ". */
export function HistoryValue({ line, side, text, onRedact, busy }: HistoryValueProps) {
  const { formatDateTime } = useI18n();
  const t = useMessages(historyMessages);
  if (!line.field) return null;
  const redaction = line.redacted[side];
  if (redaction) {
    const when = formatDateTime(redaction.at);
    return (
      // Focus lands here after a redaction, where the button was.
      <span className="io-muted rs-history__redacted" tabIndex={-1} data-redacted={`${line.key}:${side}`}>
        {redaction.byName ? t('redactedBy', { name: redaction.byName, when }) : t('redactedAt', { when })}
      </span>
    );
  }
  const value = text.format(line.field, line[side]);
  if (!onRedact || !isRedactable(line, side)) return <>{value}</>;
  return (
    <>
      {value}
      <span className="rs-history__redact">
        <Button
          appearance="subtle"
          disabled={busy}
          aria-label={t('redactNamed', {
            field: text.label(line.field),
            side: t(side === 'old' ? 'redactSideOld' : 'redactSideNew'),
            when: formatDateTime(line.entry.at),
          })}
          onClick={() => onRedact({ line, side })}
        >
          {t('redact')}
        </Button>
      </span>
    </>
  );
}

interface RedactDialogProps {
  target: RedactTarget;
  text: FieldText;
  /** After the server removed the value: the entry as it is now. */
  onRedacted(entry: HistoryEntry): void;
  onClose(): void;
}

/** Asks before removing a value for good, and sends the redaction. */
export function RedactDialog({ target, text, onRedacted, onClose }: RedactDialogProps) {
  const { formatDateTime } = useI18n();
  const t = useMessages(historyMessages);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { line, side } = target;
  const field = text.label(line.field);
  const when = formatDateTime(line.entry.at);

  const confirm = async () => {
    setSending(true);
    setError(null);
    const res = await invoke('redactHistory', { historyId: line.entry.id, field: line.field, side });
    setSending(false);
    if (res.ok) onRedacted(res.data.entry);
    else setError(res.error);
  };

  return (
    <Dialog
      open
      size="small"
      title={t('redactTitle')}
      onClose={onClose}
      // Cancel first: the safe choice is where focus starts.
      initialFocusRef={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} onClick={onClose} disabled={sending}>
            {t('redactCancel')}
          </Button>
          <Button appearance="danger" isLoading={sending} onClick={() => void confirm()}>
            {t('redactConfirm')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} alert /> : null}
      <p>{t('redactIntro')}</p>
      <p>{t('redactValue', { field, side: t(side === 'old' ? 'redactSideOld' : 'redactSideNew'), when })}</p>
      <blockquote className="rs-history__redact-value rs-note">{text.format(line.field, line[side])}</blockquote>
      <p>{t('redactPermanent')}</p>
      <p>{t('redactCurrent')}</p>
    </Dialog>
  );
}
