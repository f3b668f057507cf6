import { useEffect, useId, useRef } from 'react';
import { useEditingText } from './use-editing-text';
import './editing.css';

export interface SummaryItem {
  fieldId: string;
  label: string;
  message: string;
}

/**
 * The form's problems at the top, each a link to its field. It takes focus when it appears, so a
 * keyboard or screen-reader user learns at once that nothing was saved and what to fix.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const { t } = useEditingText();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // Refocus on every failed attempt, not on every keystroke that changes the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (items.length === 0) return null;
  return (
    <div className="rs-error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <p className="rs-error-summary__title" id={headingId}>
        {t('errorSummary', { count: items.length })}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(item.fieldId)?.focus();
              }}
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
