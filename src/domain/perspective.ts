/**
 * Which initiatives and which participants a macro shows. The region and single-initiative perspectives
 * are views of the same data, chosen in the macro's config.
 */
import { effectivePerspective } from '../shared/perspective';
import type { MacroConfig } from '../shared/schemas';
import type { Initiative, Participant, Programme } from '../shared/model';

export interface Selection {
  /** In the programme's participant order. */
  participants: Participant[];
  /** In `order`. */
  initiatives: Initiative[];
}

function byOrder(a: Initiative, b: Initiative): number {
  // The id breaks ties so two initiatives with the same order never swap between renders.
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * - Archived initiatives are left out unless config.showArchived, in every perspective, so that a
 *   finished initiative leaves a page the same way whichever perspective the page uses.
 * - Region perspective: only that participant. A perspective whose region or initiative is not chosen yet
 *   shows the whole programme (the config dialog is half filled in); one that names a region or initiative
 *   the programme does not have shows nothing, rather than silently showing something else.
 */
export function selectForView(programme: Pick<Programme, 'participants'>, initiatives: Initiative[], config: MacroConfig): Selection {
  let rows = config.showArchived ? initiatives.slice() : initiatives.filter((i) => !i.archived);
  let participants = programme.participants;
  const perspective = effectivePerspective(config);
  if (perspective === 'region') {
    participants = participants.filter((p) => p.code === config.regionCode);
  } else if (perspective === 'initiative') {
    rows = rows.filter((i) => i.id === config.initiativeId);
  }
  rows.sort(byOrder);
  return { participants: participants.slice(), initiatives: rows };
}
