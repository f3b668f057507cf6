/**
 * getDetails: notes, links, contacts and need notes, on demand (decision 0017). The overviews never carry
 * them, so a view of 290 participants stays small; a popover, a form, a list or the CSV export asks here.
 */
import { detailsForAudience, publicContactsOf } from '../domain/contact-privacy';
import type { DetailsEntry, DetailsPage } from '../shared/contract';
import { fail } from '../shared/errors';
import type { ParticipantDetails } from '../shared/model';
import { getDetailsSchema } from '../shared/schemas';
import { detailKey, latestCellChange, queryDetailsPage, readDetails, readDetailsByKey } from '../storage';
import { authoriseReadProgramme } from './access';
import { defineResolver } from './define';

/** Initiatives per page when one participant is read across the programme (four batch reads of 25). */
const INITIATIVES_PER_PAGE = 100;

export const getDetails = defineResolver('getDetails', {
  authorise: authoriseReadProgramme,
  payload: getDetailsSchema,
  async run(input, snapshot, call): Promise<DetailsPage> {
    const { programme, initiatives } = snapshot;
    if (input.initiativeId !== undefined && !initiatives.some((i) => i.id === input.initiativeId)) {
      fail('NOT_FOUND', 'No such initiative in this programme');
    }
    if (input.regionCode !== undefined && !programme.participants.some((p) => p.code === input.regionCode)) {
      fail('NOT_FOUND', 'No such participant in this programme');
    }
    const { initiativeId, regionCode } = input;
    // Anonymous readers never receive a contact that is not marked public (decision 0020).
    const audience = call.accountId === null ? 'public' : 'signed-in';
    const entry = (id: string, code: string, stored: ParticipantDetails): DetailsEntry => {
      const d = detailsForAudience(stored, audience);
      return { initiativeId: id, regionCode: code, cell: d.cell, needNotes: d.needNotes, ...(d.publicContacts ? { publicContacts: publicContactsOf(d) } : {}) };
    };

    if (initiativeId !== undefined && regionCode !== undefined) {
      const [details, last] = await Promise.all([
        readDetails(initiativeId, [regionCode]),
        // Who changed what is history: for licensed users only.
        call.accountId === null || call.accountType !== 'licensed' ? null : latestCellChange(initiativeId, regionCode),
      ]);
      return { entries: [entry(initiativeId, regionCode, details.get(regionCode)!)], cursor: null, lastChange: last };
    }

    if (regionCode !== undefined) {
      const start = input.cursor === undefined ? 0 : Number(input.cursor);
      if (!Number.isInteger(start) || start < 0 || start > initiatives.length) {
        fail('VALIDATION', 'The details cursor is not valid', { issues: [{ path: 'cursor', message: 'Not a cursor from a previous page' }] });
      }
      const ids = initiatives.slice(start, start + INITIATIVES_PER_PAGE).map((i) => i.id);
      const found = await readDetailsByKey(ids.map((id) => ({ initiativeId: id, code: regionCode })));
      const next = start + INITIATIVES_PER_PAGE;
      return {
        entries: ids.map((id) => entry(id, regionCode, found.get(detailKey(id, regionCode))!)),
        cursor: next < initiatives.length ? String(next) : null,
      };
    }

    const page = await queryDetailsPage(initiativeId !== undefined ? { initiativeId } : { programmeId: programme.id }, input.cursor);
    return { entries: page.entries.map((e) => entry(e.initiativeId, e.code, e.details)), cursor: page.cursor };
  },
});
