/**
 * The read side of the domain: from the stored programme and initiatives to the view model of one macro.
 * Pure: the caller passes `now`, so the same input always gives the same view.
 */
import type { MacroView } from '../shared/contract';
import type { Initiative, Programme } from '../shared/model';
import type { MacroConfig } from '../shared/schemas';
import type { MacroKey } from '../shared/vocabulary';
import type { Audience } from './audience';
import { selectForView } from './perspective';
import { buildRoadmapView } from './roadmap-view';
import { buildRolloutStatusView } from './rollout-status-view';
import { buildSupportPlanView } from './support-plan-view';
import { buildTechnicalNeedsView } from './technical-needs-view';

export type { Audience } from './audience';
export { buildCellView } from './cell-view';
export { summariseProgramme } from './programme-summary';

export interface BuildViewInput {
  macro: MacroKey;
  programme: Programme;
  initiatives: Initiative[];
  config: MacroConfig;
  now: Date;
  audience: Audience;
}

export function buildView({ macro, programme, initiatives, config, now, audience }: BuildViewInput): MacroView {
  const selection = selectForView(programme, initiatives, config);
  switch (macro) {
    case 'rollout-status':
      return buildRolloutStatusView(programme, selection, now, audience);
    case 'technical-needs':
      return buildTechnicalNeedsView(programme, selection, now, audience);
    case 'support-plan':
      return buildSupportPlanView(programme, selection, now, audience);
    case 'roadmap':
      return buildRoadmapView(programme, selection, now, audience, config);
    default: {
      const unknown: never = macro;
      throw new Error(`Unknown macro: ${String(unknown)}`);
    }
  }
}
