/**
 * updateContact: a participant's contact (overview 3), edited as a cell is (cells.ts): the plan part in the
 * initiative record, the contacts and their public flags in the participant's detail record (decision 0020).
 */
import { buildCellView } from '../domain/build-view';
import { publicContactsOf } from '../domain/contact-privacy';
import { applyContactPatch, requireParticipants } from '../domain/edits';
import { updateContactSchema } from '../shared/schemas';
import { latestCellChange, updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';
import { forParticipant, namingLastChange } from './participant-edit';

export const updateContact = defineResolver('updateContact', {
  authorise: authoriseWrite,
  payload: updateContactSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    const { initiativeId, regionCode } = input;
    requireParticipants(programme, [regionCode]);
    const { initiative, details, revision } = await namingLastChange(
      () =>
        updateInitiativeWith(
          initiativeId,
          (current, loaded) => forParticipant(regionCode, applyContactPatch(current, loaded.get(regionCode)!, regionCode, input.patch, input.expected, editor)),
          { programmeId: programme.id, detailsFor: [regionCode] },
        ),
      () => latestCellChange(initiativeId, regionCode),
    );
    const saved = details.get(regionCode)!;
    return {
      initiativeId,
      regionCode,
      cell: buildCellView(programme, initiative, regionCode, new Date()),
      details: saved.cell,
      publicContacts: publicContactsOf(saved),
      initiativeVersion: initiative.version,
      revision,
    };
  },
});
