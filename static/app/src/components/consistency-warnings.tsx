import { lazy, Suspense } from 'react';
import type { ConsistencyWarning } from '@shared/contract';

// Warnings are only drawn on demand (a popover, an opened disclosure, an editor's form), never in a view's
// first screen: the list and its texts (every code in both languages) load the first time one is drawn,
// not with the view (issue 7, docs/performance.md section 3).
const WarningList = lazy(() => import('./warning-list'));

/**
 * The domain's consistency warnings for one entry ("pilot before the national window" …), each with a
 * warning triangle so they are not told apart by colour alone. Draws nothing for the moment the list
 * takes to arrive the first time.
 */
export function ConsistencyWarnings({ warnings }: { warnings: ReadonlyArray<ConsistencyWarning> }) {
  if (warnings.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <WarningList warnings={warnings} />
    </Suspense>
  );
}
