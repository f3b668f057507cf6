/**
 * Participants by group (decision 0027): a programme of municipalities rolls up by county. Pure and shared
 * by every overview (rollout status, roadmap, support plan) and the region chooser, so "Infört i 12 av 33
 * kommuner" is counted the same way everywhere. The UI groups what the view already carries (each
 * participant's `group`); nothing is added to the view response.
 */
import type { Participant } from './model';
import { SWEDISH_REGIONS } from './regions';

export interface ParticipantGroup {
  /** The group's code: for municipalities the county code ('01'). '' for the participants without a group. */
  code: string;
  /** The county's short name ('Stockholm', as its region's in regions.json), the code when it is not a county, '' for none. */
  name: string;
  /** The group's participants, in the order they were given. */
  members: Participant[];
}

/** True when any participant has a group: only then do the overviews offer grouping. */
export function hasGroups(participants: ReadonlyArray<Participant>): boolean {
  return participants.some((p) => p.group !== undefined && p.group !== '');
}

/** The name a group is shown by: its county's short name, or the code when it is not a county. */
export function groupName(code: string): string {
  return SWEDISH_REGIONS.find((r) => r.code === code)?.short ?? code;
}

/**
 * The participants in groups, the groups in the order their first member comes and the members in the
 * given order, so a list already ordered (the reader's choice first) keeps that order within and across
 * groups. Participants without a group form one group with code '', placed last. Null when no participant
 * has a group.
 */
export function groupParticipants(participants: ReadonlyArray<Participant>): ParticipantGroup[] | null {
  if (!hasGroups(participants)) return null;
  const byCode = new Map<string, ParticipantGroup>();
  for (const p of participants) {
    const code = p.group ?? '';
    let group = byCode.get(code);
    if (!group) {
      group = { code, name: code ? groupName(code) : '', members: [] };
      byCode.set(code, group);
    }
    group.members.push(p);
  }
  const groups = [...byCode.values()];
  const ungrouped = groups.findIndex((g) => g.code === '');
  if (ungrouped >= 0 && ungrouped < groups.length - 1) groups.push(groups.splice(ungrouped, 1)[0]!);
  return groups;
}

export interface RollUp<K extends string> {
  /** Members with a value (a member without a cell, say, is not counted). */
  total: number;
  /** How many members have each value; every key of `keys` is present. */
  counts: Record<K, number>;
}

/**
 * How many of the group's members are in each state: the rollout status per municipality for "Infört i 12
 * av 33 kommuner", contact made or not for "kontakt med 12 av 33 kommuner". `valueOf` gives a member's
 * state, or undefined when the member has none here (it is then left out of the total).
 */
export function rollUp<K extends string>(
  members: ReadonlyArray<Participant>,
  keys: readonly K[],
  valueOf: (participant: Participant) => K | undefined,
): RollUp<K> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  let total = 0;
  for (const p of members) {
    const value = valueOf(p);
    if (value === undefined) continue;
    counts[value] += 1;
    total += 1;
  }
  return { total, counts };
}

/**
 * What the reader's choice (one stored code, decision 0019) means in this programme: a participant, or a
 * group (a county, whose municipalities then come first), or nothing when the programme has neither. A
 * participant's code wins over a group's, so a regions programme, where the county code is the region's
 * code, chooses the region; a municipality programme, where no participant has a two-digit code, chooses
 * the county. The same stored code therefore means "Stockholm" on both kinds of page.
 */
export type ResolvedChoice =
  | { kind: 'participant'; code: string; participant: Participant }
  | { kind: 'group'; code: string; name: string; members: Participant[] }
  | null;

export function resolveChoice(participants: ReadonlyArray<Participant>, code: string | null | undefined): ResolvedChoice {
  if (!code) return null;
  const participant = participants.find((p) => p.code === code);
  if (participant) return { kind: 'participant', code, participant };
  const members = participants.filter((p) => p.group === code);
  if (members.length > 0) return { kind: 'group', code, name: groupName(code), members };
  return null;
}

/** The codes a choice puts first, in the programme's order: the participant's, or every member's of the group. */
export function chosenCodes(choice: ResolvedChoice): readonly string[] | null {
  if (!choice) return null;
  return choice.kind === 'participant' ? [choice.code] : choice.members.map((p) => p.code);
}

/** The group the choice lives in: the chosen group, or the chosen participant's group; null otherwise. */
export function chosenGroup(choice: ResolvedChoice): string | null {
  if (!choice) return null;
  return choice.kind === 'group' ? choice.code : (choice.participant.group ?? null);
}

/** A page of whole groups: which groups it shows (start to one before end), of how many, and which page of how many. */
export interface GroupPage {
  start: number;
  end: number;
  total: number;
  index: number;
  count: number;
}

/**
 * Pages of whole groups (decision 0027): each group is a block (its roll-up line, then its members' lines
 * when it is open), and a page holds as many blocks as fit in `size` lines; a block larger than that gets
 * a page of its own, so a county is never split from its municipalities. Every view that pages counties
 * uses this one rule, so "Visar län 1–4 av 21" means the same everywhere. `page` is null when one page holds all.
 */
export function pageWholeGroups<T>(blocks: ReadonlyArray<ReadonlyArray<T>>, requested: number, size: number): { lines: T[]; page: GroupPage | null } {
  const pages: Array<{ start: number; lines: T[] }> = [];
  blocks.forEach((block, i) => {
    const last = pages.at(-1);
    if (last && last.lines.length + block.length <= size) last.lines.push(...block);
    else pages.push({ start: i, lines: [...block] });
  });
  if (pages.length <= 1) return { lines: pages[0]?.lines ?? [], page: null };
  const index = Math.min(Math.max(0, requested), pages.length - 1);
  const end = index + 1 < pages.length ? pages[index + 1]!.start : blocks.length;
  return { lines: pages[index]!.lines, page: { start: pages[index]!.start, end, total: blocks.length, index, count: pages.length } };
}
