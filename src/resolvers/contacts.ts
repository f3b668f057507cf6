/**
 * updateContact: a participant's contact (overview 3), edited as a cell is (cells.ts): the plan part in the
 * initiative record, the contacts and their public flags in the participant's detail record (decision 0020).
 * bulkUpdateContacts: "contact established" for several participants at once, as bulkUpdateCells sets a status.
 */
import { buildCellView } from '../domain/build-view';
import { publicContactsOf } from '../domain/contact-privacy';
import { applyBulkContact, applyContactPatch, requireParticipants } from '../domain/edits';
import { bulkUpdateContactsSchema, updateContactSchema } from '../shared/schemas';
import { latestCellChange, updateInitiativeWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';
import { bulkParticipantEdit, forParticipant, namingLastChange } from './participant-edit';

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

/**
 * Established since one day for several participants in one transaction (decision 0012): at most 23 can
 * change at once, more is LIMIT and nothing is written. Established and since are drawn in the views, so the
 * participants' details (the contacts and their public flags) are neither read nor written.
 */
export const bulkUpdateContacts = defineResolver('bulkUpdateContacts', {
  authorise: authoriseWrite,
  payload: bulkUpdateContactsSchema,
  async run(input, { snapshot, editor }) {
    return bulkParticipantEdit(snapshot.programme, input.initiativeId, input.regionCodes, (current) =>
      applyBulkContact(current, input.regionCodes, input.contactSince, input.expected, editor),
    );
  },
});
