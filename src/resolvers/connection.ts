/**
 * updateConnection: one participant's connection process (overview 3, decision 0026), its start day and the
 * steps done, written in the initiative record as the milestones are: an editor of the programme's own space,
 * one conditioned write, the field-level rule (step by step for the steps), a history entry per change.
 */
import { applyConnectionPatch } from '../domain/connection-process';
import { requireParticipants } from '../domain/edits';
import { updateConnectionSchema } from '../shared/schemas';
import { updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';

export const updateConnection = defineResolver('updateConnection', {
  authorise: authoriseWrite,
  payload: updateConnectionSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    const { initiativeId, regionCode } = input;
    requireParticipants(programme, [regionCode]);
    const { initiative, revision } = await updateInitiativeWith(
      initiativeId,
      (current) => applyConnectionPatch(current, regionCode, input.patch, input.expected, editor),
      { programmeId: programme.id },
    );
    const stored = initiative.connection?.[regionCode];
    return {
      initiativeId,
      regionCode,
      connection: stored ? { start: stored.start, done: stored.done } : null,
      initiativeVersion: initiative.version,
      revision,
    };
  },
});
