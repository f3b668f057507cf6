/**
 * getCapabilities: whether the UI should offer editing here, and if not, why. It applies exactly the checks
 * the writes apply (it calls the same authorisers) and never fails: a denial is an answer, not an error.
 */
import { z } from 'zod';
import { AppFailure, type DenialReason } from '../shared/errors';
import { readDefaultProgrammeSnapshot } from '../storage';
import { authoriseWrite, authoriseWriteOnPage } from './access';
import { administerDenial } from './admin';
import { defineResolver } from './define';

async function denialOf(check: () => Promise<unknown>): Promise<DenialReason | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof AppFailure && error.error.reason) return error.error.reason;
    // Confluence could not be asked: offer no editing rather than fail the page.
    console.error('Capability check failed', error);
    return 'no-page-edit';
  }
}

export const getCapabilities = defineResolver('getCapabilities', {
  authorise: async () => undefined,
  payload: z.strictObject({}),
  async run(_input, _access, call) {
    const editDenied = await denialOf(() => authoriseWrite(call, { lookUpName: false }));
    // Creating is offered in a space that has no programme yet, to those who may edit the page.
    // A programme record that cannot be read still occupies the space: nothing is offered over it.
    const occupant = call.spaceKey === null ? null : await readDefaultProgrammeSnapshot(call.installation, call.spaceKey).catch(() => 'unreadable');
    const spaceIsEmpty = call.spaceKey !== null && occupant === null;
    const createDenied = spaceIsEmpty ? await denialOf(() => authoriseWriteOnPage(call, { lookUpName: false })) : 'no-page-edit';
    // The same authoriser the admin resolvers call (decision 0022); only asked of Confluence for licensed users.
    const adminDenied = await administerDenial(call);
    return {
      accountType: call.accountType,
      canEdit: editDenied === null,
      canCreateProgramme: spaceIsEmpty && createDenied === null,
      reason: editDenied,
      canAdminister: adminDenied === null,
    };
  },
});
