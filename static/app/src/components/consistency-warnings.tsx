import type { ConsistencyWarning } from '@shared/contract';
import WarningList from './warning-list';

/**
 * The domain's consistency warnings for one entry ("pilot before the national window" …), each with a
 * warning triangle so they are not told apart by colour alone. Drawn in first screens too (a chosen
 * region's to-do list, the roadmap's table), so the list and its texts come with the view.
 */
export function ConsistencyWarnings({ warnings }: { warnings: ReadonlyArray<ConsistencyWarning> }) {
  if (warnings.length === 0) return null;
  return <WarningList warnings={warnings} />;
}
