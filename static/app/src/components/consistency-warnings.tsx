import { Suspense, use } from 'react';
import type { ConsistencyWarning } from '@shared/contract';
import { useI18n } from '../i18n';
import type { describeWarning } from '../i18n/warning-messages';

type Describe = typeof describeWarning;

// Warnings are only drawn on demand (a popover, an opened disclosure, an editor's form), never in a view's
// first screen: their texts (~1.5 KB gzip, every code in both languages) load the first time one is
// drawn, not with the view (issue 7, docs/performance.md section 3).
let describe: Describe | undefined;
let loading: Promise<Describe> | undefined;

function loadWarningTexts(): Promise<Describe> {
  loading ??= import('../i18n/warning-messages').then(
    (m) => (describe = m.describeWarning),
    (error: unknown) => {
      loading = undefined; // a failed chunk (offline): the next render tries again
      throw error;
    },
  );
  return loading;
}

/**
 * The domain's consistency warnings for one entry ("pilot before the national window" …), each with a
 * warning triangle so they are not told apart by colour alone. Draws nothing for the moment the texts
 * take to arrive the first time.
 */
export function ConsistencyWarnings({ warnings }: { warnings: ReadonlyArray<ConsistencyWarning> }) {
  if (warnings.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <WarningList warnings={warnings} />
    </Suspense>
  );
}

function WarningList({ warnings }: { warnings: ReadonlyArray<ConsistencyWarning> }) {
  const { locale } = useI18n();
  const describeNow = describe ?? use(loadWarningTexts());
  return (
    <ul className="io-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`} className="io-warnings__item">
          <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M8 1.2L15.2 14.3H.8z" fill="currentColor" />
            <path className="io-icon__knockout" d="M8 6v3.6M8 11.8v.2" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <span>{describeNow(w, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
