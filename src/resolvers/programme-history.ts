/**
 * The programme's history on the space page (decision 0030): getProgrammeHistory pages it out filtered by
 * initiative, participant, user and time range; getHistoryDigest summarises the same filtered range.
 *
 * Who may read: as getHistory, a signed-in licensed user (the history keeps old values, non-public contacts
 * among them, and editors' names), from the programme's own space or, when it is published, from any space.
 * The programme is named in the payload; the context's space decides whether it may be read there.
 */
import { buildHistoryDigest } from '../domain/history-digest';
import { mayReadProgramme } from '../domain/read-access';
import { fail } from '../shared/errors';
import { DIGEST_LIMITS } from '../shared/history-digest';
import { getHistoryDigestSchema, getProgrammeHistorySchema } from '../shared/schemas';
import { queryHistory, readProgrammeSnapshot, type HistoryQuery, type ProgrammeSnapshot } from '../storage';
import { requireLicensed } from './access';
import type { CallContext } from './call-context';
import { defineResolver } from './define';

const DEFAULT_PAGE = 25;
/** A page's entries stop before 2 MB of JSON: far inside Forge's 5 MB response, whatever the entries hold. */
export const PROGRAMME_HISTORY_PAGE_BYTES = 2_000_000;
/** Storage pages one call reads at most: a rare filter over a long history answers early with a cursor. */
const PAGES_PER_CALL = 10;

async function authoriseReadProgrammeHistory(call: CallContext): Promise<{ spaceKey: string }> {
  requireLicensed(call);
  if (!call.spaceKey) fail('PERMISSION', 'Only available in a space', { reason: 'not-in-macro' });
  return { spaceKey: call.spaceKey };
}

interface Filter {
  programmeId: string;
  initiativeId?: string;
  regionCode?: string;
  by?: string;
  from?: string;
  to?: string;
}

/** The programme, if it may be read from this space, with the filter's initiative and participant known in it. */
async function readableProgramme(call: CallContext, spaceKey: string, input: Filter): Promise<ProgrammeSnapshot> {
  const snapshot = await readProgrammeSnapshot(call.installation, input.programmeId);
  if (!snapshot) fail('NOT_FOUND', 'There is no such programme', { reason: 'no-programme' });
  if (!mayReadProgramme(snapshot.programme, spaceKey)) {
    fail('PERMISSION', 'This programme is not published outside its own space', { reason: 'unpublished' });
  }
  if (input.initiativeId !== undefined && !snapshot.initiatives.some((i) => i.id === input.initiativeId)) {
    fail('NOT_FOUND', 'No such initiative in this programme', { issues: [{ path: 'initiativeId', message: 'Unknown initiative' }] });
  }
  const { participants, retiredParticipants = [] } = snapshot.programme;
  if (input.regionCode !== undefined && ![...participants, ...retiredParticipants].some((p) => p.code === input.regionCode)) {
    fail('NOT_FOUND', 'No such participant in this programme', { issues: [{ path: 'regionCode', message: 'Unknown participant' }] });
  }
  return snapshot;
}

function historyQuery(input: Filter): Omit<HistoryQuery, 'limit'> {
  return {
    programmeId: input.programmeId,
    initiativeId: input.initiativeId,
    regionCode: input.regionCode,
    by: input.by,
    from: input.from === undefined ? undefined : Date.parse(input.from),
    to: input.to === undefined ? undefined : Date.parse(input.to),
  };
}

export const getProgrammeHistory = defineResolver('getProgrammeHistory', {
  authorise: authoriseReadProgrammeHistory,
  payload: getProgrammeHistorySchema,
  async run(input, { spaceKey }, call) {
    await readableProgramme(call, spaceKey, input);
    const page = await queryHistory({
      ...historyQuery(input),
      cursor: input.cursor,
      limit: input.limit ?? DEFAULT_PAGE,
      maxBytes: PROGRAMME_HISTORY_PAGE_BYTES,
      maxPages: PAGES_PER_CALL,
    });
    return { entries: page.entries, cursor: page.cursor };
  },
});

export const getHistoryDigest = defineResolver('getHistoryDigest', {
  authorise: authoriseReadProgrammeHistory,
  payload: getHistoryDigestSchema,
  async run(input, { spaceKey }, call) {
    const { programme, initiatives } = await readableProgramme(call, spaceKey, input);
    const page = await queryHistory({ ...historyQuery(input), limit: DIGEST_LIMITS.entries, maxPages: DIGEST_LIMITS.pages });
    const participant = [...programme.participants, ...(programme.retiredParticipants ?? [])].find((p) => p.code === input.regionCode);
    return buildHistoryDigest({
      programme,
      initiatives,
      entries: page.entries,
      from: input.from,
      to: input.to ?? null,
      filter: {
        initiative: initiatives.find((i) => i.id === input.initiativeId)?.name ?? null,
        participant: participant?.name ?? null,
        user: input.by === undefined ? null : (page.entries.find((e) => e.by === input.by)?.byName ?? input.by),
      },
      truncated: page.cursor !== null,
    });
  },
});
