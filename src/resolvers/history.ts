/** getHistory: who changed what and when, newest first, a page at a time. */
import { fail } from '../shared/errors';
import type { HistoryEntry } from '../shared/model';
import { getHistorySchema, LIMITS } from '../shared/schemas';
import { queryHistory } from '../storage';
import { authoriseReadProgramme } from './access';
import { defineResolver } from './define';

const DEFAULT_PAGE = 20;

/** Pages are public; who made a change is shown to signed-in readers only, as in the views. */
function forPublic(entry: HistoryEntry): HistoryEntry {
  return { ...entry, by: '', byName: null };
}

export const getHistory = defineResolver('getHistory', {
  authorise: authoriseReadProgramme,
  payload: getHistorySchema,
  async run(input, snapshot, call) {
    const { programme, initiatives } = snapshot;
    if (input.initiativeId !== undefined && !initiatives.some((i) => i.id === input.initiativeId)) {
      fail('NOT_FOUND', 'No such initiative in this programme');
    }
    const page = await queryHistory({
      programmeId: programme.id,
      initiativeId: input.initiativeId,
      regionCode: input.regionCode,
      cursor: input.cursor,
      limit: Math.min(input.limit ?? DEFAULT_PAGE, LIMITS.historyPage),
    });
    return call.accountId === null ? { ...page, entries: page.entries.map(forPublic) } : page;
  },
});
