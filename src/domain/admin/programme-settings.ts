/**
 * Programme administration (decision 0022), pure: a programme as the space page lists it, and a change of
 * its settings under the field-level conflict rule of decision 0004, with its history entry.
 */
import type { ProgrammeAdminItem } from '../../shared/contract';
import type { Initiative, Programme } from '../../shared/model';
import type { ProgrammeSettings } from '../../shared/schemas';
import { historyEntry, type Edit, type EditContext } from '../edits/edit-context';
import { mergeFieldPatch } from '../edits/field-patch';
import { lastUpdatedAt } from '../programme-summary';

export function programmeAdminItem(programme: Programme, initiatives: ReadonlyArray<Initiative>): ProgrammeAdminItem {
  return {
    id: programme.id,
    name: programme.name,
    description: programme.description,
    stalenessDays: programme.stalenessDays,
    published: programme.published,
    isExample: programme.isExample,
    participantCount: programme.participants.length,
    initiativeCount: initiatives.length,
    lastChangedAt: lastUpdatedAt(programme, initiatives),
    version: programme.version,
    participants: programme.participants.map((p) => ({ ...p })),
    retiredParticipants: (programme.retiredParticipants ?? []).map((p) => ({ ...p })),
    milestoneTemplate: programme.milestoneTemplate.map((m) => ({ ...m })),
    initiatives: [...initiatives].sort((a, b) => a.order - b.order).map((i) => ({ id: i.id, name: i.name, archived: i.archived })),
  };
}

export function settingsOf(programme: Programme): ProgrammeSettings {
  return { name: programme.name, description: programme.description, stalenessDays: programme.stalenessDays, published: programme.published };
}

/**
 * Applies the changed settings. A field someone else changed meanwhile to another value is a CONFLICT with
 * the current value (and when the programme was last changed); an unchanged value writes nothing.
 */
export function applyProgrammeSettings(
  programme: Programme,
  patch: Partial<ProgrammeSettings>,
  expected: Partial<ProgrammeSettings>,
  ctx: EditContext,
): Edit<Programme> {
  const { merged, changes } = mergeFieldPatch(settingsOf(programme), patch, expected, { updatedAt: programme.updatedAt, updatedByName: null });
  if (changes.length === 0) return { next: programme, history: [] };
  return {
    next: { ...programme, ...merged, updatedAt: ctx.at, updatedBy: ctx.by },
    history: [historyEntry(ctx, { programmeId: programme.id, target: 'programme', action: 'update' }, changes)],
  };
}
