import { lazy, Suspense, use } from 'react';
import type { AppError } from '@shared/errors';
import { useI18n } from '../i18n';
import type { describeError } from '../i18n/error-messages';
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

type Describe = typeof describeError;

// The texts for every error code in both languages (~2 KB gzip) are needed only when something failed, so
// they are not in the first download: they load with the first error, or after the first paint
// (ReadySignal calls loadErrorTexts), whichever comes first. Issue 7, docs/performance.md section 3.
let describe: Describe | null | undefined;
let loading: Promise<Describe | null> | undefined;

export function loadErrorTexts(): Promise<Describe | null> {
  loading ??= import('../i18n/error-messages').then(
    (m) => (describe = m.describeError),
    () => {
      // Offline or a failed chunk: say that the page must be reloaded, and try the import again next time.
      loading = undefined;
      return (describe = null);
    },
  );
  return loading;
}

/**
 * An AppError in the user's language: what happened and what to do. The developer message is never shown.
 * Draws nothing for the moment its texts may still be loading (see loadErrorTexts).
 */
export function ErrorMessage(props: ErrorMessageProps) {
  return (
    <Suspense fallback={null}>
      <ErrorMessageNow {...props} />
    </Suspense>
  );
}

/**
 * ErrorMessage without its own Suspense boundary: it suspends until its texts are in, so a caller whose
 * boundary also holds a ReadySignal sends the ready event only once the error is readable.
 */
export function ErrorMessageNow({ error, onRetry, onClose, alert = false, title }: ErrorMessageProps) {
  const { locale, t } = useI18n();
  const describeNow = describe === undefined ? use(loadErrorTexts()) : describe;
  const text = describeNow ? describeNow(error, locale) : { title: t('viewFailedToLoad'), action: '' };
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
      {text.action ? <p>{text.action}</p> : null}
      {error.code === 'VALIDATION' && error.issues && error.issues.length > 0 ? (
        <Suspense fallback={null}>
          <ValidationIssues issues={error.issues} locale={locale} />
        </Suspense>
      ) : null}
    </SectionMessage>
  );
}
