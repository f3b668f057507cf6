/** getHistory: who changed what and when, newest first, a page at a time; redactHistory: remove a value from it. */
import { redactEntry } from '../domain/history-redaction';
import { fail } from '../shared/errors';
import { getHistorySchema, LIMITS, redactHistorySchema } from '../shared/schemas';
import { queryHistory, redactHistoryWith } from '../storage';
import { authoriseReadHistory, authoriseWrite } from './access';
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
    return { entries: page.entries, cursor: page.cursor };
  },
});

/**
 * Removes one value from a history entry (personal data written by mistake): only editors of the programme,
 * from a page in its own space. The value is overwritten in storage and the redaction recorded (who, when,
 * which field); the current data is not touched. Redacting a value that is already redacted changes nothing.
 */
export const redactHistory = defineResolver('redactHistory', {
  authorise: authoriseWrite,
  payload: redactHistorySchema,
  async run(input, { snapshot, editor }) {
    const { entry, revision } = await redactHistoryWith(input.historyId, snapshot.programme.id, (current) =>
      redactEntry(current, { field: input.field, side: input.side }, editor),
    );
    return { entry, revision };
  },
});
