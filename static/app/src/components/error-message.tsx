import { lazy, Suspense } from 'react';
import type { AppError } from '@shared/errors';
import { describeError, useI18n } from '../i18n';
import { Button } from './button';
import { SectionMessage } from './section-message';

export interface ErrorMessageProps {
  error: AppError;
  /** Shows a "Försök igen" button. */
  onRetry?: () => void;
  /** Shows a "Stäng" button, for a message the reader may put away (it is not in the way of anything). */
  onClose?: () => void;
  /** Announce immediately (role=alert): use for errors caused by what the user just did. */
  alert?: boolean;
  /** What could not be done, when that says more than the error's own title (e.g. "CSV-filen kunde inte skapas …"). */
  title?: string;
}

/** A VALIDATION error's issues, loaded when one is shown: see validation-issues.tsx for why. */
const ValidationIssues = lazy(() => import('./validation-issues'));

/** An AppError in the user's language: what happened and what to do. The developer message is never shown. */
export function ErrorMessage({ error, onRetry, onClose, alert = false, title }: ErrorMessageProps) {
  const { locale, t } = useI18n();
  const text = describeError(error, locale);
  const actions =
    onRetry || onClose ? (
      <>
        {onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : null}
        {onClose ? (
          <Button appearance="subtle" onClick={onClose}>
            {t('close')}
          </Button>
        ) : null}
      </>
    ) : undefined;
  return (
    <SectionMessage appearance="error" role={alert ? 'alert' : undefined} title={title ?? text.title} actions={actions}>
      <p>{text.action}</p>
      {error.code === 'VALIDATION' && error.issues && error.issues.length > 0 ? (
        <Suspense fallback={null}>
          <ValidationIssues issues={error.issues} locale={locale} />
        </Suspense>
      ) : null}
    </SectionMessage>
  );
}
