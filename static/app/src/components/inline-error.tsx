import { useI18n } from '../i18n';
import { Button } from './button';

export interface InlineErrorProps {
  /** What could not be done, e.g. "Detaljerna kunde inte hämtas." */
  text: string;
  onRetry?: () => void;
}

/**
 * A failed read inside a small space (a popover, a table cell's neighbour): one line, the error icon and
 * "Försök igen". The rest of the view stays as it is.
 */
export function InlineError({ text, onRetry }: InlineErrorProps) {
  const { t } = useI18n();
  return (
    <div className="io-inline-error">
      <svg className="io-inline-error__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor" />
        <path className="io-icon__knockout" d="M8 4.6v4.2M8 11.2v.2" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <p className="io-inline-error__text">{text}</p>
      {onRetry ? (
        <Button appearance="subtle" onClick={onRetry}>
          {t('retry')}
        </Button>
      ) : null}
    </div>
  );
}
