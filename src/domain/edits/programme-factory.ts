/**
 * A new programme: its participant set (the 21 regions by default, the 290 municipalities grouped by county,
 * or the office's own list; decision 0027) and the rollout model's milestones as its template.
 */
import type { Participant, Programme } from '../../shared/model';
import { SWEDISH_MUNICIPALITIES } from '../../shared/municipalities';
import { SWEDISH_REGIONS } from '../../shared/regions';
import type { ParticipantSet } from '../../shared/schemas';
import { DEFAULT_MILESTONES, type Locale } from '../../shared/vocabulary';
import { historyEntry, type Edit, type EditContext } from './edit-context';

export interface NewProgrammeInput {
  name: string;
  description: string;
  stalenessDays: number;
  published: boolean;
  /** Absent: the regions. */
  participantSet?: ParticipantSet;
  /** The custom set's list; ignored for the other sets, whose lists are the server's own. */
  participants?: readonly Participant[];
}

/** The participants of a new programme, as copies: the shared lists are never handed out to be changed. */
export function participantsFor(input: Pick<NewProgrammeInput, 'participantSet' | 'participants'>): Participant[] {
  const list = input.participantSet === 'municipalities' ? SWEDISH_MUNICIPALITIES : input.participantSet === 'custom' ? (input.participants ?? []) : SWEDISH_REGIONS;
  return list.map((p) => ({ ...p }));
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
    participants: options.participants ? options.participants.map((p) => ({ ...p })) : participantsFor(input),
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
  const changes: Array<{ field: string; old: null; new: string | number | boolean }> = (['name', 'description', 'stalenessDays', 'published'] as const)
    .filter((f) => input[f] !== '')
    .map((f) => ({ field: f, old: null, new: input[f] as string | number | boolean }));
  // Which set it was created with, so the history says where a programme's participants came from.
  if (input.participantSet) changes.push({ field: 'participantSet', old: null, new: input.participantSet });
  return {
    next: programme,
    history: [historyEntry(ctx, { programmeId: programme.id, target: 'programme', action: 'create' }, changes)],
  };
}
