/**
 * Programme administration from the space page (decision 0022): getProgrammeAdmin lists the space's
 * programmes for everyone who can open the space, and updateProgrammeSettings lets the space's
 * administrators change a programme's settings. Who administers is asked of Confluence, as the user, on
 * every call; the space comes from the call context only.
 */
import api, { route } from '@forge/api';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { applyParticipantChange } from '../domain/admin/participants';
import { applyProgrammeSettings, programmeAdminItem } from '../domain/admin/programme-settings';
import type { EditContext } from '../domain/edits';
import { AppFailure, fail, type DenialReason } from '../shared/errors';
import type { Programme } from '../shared/model';
import { updateParticipantSchema, updateProgrammeSettingsSchema } from '../shared/schemas';
import { listProgrammesInSpace, readProgrammeSnapshot, updateProgrammeWith } from '../storage';
import { requireLicensed } from './access';
import type { CallContext } from './call-context';
import { currentUserName } from './confluence';
import { defineResolver } from './define';

/**
 * Does the caller administer this space? Confluence REST v2 "Get permitted operations for space", as the
 * user: the answer lists `administer` on `space` for the space's administrators. 404 means the caller
 * cannot even see the space; any other failure is an error, so nothing is allowed on a guess.
 */
export async function administersSpace(spaceId: string): Promise<boolean> {
  const response = await api.asUser().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/operations`, {
    headers: { Accept: 'application/json' },
  });
  if (response.status === 403 || response.status === 404) return false;
  if (!response.ok) throw new Error(`Confluence space operations check failed with status ${response.status}`);
  const body = (await response.json()) as { operations?: unknown };
  const operations = Array.isArray(body.operations) ? (body.operations as Array<{ operation?: unknown; targetType?: unknown }>) : [];
  return operations.some((o) => o.operation === 'administer' && o.targetType === 'space');
}

export interface AdminAccess {
  spaceKey: string;
  editor: EditContext;
}

export interface AdminCheckOptions {
  /** Look up the administrator's name for the history (skipped when only asking whether it is allowed). */
  lookUpName?: boolean;
}

/** A signed-in, licensed administrator of the context's space: what every administration change needs. */
export async function authoriseAdminister(call: CallContext, options: AdminCheckOptions = {}): Promise<AdminAccess> {
  if (!call.spaceKey) fail('PERMISSION', 'Only available in a space', { reason: 'not-in-macro' });
  const accountId = requireLicensed(call);
  const spaceKey = call.spaceKey;
  // Without the space's id Confluence cannot be asked: refused, never assumed.
  if (!call.spaceId) fail('PERMISSION', 'Only the administrators of the space can do this', { reason: 'not-space-admin' });
  const [administers, name] = await Promise.all([administersSpace(call.spaceId), options.lookUpName === false ? null : currentUserName()]);
  if (!administers) fail('PERMISSION', 'Only the administrators of the space can do this', { reason: 'not-space-admin' });
  return { spaceKey, editor: { by: accountId, byName: name, at: new Date().toISOString(), newId: randomUUID } };
}

/** Why this caller may not administer here, or null when they may; never throws (for capabilities). */
export async function administerDenial(call: CallContext): Promise<DenialReason | null> {
  try {
    await authoriseAdminister(call, { lookUpName: false });
    return null;
  } catch (error) {
    if (error instanceof AppFailure && error.error.reason) return error.error.reason;
    // Confluence could not be asked: offer no administration rather than fail the page.
    console.error('Administration check failed', error);
    return 'not-space-admin';
  }
}

function requireSpace(call: CallContext): { spaceKey: string } {
  if (!call.spaceKey) fail('PERMISSION', 'Only available in a space', { reason: 'not-in-macro' });
  return { spaceKey: call.spaceKey };
}

/** The space's programmes, with what the space page shows of each, and whether the caller administers them. */
export const getProgrammeAdmin = defineResolver('getProgrammeAdmin', {
  authorise: async (call) => requireSpace(call),
  payload: z.strictObject({}),
  async run(_input, { spaceKey }, call) {
    const [programmes, reason] = await Promise.all([listProgrammesInSpace(spaceKey), administerDenial(call)]);
    const snapshots = await Promise.all(programmes.map((p) => readProgrammeSnapshot(call.installation, p.id)));
    return {
      spaceKey,
      programmes: programmes.map((p, k) => programmeAdminItem(snapshots[k]?.programme ?? p, snapshots[k]?.initiatives ?? [])),
      canAdminister: reason === null,
      reason,
    };
  },
});

/**
 * Changes one of the space's programmes as an administrator: the programme must belong to the context's
 * space (another space's is answered as absent: the id chooses, the context's space decides), and the change
 * is written conditioned on the version read, with its history entry and a new revision.
 */
async function changeProgramme(
  call: CallContext,
  spaceKey: string,
  programmeId: string,
  change: (current: Programme) => ReturnType<typeof applyProgrammeSettings>,
) {
  const snapshot = await readProgrammeSnapshot(call.installation, programmeId);
  if (!snapshot || snapshot.programme.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
  const { programme, revision } = await updateProgrammeWith(programmeId, (current) => {
    if (current.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
    return change(current);
  });
  return { programme: programmeAdminItem(programme, snapshot.initiatives), revision };
}

/** Name, description, staleness threshold and published flag of one of the space's programmes. */
export const updateProgrammeSettings = defineResolver('updateProgrammeSettings', {
  authorise: authoriseAdminister,
  payload: updateProgrammeSettingsSchema,
  run: (input, { spaceKey, editor }, call) =>
    changeProgramme(call, spaceKey, input.programmeId, (current) => applyProgrammeSettings(current, input.patch, input.expected, editor)),
});

/** Adds, renames, retires or reinstates one participant; a retired participant's records all stay. */
export const updateParticipant = defineResolver('updateParticipant', {
  authorise: authoriseAdminister,
  payload: updateParticipantSchema,
  run: (input, { spaceKey, editor }, call) => changeProgramme(call, spaceKey, input.programmeId, (current) => applyParticipantChange(current, input, editor)),
});
