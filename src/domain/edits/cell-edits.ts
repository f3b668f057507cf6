/**
 * Edits of initiative × region cells: one cell's fields, or one status for several regions at once. A cell's
 * plan lives in the initiative, its details (note, link, contacts) apart (decision 0017); an edit sees and
 * merges both, so the conflict rule is the same for every field.
 */
import { fail } from '../../shared/errors';
import type { CellFields, Initiative, ParticipantDetails, Programme, RegionCell, Stamp } from '../../shared/model';
import type { RolloutStatus } from '../../shared/vocabulary';
import { cellAt, detailsOf, fullCell, hasAnyDetail, planOf } from '../cells';
import { privacyFlagOf, publicContactsAfter, publicContactsOf } from '../contact-privacy';
import { historyEntry, type Edit, type EditContext } from './edit-context';
import { bulkFieldChange, mergeFieldPatch } from './field-patch';

/** A cell keeps when it was updated to the day (decision 0017): the response shows what readers will see. */
export function dayOf(ctx: EditContext): string {
  return `${ctx.at.slice(0, 10)}T00:00:00.000Z`;
}

export function stampOf(ctx: EditContext): Stamp {
  return { updatedAt: ctx.at, updatedBy: ctx.by, updatedByName: ctx.byName };
}

/** Region codes come from the client; only the programme's own participants have cells. */
export function requireParticipants(programme: Programme, regionCodes: readonly string[], path = 'regionCode'): void {
  const known = new Set(programme.participants.map((p) => p.code));
  const unknown = regionCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    fail('VALIDATION', `Not a participant of this programme: ${unknown.join(', ')}`, {
      issues: unknown.map((code) => ({ path, message: `Unknown region ${code}` })),
    });
  }
}

function withCells(initiative: Initiative, cells: Record<string, RegionCell>): Initiative {
  return { ...initiative, cells: { ...initiative.cells, ...cells } };
}

/** A cell edit changes the initiative and, when a detail changed, the participant's details. */
export interface CellEdit extends Edit<Initiative> {
  details?: ParticipantDetails;
}

export function applyCellPatch(
  initiative: Initiative,
  details: ParticipantDetails,
  regionCode: string,
  patch: Partial<CellFields>,
  expected: Partial<CellFields>,
  ctx: EditContext,
): CellEdit {
  const stored = cellAt(initiative, regionCode);
  const { merged, changes } = mergeFieldPatch<CellFields>(fullCell(stored, details.cell), patch, expected, { updatedAt: stored.updatedAt, updatedByName: null });
  if (changes.length === 0) return { next: initiative, history: [] };
  const nextDetails = detailsOf(merged);
  const detailsChanged = changes.some((c) => c.field in nextDetails);
  // A contact whose text changed is no longer public unless chosen again (decision 0020).
  const publicContacts = detailsChanged ? publicContactsAfter(publicContactsOf(details), changes) : details.publicContacts;
  const cell: RegionCell = { ...planOf(merged), updatedAt: dayOf(ctx), hasDetails: hasAnyDetail(nextDetails), ...privacyFlagOf(nextDetails, publicContacts) };
  return {
    next: withCells(initiative, { [regionCode]: cell }),
    ...(detailsChanged ? { details: { ...details, cell: nextDetails, publicContacts } } : {}),
    history: [
      historyEntry(
        ctx,
        { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode, target: 'cell', action: 'update' },
        changes,
      ),
    ],
  };
}

/**
 * One status for several regions, all or nothing. A region whose stored status is neither the one the editor
 * saw nor the one they chose is a conflict; the error lists those region codes and their current status.
 */
export function applyBulkStatus(
  initiative: Initiative,
  regionCodes: readonly string[],
  status: RolloutStatus,
  expected: Readonly<Record<string, RolloutStatus>>,
  ctx: EditContext,
): Edit<Initiative> {
  const storedStatus = (code: string) => cellAt(initiative, code).status;
  const changed = bulkFieldChange(regionCodes, status, expected, storedStatus, 'status');
  const cells = Object.fromEntries(changed.map((code) => [code, { ...cellAt(initiative, code), status, updatedAt: dayOf(ctx) }]));
  const history = changed.map((code) =>
    historyEntry(
      ctx,
      { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode: code, target: 'cell', action: 'update' },
      [{ field: 'status', old: storedStatus(code), new: status }],
    ),
  );
  return { next: changed.length === 0 ? initiative : withCells(initiative, cells), history };
}
