/**
 * A participant's contact (overview 3): established and since when, the regional and the national contact,
 * and for each contact whether the public may see it (decision 0020). Established and since are part of the
 * cell's plan in the initiative record; the contacts and their public flags are details (decision 0017).
 * The field-level conflict rule covers all six fields, as it does a cell's.
 */
import { fail } from '../../shared/errors';
import type { Initiative, ParticipantDetails, RegionCell } from '../../shared/model';
import type { ContactFields } from '../../shared/schemas';
import { cellAt, hasAnyDetail } from '../cells';
import { publicContactsAfter, publicContactsOf } from '../contact-privacy';
import { dayOf } from './cell-edits';
import { historyEntry, type EditContext } from './edit-context';
import { mergeFieldPatch } from './field-patch';
import type { CellEdit } from './cell-edits';

const DAY_MS = 86_400_000;

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
  if (patch.contactSince && Date.parse(`${patch.contactSince}T00:00:00Z`) > Date.parse(`${ctx.at.slice(0, 10)}T00:00:00Z`) + DAY_MS) {
    fail('VALIDATION', 'Contact cannot be established in the future', { issues: [{ path: 'patch.contactSince', message: 'The day is in the future' }] });
  }
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
    ...cell,
    contactEstablished: merged.contactEstablished,
    contactSince: merged.contactSince,
    updatedAt: dayOf(ctx),
    hasDetails: hasAnyDetail(nextDetails.cell),
  };
  return {
    next: { ...initiative, cells: { ...initiative.cells, [regionCode]: nextCell } },
    ...(detailsChanged ? { details: nextDetails } : {}),
    history: [
      historyEntry(ctx, { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode, target: 'cell', action: 'update' }, changes),
    ],
  };
}
