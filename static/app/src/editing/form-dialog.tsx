import type { ReactNode, RefObject } from 'react';
import type { AppError } from '@shared/errors';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n';
import { ErrorSummary } from './error-summary';
import type { SummaryItem } from './error-summary';

export interface FormDialogProps {
  title: ReactNode;
  description?: ReactNode;
  size?: 'small' | 'medium' | 'large';
  onClose(): void;
  /** Enter in a field and the primary button call this; not called until the form is `ready`. */
  onSubmit(): void;
  saving: boolean;
  /** The primary button's label when not saving; "Spara" / "Save" by default. */
  submitLabel?: string;
  /** False while the form waits for what it starts from: the primary button is there but disabled. */
  ready?: boolean;
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** A server error, shown first as an alert. */
  error?: AppError | null;
  /** The form's error summary (usePatchSave's `summary` and `attempt`), for forms that validate fields. */
  summary?: { items: SummaryItem[]; attempt: number };
  children: ReactNode;
}

/**
 * Every editing form's frame: a dialog whose footer has Cancel and the primary button (with "Sparar …"
 * while saving), the server's error as an alert and the error summary above the fields. The views pass
 * only their title and fields, so the forms of every macro behave and read the same.
 */
export function FormDialog({ title, description, size = 'large', onClose, onSubmit, saving, submitLabel, ready = true, initialFocusRef, error, summary, children }: FormDialogProps) {
  const i18n = useI18n();
  return (
    <Dialog
      open
      size={size}
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={ready ? onSubmit : undefined}
      initialFocusRef={initialFocusRef}
      footer={
        <>
          <Button onClick={onClose}>{i18n.t('cancel')}</Button>
          <Button type={ready ? 'submit' : 'button'} appearance="primary" isLoading={saving} disabled={!ready || undefined}>
            {saving ? i18n.t('saving') : submitLabel ?? i18n.t('save')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} alert /> : null}
      {summary ? <ErrorSummary items={summary.items} attempt={summary.attempt} /> : null}
      {children}
    </Dialog>
  );
}
