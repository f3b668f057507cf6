/** getHistory: who changed what and when, newest first, a page at a time. */
import { fail } from '../shared/errors';
import { getHistorySchema, LIMITS } from '../shared/schemas';
import { queryHistory } from '../storage';
import { authoriseReadHistory } from './access';
import { defineResolver } from './define';

const DEFAULT_PAGE = 20;

export const getHistory = defineResolver('getHistory', {
  authorise: authoriseReadHistory,
  payload: getHistorySchema,
  async run(input, snapshot) {
    const { programme, initiatives } = snapshot;
    if (input.initiativeId !== undefined && !initiatives.some((i) => i.id === input.initiativeId)) {
      fail('NOT_FOUND', 'No such initiative in this programme');
    }
    const page = await queryHistory({
      programmeId: programme.id,
      initiativeId: input.initiativeId,
      regionCode: input.regionCode,
      needId: input.needId,
      cursor: input.cursor,
      limit: Math.min(input.limit ?? DEFAULT_PAGE, LIMITS.historyPage),
    });
    return page;
  },
});
