/**
 * Authorisation, on every call, from the call context only.
 *
 * - Which programme: the macro's configured programme, else the oldest programme of the page's space.
 * - Read: from a page in the programme's own space, or from anywhere if the programme is published.
 * - Write: not anonymous; the page is in the programme's own space; and the caller may edit that page
 *   (asked of Confluence as the user, every time: the UI hiding edit controls is a convenience, not a check).
 */
import { randomUUID } from 'node:crypto';
import type { EditContext } from '../domain/edits';
import { mayReadProgramme } from '../domain/read-access';
import { fail } from '../shared/errors';
import { readChosenProgramme } from '../domain/programme-choice';
import { readDefaultProgrammeSnapshot, readProgrammeSnapshot, type ProgrammeSnapshot } from '../storage';
import type { CallContext } from './call-context';
import { canEditPage, currentUserName } from './confluence';

/** The programme this macro shows, or null when there is none (yet). Not yet checked for read access. */
export function programmeForMacro(call: CallContext): Promise<ProgrammeSnapshot | null> {
  return readChosenProgramme({ readProgrammeSnapshot, readDefaultProgrammeSnapshot }, call.installation, {
    programmeId: call.config.programmeId,
    spaceKey: call.spaceKey,
  });
}

export function requireMacro(call: CallContext): { pageId: string; spaceKey: string } {
  if (!call.pageId || !call.spaceKey) fail('PERMISSION', 'Only available inside a macro on a page', { reason: 'not-in-macro' });
  return { pageId: call.pageId, spaceKey: call.spaceKey };
}

/** The programme to show, if the caller may read it here; null when there is none. */
export async function authoriseRead(call: CallContext): Promise<ProgrammeSnapshot | null> {
  const { spaceKey } = requireMacro(call);
  const snapshot = await programmeForMacro(call);
  if (snapshot && !mayReadProgramme(snapshot.programme, spaceKey)) {
    fail('PERMISSION', 'This programme is not published outside its own space', { reason: 'unpublished' });
  }
  return snapshot;
}

/** Like authoriseRead, for resolvers that need a programme. */
/** Reading the history: a licensed user who may read the programme here. */
export async function authoriseReadHistory(call: CallContext): Promise<ProgrammeSnapshot> {
  requireLicensed(call);
  return authoriseReadProgramme(call);
}

export async function authoriseReadProgramme(call: CallContext): Promise<ProgrammeSnapshot> {
  const snapshot = await authoriseRead(call);
  if (!snapshot) fail('NOT_FOUND', 'There is no programme here yet', { reason: 'no-programme' });
  return snapshot;
}

export interface WriteCheckOptions {
  /** Look up the editor's name for the history (skipped when only asking whether editing is allowed). */
  lookUpName?: boolean;
}

export interface WriteAccess {
  /** The page's space: where a new programme goes. */
  spaceKey: string;
  editor: EditContext;
}

/**
 * A signed-in, licensed user: what editing and reading the history need. Confluence's unlicensed guests
 * cannot be checked as the user (asUser() is not available to them), and the history may hold values an
 * editor removed, so both stay with licensed users (architecture: permission model).
 */
export function requireLicensed(call: CallContext): string {
  if (call.accountId === null) fail('PERMISSION', 'Sign in to do this', { reason: 'anonymous' });
  if (call.accountType !== 'licensed') fail('PERMISSION', 'Only licensed Confluence users can do this', { reason: 'unlicensed' });
  return call.accountId;
}

/** Not anonymous, and may edit the page: what every write needs, whatever it writes. */
export async function authoriseWriteOnPage(call: CallContext, options: WriteCheckOptions = {}): Promise<WriteAccess> {
  const { pageId, spaceKey } = requireMacro(call);
  const accountId = requireLicensed(call);
  const [canEdit, name] = await Promise.all([
    canEditPage(pageId, accountId),
    options.lookUpName === false ? null : currentUserName(),
  ]);
  if (!canEdit) fail('PERMISSION', 'You cannot edit this page', { reason: 'no-page-edit' });
  return { spaceKey, editor: { by: accountId, byName: name, at: new Date().toISOString(), newId: randomUUID } };
}

/** Write access to the macro's programme: additionally, the page must be in the programme's own space. */
export async function authoriseWrite(
  call: CallContext,
  options: WriteCheckOptions = {},
): Promise<WriteAccess & { snapshot: ProgrammeSnapshot }> {
  const { spaceKey } = requireMacro(call);
  requireLicensed(call);
  const snapshot = await programmeForMacro(call);
  if (!snapshot) fail('NOT_FOUND', 'There is no programme here yet', { reason: 'no-programme' });
  if (snapshot.programme.spaceKey !== spaceKey) {
    fail('PERMISSION', 'This programme is edited from pages in its own space', { reason: 'other-space' });
  }
  return { ...(await authoriseWriteOnPage(call, options)), snapshot };
}
