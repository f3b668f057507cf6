/** A new programme: the 21 regions as participants and the rollout model's milestones as its template. */
import type { Participant, Programme } from '../../shared/model';
import { SWEDISH_REGIONS } from '../../shared/regions';
import { DEFAULT_MILESTONES, type Locale } from '../../shared/vocabulary';
import { historyEntry, type Edit, type EditContext } from './edit-context';

export interface NewProgrammeInput {
  name: string;
  description: string;
  stalenessDays: number;
  published: boolean;
}

export function createProgramme(
  input: NewProgrammeInput,
  spaceKey: string,
  ctx: EditContext,
  options: { participants?: readonly Participant[]; locale?: Locale; isExample?: boolean } = {},
): Edit<Programme> {
  const locale = options.locale ?? 'sv';
  const programme: Programme = {
    id: ctx.newId(),
    spaceKey,
    name: input.name,
    description: input.description,
    participants: (options.participants ?? SWEDISH_REGIONS).map((p) => ({ ...p })),
    milestoneTemplate: DEFAULT_MILESTONES.map((m) => ({ id: m.id, phase: m.phase, title: m.title[locale] })),
    stalenessDays: input.stalenessDays,
    published: input.published,
    isExample: options.isExample ?? false,
    createdAt: ctx.at,
    createdBy: ctx.by,
    updatedAt: ctx.at,
    updatedBy: ctx.by,
    version: 1,
  };
  const changes = (['name', 'description', 'stalenessDays', 'published'] as const)
    .filter((f) => input[f] !== '')
    .map((f) => ({ field: f, old: null, new: input[f] }));
  return {
    next: programme,
    history: [historyEntry(ctx, { programmeId: programme.id, target: 'programme', action: 'create' }, changes)],
  };
}
