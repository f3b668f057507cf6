/**
 * A participant's contact (overview 3): established and since when, the regional and the national contact,
 * and for each contact whether the public may see it (decision 0020). Established and since are part of the
 * cell's plan in the initiative record; the contacts and their public flags are details (decision 0017).
 * The field-level conflict rule covers all six fields, as it does a cell's.
 */
import { fail } from '../../shared/errors';
import type { Initiative, ParticipantDetails, RegionCell } from '../../shared/model';
import type { ContactFields } from '../../shared/schemas';
import { cellAt, planOf } from '../cells';
import { detailFlagsOf, publicContactsAfter, publicContactsOf } from '../contact-privacy';
import { dayOf } from './cell-edits';
import { historyEntry, type Edit, type EditContext } from './edit-context';
import { bulkFieldChange, mergeFieldPatch } from './field-patch';
import type { CellEdit } from './cell-edits';

const DAY_MS = 86_400_000;

/** "Since" is a real day not after today, with one day of slack for the editor's time zone. */
function refuseFutureSince(since: string | null | undefined, path: string, ctx: EditContext): void {
  if (since && Date.parse(`${since}T00:00:00Z`) > Date.parse(`${ctx.at.slice(0, 10)}T00:00:00Z`) + DAY_MS) {
    fail('VALIDATION', 'Contact cannot be established in the future', { issues: [{ path, message: 'The day is in the future' }] });
  }
}

export function contactFieldsOf(cell: RegionCell, details: ParticipantDetails): ContactFields {
  const shown = publicContactsOf(details);
  return {
    contactEstablished: cell.contactEstablished,
    contactSince: cell.contactSince,
    regionalContact: details.cell.regionalContact,
    nationalContact: details.cell.nationalContact,
    regionalContactPublic: shown.regional,
    nationalContactPublic: shown.national,
  };
}

/**
 * Merges a contact edit. "Since" is a real day not after today (one day of slack for the editor's time zone)
 * and only for an established contact; unestablishing clears it. A contact whose text changes is no longer
 * public unless the same edit chooses so; a flag on an empty contact stays off.
 */
export function applyContactPatch(
  initiative: Initiative,
  details: ParticipantDetails,
  regionCode: string,
  patch: Partial<ContactFields>,
  expected: Partial<ContactFields>,
  ctx: EditContext,
): CellEdit {
  const cell = cellAt(initiative, regionCode);
  const stored = contactFieldsOf(cell, details);
  const { merged, changes: patched } = mergeFieldPatch(stored, patch, expected, { updatedAt: cell.updatedAt, updatedByName: null });
  refuseFutureSince(patch.contactSince, 'patch.contactSince', ctx);
  if (!merged.contactEstablished && merged.contactSince !== null) {
    if (patch.contactEstablished === false) merged.contactSince = null;
    else fail('VALIDATION', 'Only an established contact has a day since', { issues: [{ path: 'patch.contactSince', message: 'Mark the contact established to give it a day' }] });
  }
  // A flag is chosen for a text: a changed text is not public unless this edit says so.
  const reset = publicContactsAfter({ regional: merged.regionalContactPublic, national: merged.nationalContactPublic }, patched);
  if (patch.regionalContactPublic === undefined) merged.regionalContactPublic = reset.regional;
  if (patch.nationalContactPublic === undefined) merged.nationalContactPublic = reset.national;
  if (merged.regionalContact === '') merged.regionalContactPublic = false;
  if (merged.nationalContact === '') merged.nationalContactPublic = false;

  const changes = (Object.keys(stored) as Array<keyof ContactFields>)
    .filter((f) => stored[f] !== merged[f])
    .map((f) => ({ field: f, old: stored[f], new: merged[f] }));
  if (changes.length === 0) return { next: initiative, history: [] };
  const nextDetails: ParticipantDetails = {
    ...details,
    cell: { ...details.cell, regionalContact: merged.regionalContact, nationalContact: merged.nationalContact },
    publicContacts: { regional: merged.regionalContactPublic, national: merged.nationalContactPublic },
  };
  const detailsChanged = changes.some((c) => c.field !== 'contactEstablished' && c.field !== 'contactSince');
  const nextCell: RegionCell = {
    // The plan only: the detail flags are derived anew below (a stale `detailsPrivate` must not survive).
    ...planOf(cell),
    contactEstablished: merged.contactEstablished,
    contactSince: merged.contactSince,
    updatedAt: dayOf(ctx),
    ...detailFlagsOf(nextDetails),
  };
  return {
    next: { ...initiative, cells: { ...initiative.cells, [regionCode]: nextCell } },
    ...(detailsChanged ? { details: nextDetails } : {}),
    history: [
      historyEntry(ctx, { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode, target: 'cell', action: 'update' }, changes),
    ],
  };
}

type ContactState = Pick<ContactFields, 'contactEstablished' | 'contactSince'>;
/** One comparable value per participant, so the bulk conflict rule compares established and since together. */
const stateKey = (state: ContactState) => (state.contactEstablished ? `yes:${state.contactSince ?? ''}` : 'no');

/**
 * "Contact established" since one day (or no day) for several participants at once (a bulk edit, decision
 * 0012): one transaction, one history entry per participant that changes. The contacts' texts and public
 * flags are details and stay as they are, so no detail record is read or written. A participant whose
 * established or since changed meanwhile (neither what the editor saw nor the new value) is a conflict.
 */
export function applyBulkContact(
  initiative: Initiative,
  regionCodes: readonly string[],
  contactSince: string | null,
  expected: Readonly<Record<string, ContactState>>,
  ctx: EditContext,
): Edit<Initiative> {
  refuseFutureSince(contactSince, 'contactSince', ctx);
  const value: ContactState = { contactEstablished: true, contactSince };
  const storedAt = (code: string) => stateKey(cellAt(initiative, code));
  const expectedKeys = Object.fromEntries(Object.entries(expected).map(([code, state]) => [code, stateKey(state)]));
  const changed = bulkFieldChange(regionCodes, stateKey(value), expectedKeys, storedAt, 'contact');
  const cells: Initiative['cells'] = {};
  const history = changed.map((code) => {
    const cell = cellAt(initiative, code);
    cells[code] = { ...cell, ...value, updatedAt: dayOf(ctx) };
    const changes = (['contactEstablished', 'contactSince'] as const).filter((f) => cell[f] !== value[f]).map((f) => ({ field: f, old: cell[f], new: value[f] }));
    return historyEntry(ctx, { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode: code, target: 'cell', action: 'update' }, changes);
  });
  return { next: changed.length === 0 ? initiative : { ...initiative, cells: { ...initiative.cells, ...cells } }, history };
}
