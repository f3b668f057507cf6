import type { AppError } from '@shared/errors';
import { describeError, useI18n } from '../i18n';
import { Button } from './button';
import { SectionMessage } from './section-message';

export interface ErrorMessageProps {
  error: AppError;
  /** Shows a "Försök igen" button. */
  onRetry?: () => void;
  /** Announce immediately (role=alert): use for errors caused by what the user just did. */
  alert?: boolean;
}

/** An AppError in the user's language: what happened and what to do. The developer message is never shown. */
export function ErrorMessage({ error, onRetry, alert = false }: ErrorMessageProps) {
  const { locale, t } = useI18n();
  const text = describeError(error, locale);
  return (
    <SectionMessage
      appearance="error"
      role={alert ? 'alert' : undefined}
      title={text.title}
      actions={onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : undefined}
    >
      <p>{text.action}</p>
    </SectionMessage>
  );
}
