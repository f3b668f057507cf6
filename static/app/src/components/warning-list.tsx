import type { ConsistencyWarning } from '@shared/contract';
import { useI18n, useMessages } from '../i18n';
import { describeWarning, warningMessages } from '../i18n/warning-messages';

/** The warnings as a list, in the reader's language. */
export default function WarningList({ warnings }: { warnings: ReadonlyArray<ConsistencyWarning> }) {
  const { locale } = useI18n();
  // Suspends until an English reader's table is in (the build ships it apart: i18n/locale-tables.ts).
  useMessages(warningMessages);
  return (
    <ul className="io-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`} className="io-warnings__item">
          <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M8 1.2L15.2 14.3H.8z" fill="currentColor" />
            <path className="io-icon__knockout" d="M8 6v3.6M8 11.8v.2" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <span>{describeWarning(w, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
