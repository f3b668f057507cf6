/**
 * Which contacts the public sees (decision 0020). A contact may be a role ("Införandesamordnare, Region
 * Gotland"), a person's name or an e-mail address; an editor marks each contact public or not, and a contact
 * not marked public never reaches an anonymous reader: not in getDetails, not in the PDF/Word export. The
 * history, which keeps old values, is for licensed users only.
 */
import { hasAnyDetail, privacyFlagOf, type HistoryChange, type ParticipantDetails, type PublicContacts, type RegionCell } from '../shared/model';
import type { Audience } from './audience';

export { onlyPrivateDetails, privacyFlagOf } from '../shared/model';

export const NO_PUBLIC_CONTACTS: Readonly<PublicContacts> = Object.freeze({ regional: false, national: false });

export function publicContactsOf(details: Pick<ParticipantDetails, 'publicContacts'>): PublicContacts {
  return { ...NO_PUBLIC_CONTACTS, ...details.publicContacts };
}

/** The details as this audience may read them: for the public, a contact not marked public is left out. */
export function detailsForAudience(details: ParticipantDetails, audience: Audience): ParticipantDetails {
  if (audience === 'signed-in') return details;
  const shown = publicContactsOf(details);
  return {
    ...details,
    cell: {
      ...details.cell,
      regionalContact: shown.regional ? details.cell.regionalContact : '',
      nationalContact: shown.national ? details.cell.nationalContact : '',
    },
  };
}

/**
 * The flags after an edit of the contacts' texts: a public flag was chosen for the text it was set with, so a
 * contact whose text changes (by an edit that does not also choose its flag) is no longer public.
 */
export function publicContactsAfter(before: PublicContacts, changes: readonly HistoryChange[]): PublicContacts {
  const changed = new Set(changes.map((c) => c.field));
  return {
    regional: before.regional && !changed.has('regionalContact'),
    national: before.national && !changed.has('nationalContact'),
  };
}

/**
 * Whether this audience has details to read in the cell. For the public, a cell whose only details are
 * contacts not marked public has none: its views must not even show that a hidden contact exists.
 */
export function hasDetailsFor(cell: Pick<RegionCell, 'hasDetails' | 'detailsPrivate'>, audience: Audience): boolean {
  return cell.hasDetails && (audience === 'signed-in' || !cell.detailsPrivate);
}

/** The details' part of a RegionCell after an edit: whether any are set, and whether only an editor may read them. */
export function detailFlagsOf(details: ParticipantDetails): Pick<RegionCell, 'hasDetails' | 'detailsPrivate'> {
  return { hasDetails: hasAnyDetail(details.cell), ...privacyFlagOf(details.cell, details.publicContacts) };
}
